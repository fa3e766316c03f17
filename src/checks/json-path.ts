import { defineCheck } from './define.js';
import { filesMatching, globsOf } from './file-globs.js';
import { jsonLineOf } from './value-path.js';
import { valuePathCheckParams, valuePathOutcome, type ReadDocuments } from './value-path-outcome.js';
import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';

export const jsonPath = defineCheck({
  id: 'json-path',
  primitive: true,
  description: 'Check primitive: JSON (or JSONC) files matching a glob have a value at a dotted path (optionally equal to a value).',
  howDetected:
    'Parses each file matching the globs as JSON with comments and trailing commas allowed (package.json, devcontainer.json, tsconfig.json) and looks up the dotted path: keys separated by dots, `*` for any key or list item, a number for a list item. With `equals`, the value must equal it. A file that does not parse makes the check "could not tell" for that file.',
  example: ['- check: json-path', '  with:', '    glob: package.json', '    path: scripts.docker:build'].join('\n'),
  reads: [],
  params: valuePathCheckParams,
  run({ snapshot }, params) {
    return valuePathOutcome(filesMatching(snapshot, globsOf(params)), (path) => readJson(snapshot!, path), params);
  },
});

function readJson(snapshot: RepoSnapshot, path: string): ReadDocuments {
  const parsed = snapshot.json(path);
  const text = snapshot.text(path);
  if (!parsed || text === undefined) return { ok: false, why: 'file-unreadable' };
  if (parsed.error) return { ok: false, why: 'json-syntax', line: parsed.error.line };
  return { ok: true, documents: [parsed.value], lineOf: (at) => jsonLineOf(text, at) };
}
