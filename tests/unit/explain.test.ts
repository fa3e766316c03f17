import { explain } from '../../src/cli/commands/explain.js';
import { UsageError } from '../../src/cli/errors.js';
import { closest } from '../../src/cli/suggest.js';
import { CHECKS } from '../../src/checks/registry.js';
import { loadChecklist } from '../../src/checklist/load.js';
import { FINDING_CODES } from '../../src/findings/finding.js';
import { EVIDENCE_CODES } from '../../src/detectors/facts.js';
import { runCli } from '../helpers/cli.js';

const sections = (text: string) => text.split('\n').filter((line) => /^[A-Z][\w ]*(\(.*\))?$/.test(line));

describe('explain', () => {
  test('a step: why, how it is detected, how to fix, examples — from the checklist and the checks', () => {
    const text = explain('compose');
    const step = loadChecklist('containerization').steps[2]!;
    expect(text.split('\n')[0]).toBe(`Step compose: ${step.title}`);
    expect(sections(text)).toEqual(['Why', 'How it is detected', 'How to fix', 'Examples']);
    expect(text).toContain(step.advice.split('\n')[0]);
    for (const { check } of step.checks) expect(text).toContain(`${check.id}: ${check.description}`);
    expect(text).toContain('--require compose');
  });

  test('a check: what passing means, how, why for each step that uses it, and a YAML example', () => {
    const text = explain('ci-builds-images');
    expect(sections(text)).toEqual(['How it is detected', 'Why (step automated-builds of containerization)', 'How to fix', 'Examples']);
    expect(text).toContain('requirePush: true');
    expect(explain('file-contains')).toMatch(/^Check file-contains \(check primitive/);
    expect(explain('file-contains')).toContain('pattern: "^HEALTHCHECK\\\\s"');
  });

  test('finding and evidence codes render their message as a template', () => {
    expect(explain('dockerfile-latest-tag')).toContain('reads like: base image <image> is not pinned');
    expect(explain('compose-missing-service')).toContain('reads like: service <service> has a Dockerfile but is not in the Compose app');
  });

  test('every check, finding code, evidence code and built-in step can be explained', () => {
    const ids = [...CHECKS.map((c) => c.id), ...FINDING_CODES, ...EVIDENCE_CODES, ...loadChecklist('orchestration').steps.map((s) => s.id)];
    for (const id of ids) expect(explain(id).length).toBeGreaterThan(40);
    for (const check of CHECKS) expect(check.howDetected.length).toBeGreaterThan(40);
  });

  test('an unknown id is a usage error with the closest id', () => {
    expect(() => explain('dockerfile-exist')).toThrow(UsageError);
    expect(() => explain('dockerfile-exist')).toThrow(/no step, check or code 'dockerfile-exist'; did you mean 'dockerfile-exists'\?/);
    expect(() => explain('zzzzzzzz')).toThrow(/^explain: no step, check or code 'zzzzzzzz' \(/);
    expect(closest('compsoe', ['compose', 'cd-staging'])).toBe('compose');
  });
});

describe('explain and list from the CLI', () => {
  test('explain prints to stdout and exits 0; an unknown id exits 2 with one line', () => {
    const ok = runCli(['explain', 'first-dockerfile']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^Step first-dockerfile: /);
    const bad = runCli(['explain', 'first-dockerfil']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^containerize-check: explain: .*did you mean 'first-dockerfile'/)]);
  });

  test('list --format json: checklists with steps, and every check', () => {
    const result = runCli(['list', '--format', 'json']);
    expect(result.status).toBe(0);
    const listing = JSON.parse(result.stdout);
    expect(listing.checklists.map((c: any) => c.id)).toEqual(['containerization', 'orchestration']);
    expect(listing.checklists[0].steps[0]).toEqual({ id: 'first-dockerfile', title: expect.any(String), checks: ['dockerfile-exists'] });
    expect(listing.checks.map((c: any) => c.id)).toEqual(CHECKS.map((c) => c.id));
    expect(listing.checks.filter((c: any) => c.primitive).map((c: any) => c.id)).toContain('yaml-path');
  });
});
