// Writes dist/checklists/<name>.json for each built-in checklist: parsed and validated once here,
// so a run loads JSON instead of parsing YAML and validating it with zod (src/checklist/compiled.ts).
// The copy must load back to exactly what the parser makes, or the build fails.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import '../dist/cli/zod-jitless.js';
import { BUILT_IN_CHECKLISTS, builtInChecklistPath, parseChecklist } from '../dist/checklist/load.js';
import { compileChecklist, compiledChecklist, compiledChecklistPath } from '../dist/checklist/compiled.js';

for (const name of BUILT_IN_CHECKLISTS) {
  const path = builtInChecklistPath(name);
  const yaml = readFileSync(path, 'utf8');
  const parsed = parseChecklist(yaml, `built-in:${name}`, path);
  const json = compileChecklist(parsed, yaml);
  if (!isDeepStrictEqual(compiledChecklist(json, yaml), parsed)) {
    console.error(`compile-checklists: ${name} does not load back from JSON as parsed (parameters that JSON cannot hold?)`);
    process.exit(1);
  }
  const out = compiledChecklistPath(name);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
}
