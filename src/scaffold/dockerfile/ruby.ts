import { defineDockerfileTemplate, type ImageProfile } from './define.js';
import { and, copyExisting, lines, run } from './instructions.js';
import { execForm, jsonArray, procfileCommand } from '../project/command.js';
import { findPort } from '../project/port.js';
import { exactVersion, lowestVersion } from '../project/version.js';
import type { ServiceFiles } from '../project/service-files.js';

const DEFAULT_RUBY = '3.4';
/** Native gems and the packages they compile against (build) and load (runtime). */
const NATIVE_GEMS: ReadonlyArray<{ gem: RegExp; build: string; runtime: string }> = [
  { gem: /^\s*gem\s+["']pg["']/m, build: 'libpq-dev', runtime: 'libpq5' },
  { gem: /^\s*gem\s+["']mysql2["']/m, build: 'default-libmysqlclient-dev', runtime: 'libmariadb3' },
];

interface RubyProfile extends ImageProfile {
  version: string;
  locked: boolean;
  buildPackages: string[];
  runtimePackages: string[];
  command: string[];
  rails: boolean;
}

const BUNDLE_ENV = (locked: boolean) => `ENV BUNDLE_PATH=/usr/local/bundle${locked ? ' BUNDLE_DEPLOYMENT=1' : ''} \\\n    BUNDLE_WITHOUT="development:test"`;

/** https://docs.docker.com/guides/ruby/containerize/ */
export const rubyTemplate = defineDockerfileTemplate<RubyProfile>({
  id: 'ruby',
  fits: (files) => files.has('Gemfile'),
  inspect(files) {
    const review: string[] = [];
    const gemfile = files.text('Gemfile') ?? '';
    const declared = exactVersion(files.text('.ruby-version')) ?? lowestVersion(/^\s*ruby\s+["']([^"']+)["']/m.exec(gemfile)?.[1]);
    if (!declared) review.push(`no Ruby version in .ruby-version or the Gemfile: using ${DEFAULT_RUBY}`);
    const native = NATIVE_GEMS.filter((entry) => entry.gem.test(gemfile));
    const rails = files.has('bin/rails');
    if (rails) review.push('Rails needs RAILS_ENV, SECRET_KEY_BASE (or RAILS_MASTER_KEY) and a database at run time');
    const locked = files.has('Gemfile.lock');
    if (!locked) review.push('no Gemfile.lock: commit it so image builds use the gems you tested');
    const start = startCommand(files, rails, review);
    const port = start.port ?? findPort(files, ['.rb']);
    const test = /^\s*gem\s+["']rspec(?:-rails)?["']/m.test(gemfile) ? ['bundle', 'exec', 'rspec'] : rails ? ['bin/rails', 'test'] : files.list().some((f) => f.startsWith('test/')) ? ['bundle', 'exec', 'rake', 'test'] : undefined;
    return {
      version: declared ?? DEFAULT_RUBY, locked, rails, review, port,
      buildPackages: ['build-essential', ...native.map((n) => n.build)], runtimePackages: native.map((n) => n.runtime),
      command: start.command, test: test && { stage: 'test', command: test },
      workdir: '/app', reload: 'sync', rebuildOn: ['Gemfile', ...(locked ? ['Gemfile.lock'] : [])], syncIgnore: ['vendor/', 'tmp/', 'log/'],
    };
  },
  render(p) {
    const image = `ruby:${p.version}-slim`;
    const apt = (packages: string[]) => run(and('apt-get update', `apt-get install --no-install-recommends -y ${packages.join(' ')}`, 'rm -rf /var/lib/apt/lists/*'));
    return lines(
      '# Gems are compiled here; the runtime stage copies them without the compilers.',
      `FROM ${image} AS build`,
      'WORKDIR /app',
      BUNDLE_ENV(p.locked),
      apt(p.buildPackages),
      copyExisting(['Gemfile', 'Gemfile.lock'], (file) => file === 'Gemfile' || p.locked),
      'RUN bundle install',
      'COPY . .',
      '',
      '# Adds the development and test gems; CI runs the tests here.',
      'FROM build AS test',
      'ENV BUNDLE_WITHOUT="" BUNDLE_DEPLOYMENT=false',
      'RUN bundle install',
      '',
      `FROM ${image} AS runtime`,
      'WORKDIR /app',
      BUNDLE_ENV(p.locked),
      p.runtimePackages.length > 0 && apt(p.runtimePackages),
      'RUN useradd --create-home --uid 10001 app',
      'COPY --from=build /usr/local/bundle /usr/local/bundle',
      '# Owned by the app user: Rails and Rack servers write to tmp/ and log/.',
      'COPY --from=build --chown=app:app /app /app',
      'USER app',
      p.port !== undefined && `EXPOSE ${p.port}`,
      `CMD ${jsonArray(p.command)}`,
    );
  },
  ignore: () => ['.bundle', 'vendor/bundle', 'log/*', 'tmp/*', 'coverage', 'node_modules'],
});

function startCommand(files: ServiceFiles, rails: boolean, review: string[]): { command: string[]; port?: number } {
  const procfile = procfileCommand(files);
  if (procfile) return { command: execForm(procfile) };
  if (rails) return { command: ['bin/rails', 'server', '--binding', '0.0.0.0', '--port', '3000'], port: 3000 };
  if (files.has('config.ru')) return { command: ['bundle', 'exec', 'rackup', '--host', '0.0.0.0', '--port', '9292'], port: 9292 };
  const main = ['app.rb', 'main.rb', 'server.rb'].find((file) => files.has(file));
  if (main) return { command: ['bundle', 'exec', 'ruby', main, '-o', '0.0.0.0'] };
  review.push('no Procfile, config.ru or main file found: set CMD to what starts the app');
  return { command: ['bundle', 'exec', 'ruby', 'main.rb'] };
}
