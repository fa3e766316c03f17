import type { ImageBuilderFact } from '../facts.js';
import { dirOf, isWithin, resolveInRepo } from '../../snapshot/paths.js';
import { defineBuilder } from './define.js';

/** A target starts at column 0: `docker:`; upper-case names are functions, not targets. */
const TARGET = /^([a-z][\w.-]*):\s*(?:#.*)?$/;
const SAVE_IMAGE = /^\s*SAVE\s+IMAGE\b/;
/** `COPY ./services/api+build/app .`, `FROM ./services/api+build`: a target of the Earthfile in that directory. */
const OTHER_EARTHFILE = /^(\.{1,2}\/[^\s+]*)\+/;

/**
 * Earthly (https://docs.earthly.dev/docs/earthfile) builds images with `SAVE IMAGE` in an Earthfile
 * target. The image is the code the target copies: its Earthfile's directory, or the one
 * subdirectory (or other Earthfile) all its `COPY` and `FROM` lines come from.
 */
export const earthly = defineBuilder({
  id: 'earthly',
  files: ['**/Earthfile'],
  find({ snapshot }) {
    const facts: ImageBuilderFact[] = [];
    for (const path of snapshot.filesNamed('Earthfile')) {
      const dir = dirOf(path);
      let target: { name: string; sources: string[] } | undefined;
      (snapshot.text(path) ?? '').split(/\r?\n/).forEach((text, index) => {
        const header = TARGET.exec(text);
        if (header) target = { name: header[1] ?? '', sources: [] };
        else if (/^\S/.test(text) && text.trim() !== '' && !text.startsWith('#')) target = undefined;
        if (!target || header) return;
        target.sources.push(...sourcesOf(text.trim(), dir));
        if (SAVE_IMAGE.test(text)) facts.push({ builder: 'earthly', directory: commonDirectory(target.sources, dir), path, line: index + 1, target: target.name });
      });
    }
    return facts;
  },
});

function sourcesOf(line: string, dir: string): string[] {
  const [keyword, ...rest] = line.split(/\s+/);
  const args = rest.filter((arg) => !arg.startsWith('--'));
  if (keyword === 'FROM' || keyword === 'BUILD') return args.slice(0, 1).flatMap((arg) => otherEarthfile(arg, dir));
  if (keyword !== 'COPY') return [];
  return args.slice(0, -1).flatMap((source) => {
    if (source.startsWith('+')) return []; // an artifact of this Earthfile
    if (source.includes('+')) return otherEarthfile(source, dir);
    return resolveInRepo(dir, source.replace(/\/?\*.*$/, '')) ?? [];
  });
}

function otherEarthfile(reference: string, dir: string): string[] {
  const match = OTHER_EARTHFILE.exec(reference);
  return match ? [resolveInRepo(dir, match[1] ?? '.') ?? []].flat() : [];
}

/** The deepest directory below the Earthfile's that holds every source; the Earthfile's own when they spread out. */
function commonDirectory(sources: string[], dir: string): string {
  const inside = sources.filter((source) => isWithin(source, dir) && source !== dir);
  if (inside.length === 0 || inside.length !== sources.length) return dir;
  let common = inside[0]!.split('/');
  for (const source of inside.slice(1)) {
    const parts = source.split('/');
    let i = 0;
    while (i < common.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  const joined = common.join('/');
  return joined === '' || !isWithin(joined, dir) ? dir : joined;
}
