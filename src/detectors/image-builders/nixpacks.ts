import type { ImageBuilderFact } from '../facts.js';
import { baseName, dirOf } from '../../snapshot/paths.js';
import { tomlOf } from '../../parsers/toml.js';
import { commandsMatching, defineBuilder, scriptPath } from './define.js';
import { isRecord } from '../../parsers/record.js';

const NIXPACKS = /(?:^|[\s/])nixpacks\s+build(?=\s)/;

/**
 * Nixpacks (https://nixpacks.com/docs/configuration/file) builds an image from source with no
 * Dockerfile: `nixpacks.toml`/`nixpacks.json`, Railway's config choosing it, `nixpacks build`.
 */
export const nixpacks = defineBuilder({
  id: 'nixpacks',
  files: ['**/nixpacks.toml', '**/nixpacks.json', '**/railway.toml', '**/railway.json', '(scripts and CI running nixpacks build)'],
  find({ snapshot }) {
    const facts: ImageBuilderFact[] = [];
    for (const path of snapshot.filesNamed('nixpacks.toml', 'nixpacks.json', 'railway.toml', 'railway.json')) {
      if (!baseName(path).startsWith('railway') || railwayBuilder(snapshot, path) === 'nixpacks') facts.push({ builder: 'nixpacks', directory: dirOf(path), path, line: 1 });
    }
    for (const { script, args } of commandsMatching(snapshot, NIXPACKS)) {
      const directory = scriptPath(snapshot, script, args.find((arg) => !arg.startsWith('-')));
      if (directory !== undefined) facts.push({ builder: 'nixpacks', directory, path: script.path, line: script.line });
    }
    return facts;
  },
});

/** `build.builder` of `railway.toml`/`railway.json` (https://docs.railway.com/reference/config-as-code), lower-cased. */
export function railwayBuilder(snapshot: Parameters<typeof tomlOf>[0], path: string): string | undefined {
  const name = baseName(path);
  const document = name === 'railway.toml' ? tomlOf(snapshot, path)?.value : name === 'railway.json' ? snapshot.json(path)?.value : undefined;
  const build = isRecord(document) && isRecord(document.build) ? document.build : undefined;
  return typeof build?.builder === 'string' ? build.builder.toLowerCase() : undefined;
}
