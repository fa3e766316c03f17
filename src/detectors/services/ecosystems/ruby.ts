import { hasFile } from '../project.js';
import { baseName } from '../../../snapshot/paths.js';
import { defineEcosystem } from './define.js';

/** What starts a Ruby app: Rails, a Rack config, a Sinatra-style app.rb, a Procfile. */
const APP_FILES = ['config.ru', 'bin/rails', 'config/application.rb', 'app.rb', 'Procfile', 'config/puma.rb'];

/** A Gemfile with a gemspec beside it and nothing that starts an app is a gem; anything else is an app. */
export const ruby = defineEcosystem({
  id: 'ruby',
  manifests: ['Gemfile'],
  rank: 3,
  classify(project) {
    const { snapshot, dir } = project;
    const isApp = APP_FILES.some((name) => hasFile(snapshot, dir, name));
    const isGem = snapshot.filesIn(dir).some((file) => file.endsWith('.gemspec') && baseName(file) !== 'Gemfile');
    return { kind: isApp || !isGem ? 'app' : 'library', language: 'ruby' };
  },
});
