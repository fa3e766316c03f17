import type { ImageBuilderFact } from '../facts.js';
import { baseName, dirOf } from '../../snapshot/paths.js';
import { commandsMatching, defineBuilder, scriptPath } from './define.js';
import { railwayBuilder } from './nixpacks.js';

const RAILPACK = /(?:^|[\s/])railpack\s+(?:build|prepare)(?=\s)/;

/** Railpack (https://railpack.com/config/file), Nixpacks' successor: `railpack.json`, Railway's config choosing it, `railpack build`. */
export const railpack = defineBuilder({
  id: 'railpack',
  files: ['**/railpack.json', '**/railway.toml', '**/railway.json', '(scripts and CI running railpack build)'],
  find({ snapshot }) {
    const facts: ImageBuilderFact[] = [];
    for (const path of snapshot.filesNamed('railpack.json', 'railway.toml', 'railway.json')) {
      if (baseName(path) === 'railpack.json' || railwayBuilder(snapshot, path) === 'railpack') facts.push({ builder: 'railpack', directory: dirOf(path), path, line: 1 });
    }
    for (const { script, args } of commandsMatching(snapshot, RAILPACK)) {
      const directory = scriptPath(snapshot, script, args.find((arg) => !arg.startsWith('-')));
      if (directory !== undefined) facts.push({ builder: 'railpack', directory, path: script.path, line: script.line });
    }
    return facts;
  },
});
