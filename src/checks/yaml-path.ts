import { defineCheck } from './define.js';
import { filesMatching, globsOf } from './file-globs.js';
import { valuePathCheckParams, valuePathOutcome, type ReadDocuments } from './value-path-outcome.js';
import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';

export const yamlPath = defineCheck({
  id: 'yaml-path',
  primitive: true,
  description: 'Check primitive: YAML files matching a glob have a value at a dotted path (optionally equal to a value).',
  howDetected:
    'Parses each file matching the globs as YAML 1.2 (every document of a multi-document file) and looks up the dotted path: keys separated by dots, `*` for any key or list item, a number for a list item. With `equals`, the value must equal it (numbers and booleans also match their string form). A file that does not parse makes the check "could not tell" for that file.',
  example: ['- check: yaml-path', '  with:', '    glob: ".github/workflows/*.y*ml"', '    path: permissions', '    in: every'].join('\n'),
  reads: [],
  params: valuePathCheckParams,
  run({ snapshot }, params) {
    return valuePathOutcome(filesMatching(snapshot, globsOf(params)), (path) => readYaml(snapshot!, path), params);
  },
});

function readYaml(snapshot: RepoSnapshot, path: string): ReadDocuments {
  const parsed = snapshot.yaml(path);
  if (!parsed) return { ok: false, why: 'file-unreadable' };
  const [error] = parsed.errors;
  if (error) return { ok: false, why: 'yaml-syntax', line: error.line };
  return { ok: true, documents: parsed.documents, lineOf: (at, document) => parsed.lineOf(at, document) };
}
