import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadChecklist, parseChecklist } from '../../src/checklist/load.js';
import { scanSnapshot } from '../../src/engine/scan.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { lines } from '../helpers/detect.js';
import { checklistErrorOf } from '../helpers/checklist.js';

const BUILT_IN = ['first-dockerfile', 'all-dockerfiles', 'compose', 'dev-in-containers', 'automated-builds', 'ci-with-images', 'cd-staging'];


describe('extends a built-in checklist', () => {
  test('only an id: the base, unchanged, under the new id', () => {
    const checklist = parseChecklist('id: ours\nextends: containerization\n', 'mine.yaml');
    expect(checklist).toMatchObject({ id: 'ours', title: 'The road to containers', next: { checklist: 'orchestration' } });
    expect(checklist.steps.map((s) => s.id)).toEqual(BUILT_IN);
  });

  test('remove, add, override one field, and reorder', () => {
    const checklist = parseChecklist(
      lines(
        'id: platform',
        'title: Ready for the platform',
        'extends: containerization',
        'remove: [dev-in-containers, cd-staging]',
        'order: [compose, first-dockerfile]',
        'steps:',
        '  - id: compose',
        '    advice: Use the platform compose template.',
        '  - id: healthchecks',
        '    title: Every image has a HEALTHCHECK',
        '    why: The platform restarts containers that stop answering.',
        '    checks:',
        '      - check: dockerfile-instruction',
        '        with: { instruction: HEALTHCHECK }',
        '    advice: Add a HEALTHCHECK instruction to each Dockerfile.',
      ),
      'mine.yaml',
    );
    expect(checklist.title).toBe('Ready for the platform');
    expect(checklist.steps.map((s) => s.id)).toEqual(['compose', 'first-dockerfile', 'all-dockerfiles', 'automated-builds', 'ci-with-images', 'healthchecks']);
    const compose = checklist.steps[0]!;
    expect(compose.advice).toBe('Use the platform compose template.');
    expect(compose.title).toBe('Write a Compose file for the whole app');
    expect(compose.checks.map((c) => c.check.id)).toEqual(['compose-file-exists', 'compose-covers-services']);
    expect(checklist.steps[5]!.checks[0]).toMatchObject({ check: { id: 'dockerfile-instruction' }, params: { instruction: 'HEALTHCHECK', in: 'every' } });
  });

  test('an extended checklist runs like any other', () => {
    const checklist = parseChecklist(lines('id: small', 'extends: containerization', 'order: [compose]', 'remove: [dev-in-containers, automated-builds, ci-with-images, cd-staging]'), 'mine.yaml');
    const report = scanSnapshot(createMemorySnapshot({ 'compose.yaml': lines('services:', '  db:', '    image: postgres:16') }), checklist);
    expect(report.steps.map((s) => [s.id, s.status])).toEqual([['compose', 'done'], ['first-dockerfile', 'todo'], ['all-dockerfiles', 'todo']]);
    expect(report.summary.nextStep).toBe('first-dockerfile');
  });
});

describe('extends a file, relative to the extending one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-extends-'));
  writeFileSync(join(dir, 'base.yaml'), lines('id: base', 'title: Base', 'steps:', '  - { id: one, title: One, why: w, advice: a, checks: [{ check: dockerfile-exists }] }'));
  writeFileSync(join(dir, 'child.yaml'), lines('id: child', 'extends: ./base.yaml', 'steps:', '  - { id: two, title: Two, why: w, advice: a, checks: [{ check: compose-file-exists }] }'));
  writeFileSync(join(dir, 'grandchild.yaml'), lines('id: grandchild', 'extends: child.yaml', 'order: [two]'));
  writeFileSync(join(dir, 'loop-a.yaml'), lines('id: loop-a', 'extends: loop-b.yaml'));
  writeFileSync(join(dir, 'loop-b.yaml'), lines('id: loop-b', 'extends: loop-a.yaml'));
  writeFileSync(join(dir, 'broken-base.yaml'), lines('id: broken-base', 'extends: broken.yaml'));
  writeFileSync(join(dir, 'broken.yaml'), lines('id: broken', 'title: Broken', 'steps:', '  - id: one', '    title: One', '    why: w', '    advice: a', '    checks: [{ check: nope }]'));

  test('chains of files', () => {
    expect(loadChecklist(join(dir, 'child.yaml')).steps.map((s) => s.id)).toEqual(['one', 'two']);
    const grandchild = loadChecklist(join(dir, 'grandchild.yaml'));
    expect(grandchild).toMatchObject({ id: 'grandchild', title: 'Base', source: join(dir, 'grandchild.yaml') });
    expect(grandchild.steps.map((s) => s.id)).toEqual(['two', 'one']);
  });

  test('a cycle, a missing base and a broken base are one-line errors at the extends key', () => {
    expect(() => loadChecklist(join(dir, 'loop-a.yaml'))).toThrow(/^.*loop-a\.yaml:2:10: extends: .*more than 5 checklists extend each other/);
    expect(() => parseChecklist('id: x\nextends: ./none.yaml\n', join(dir, 'x.yaml'))).toThrow(/x\.yaml:2:10: extends: .*none\.yaml: cannot read checklist \(no such file\)$/);
    const message = (() => {
      try {
        loadChecklist(join(dir, 'broken-base.yaml'));
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(/broken-base\.yaml:2:10: extends: .*broken\.yaml:8:23: unknown check 'nope'/);
    expect(message).not.toContain('\n');
  });
});

describe('mistakes are file:line:col errors', () => {
  const base = 'id: mine\nextends: containerization\n';
  test.each([
    ['remove an unknown step', `${base}remove: [compose, composee]\n`, /^mine\.yaml:3:19: no step 'composee' in containerization \(steps: first-dockerfile, /],
    ['order an unknown step', `${base}order: [nope]\n`, /^mine\.yaml:3:9: no step 'nope' to order/],
    ['order a step twice', `${base}order: [compose, compose]\n`, /^mine\.yaml:3:18: step 'compose' is listed twice$/],
    ['order a removed step', `${base}remove: [compose]\norder: [compose]\n`, /^mine\.yaml:4:9: no step 'compose' to order/],
    ['new step without texts', `${base}steps:\n  - id: extra\n    title: Extra\n`, /^mine\.yaml:4:5: new step 'extra' \(not in containerization\) is missing why, checks, advice$/],
    ['remove and redefine', `${base}remove: [compose]\nsteps:\n  - id: compose\n    title: Again\n`, /^mine\.yaml:5:9: step 'compose' is both removed and redefined$/],
    ['override with a bad check', `${base}steps:\n  - id: compose\n    checks: [{ check: nope }]\n`, /^mine\.yaml:5:23: unknown check 'nope'/],
    ['remove everything', `${base}remove: [first-dockerfile, all-dockerfiles, compose, dev-in-containers, automated-builds, ci-with-images, cd-staging]\n`, /^mine\.yaml:3:1: no steps left$/],
    ['remove without extends', 'id: mine\ntitle: Mine\nremove: [a]\nsteps:\n  - { id: a, title: A, why: w, advice: a, checks: [{ check: dockerfile-exists }] }\n', /^mine\.yaml:3:1: remove: only in a checklist that extends another$/],
    ['a step missing fields without extends', 'id: mine\ntitle: Mine\nsteps:\n  - id: a\n    title: A\n', /^mine\.yaml:4:5: steps\.0: missing why, checks, advice$/],
    ['no steps without extends', 'id: mine\ntitle: Mine\n', /^mine\.yaml:1:1: steps: a checklist needs at least one step$/],
    ['extends an unknown built-in name', 'id: mine\nextends: containerisation\n', /^mine\.yaml:2:10: extends: .*containerisation: cannot read checklist \(no such file\)$/],
  ])('%s', (_name, text, expected) => {
    const message = checklistErrorOf(text);
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });
});
