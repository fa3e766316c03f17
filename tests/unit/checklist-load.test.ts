import { loadChecklist, parseChecklist, BUILT_IN_CHECKLISTS } from '../../src/checklist/load.js';
import { checklistErrorOf } from '../helpers/checklist.js';
import { CHECKS } from '../../src/checks/registry.js';

const valid = `id: mine
title: Mine
steps:
  - id: one
    title: One
    why: because
    advice: do it
    checks:
      - check: ci-builds-images
        with:
          requirePush: false
`;


describe('parseChecklist', () => {
  test('loads steps with their checks and validated parameters', () => {
    const checklist = parseChecklist(valid, 'mine.yaml');
    expect(checklist.steps).toHaveLength(1);
    expect(checklist.steps[0]!.checks[0]).toMatchObject({ check: { id: 'ci-builds-images' }, params: { requirePush: false } });
  });

  test('parameter defaults come from the check', () => {
    const checklist = parseChecklist(valid.replace(/\n\s+with:\n\s+requirePush: false/, ''), 'mine.yaml');
    expect(checklist.steps[0]!.checks[0]!.params).toEqual({ requirePush: true });
  });

  test.each([
    ['broken YAML', 'id: [mine\n', /^mine\.yaml:2:1: /],
    ['two documents', `${valid}---\n${valid}`, /^mine\.yaml:1:1: a checklist is exactly one YAML document$/],
    ['not a map', '- a\n- b\n', /^mine\.yaml:1:1: /],
    ['missing title', valid.replace('title: Mine\n', ''), /^mine\.yaml:1:1: title: /],
    ['empty why', valid.replace('why: because', 'why: ""'), /^mine\.yaml:6:10: steps\.0\.why: must not be empty$/],
    ['bad id', valid.replace('id: one', 'id: Step One'), /^mine\.yaml:4:9: steps\.0\.id: must be a kebab-case id/],
    ['unknown key', valid.replace('why: because', 'why: because\n    whyy: typo'), /^mine\.yaml:4:5: steps\.0: Unrecognized key: "whyy"$/],
    ['no checks', valid.replace(/checks:[\s\S]*$/, 'checks: []\n'), /^mine\.yaml:8:5: steps\.0\.checks: a step needs at least one check$/],
    ['unknown check', valid.replace('ci-builds-images', 'ci-builds-image'), /^mine\.yaml:9:16: unknown check 'ci-builds-image'/],
    ['bad parameter', valid.replace('requirePush: false', 'requirePush: maybe'), /^mine\.yaml:11:24: check 'ci-builds-images': requirePush: /],
    ['unknown parameter', valid.replace('requirePush: false', 'requirepush: false'), /^mine\.yaml:10:9: check 'ci-builds-images': Unrecognized key/],
    ['duplicate step', valid + valid.slice(valid.indexOf('  - id: one')), /^mine\.yaml:12:9: duplicate step id 'one'$/],
  ])('%s: one line with file:line:col', (_name, text, expected) => {
    const message = checklistErrorOf(text);
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });
});

describe('built-in checklists', () => {
  test.each(BUILT_IN_CHECKLISTS)('%s loads, and every step has its texts', (name) => {
    const checklist = loadChecklist(name);
    expect(checklist.steps.length).toBeGreaterThan(0);
    for (const step of checklist.steps) {
      expect(step.title.length).toBeGreaterThan(5);
      expect(step.why.length).toBeGreaterThan(40);
      expect(step.advice.length).toBeGreaterThan(40);
    }
  });

  test('the default checklist is the seven steps, in order', () => {
    expect(loadChecklist('containerization').steps.map((s) => s.id)).toEqual([
      'first-dockerfile', 'all-dockerfiles', 'compose', 'dev-in-containers', 'automated-builds', 'ci-with-images', 'cd-staging',
    ]);
  });

  test('every registered check is used by a built-in checklist (primitives are for checklists of your own)', () => {
    const used = new Set(BUILT_IN_CHECKLISTS.flatMap((name) => loadChecklist(name).steps.flatMap((s) => s.checks.map((c) => c.check.id))));
    expect(CHECKS.filter((c) => !c.primitive).map((c) => c.id).filter((id) => !used.has(id))).toEqual([]);
  });

  test('advice fits an 80-column terminal once indented', () => {
    for (const name of BUILT_IN_CHECKLISTS) {
      for (const step of loadChecklist(name).steps) {
        const long = step.advice.split('\n').filter((line) => line.length > 74);
        expect({ step: step.id, long }).toEqual({ step: step.id, long: [] });
      }
    }
  });

  test('a missing checklist file is a one-line error', () => {
    expect(() => loadChecklist('/nope/none.yaml')).toThrow(/^\/nope\/none\.yaml: cannot read checklist \(no such file\)$/);
  });
});
