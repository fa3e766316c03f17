import { existsSync, readFileSync } from 'node:fs';
import { BUILT_IN_CHECKLISTS, builtInChecklistPath, loadChecklist, parseChecklist } from '../../src/checklist/load.js';
import { compileChecklist, compiledChecklist, compiledChecklistPath, readCompiledChecklist } from '../../src/checklist/compiled.js';

// The build compiles each built-in checklist to JSON (scripts/compile-checklists.js, run by
// `npm test` before jest); a run loads that instead of parsing and validating the YAML.

const yamlOf = (name: string) => readFileSync(builtInChecklistPath(name), 'utf8');
const parsedOf = (name: string) => parseChecklist(yamlOf(name), `built-in:${name}`, builtInChecklistPath(name));

describe.each(BUILT_IN_CHECKLISTS)('built-in checklist %s', (name) => {
  test('the build wrote its compiled copy, made from the YAML as it is now', () => {
    expect(existsSync(compiledChecklistPath(name))).toBe(true);
    expect(JSON.parse(readCompiledChecklist(name)!).yaml).toBe(yamlOf(name));
  });

  test('the compiled copy loads to exactly what parsing the YAML gives', () => {
    const compiled = compiledChecklist(readCompiledChecklist(name), yamlOf(name));
    expect(compiled).toBeDefined();
    expect(compiled).toStrictEqual(parsedOf(name));
    // The checks are the registry's own objects, not copies: they carry the code that runs.
    expect(compiled!.steps[0]!.checks[0]!.check).toBe(parsedOf(name).steps[0]!.checks[0]!.check);
  });

  test('loadChecklist gives the same checklist as the parser', () => {
    expect(loadChecklist(name)).toStrictEqual(parsedOf(name));
  });
});

describe('compiledChecklist', () => {
  const name = BUILT_IN_CHECKLISTS[0];
  const yaml = yamlOf(name);
  const json = compileChecklist(parsedOf(name), yaml);

  test('round-trips a parsed checklist', () => {
    expect(compiledChecklist(json, yaml)).toStrictEqual(parsedOf(name));
  });

  test('is not used once the YAML differs from the one it was made from, by as little as a comment', () => {
    expect(compiledChecklist(json, `${yaml}# edited\n`)).toBeUndefined();
    expect(compiledChecklist(json, yaml.replace('Dockerfile', 'Containerfile'))).toBeUndefined();
  });

  test.each([
    ['no compiled file', undefined],
    ['not JSON', '{"yaml": '],
    ['JSON null', 'null'],
    ['no steps', JSON.stringify({ yaml, checklist: { id: 'x' } })],
  ])('%s: undefined, so the YAML is parsed instead', (_label, broken) => {
    expect(compiledChecklist(broken, yaml)).toBeUndefined();
  });

  test('a check the registry no longer has: undefined, and parsing reports it', () => {
    const renamed = json.replace('"check":"dockerfile-exists"', '"check":"no-such-check"');
    expect(renamed).not.toBe(json);
    expect(compiledChecklist(renamed, yaml)).toBeUndefined();
  });
});
