import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, runCli } from '../helpers/cli.js';

const ESC = '\u001b';

describe('exit codes and streams', () => {
  test('no gate: exit 0, report on stdout, nothing on stderr', () => {
    const result = runCli([fixture('monorepo-partial')]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/1\/7 steps done/);
  });

  test.each([
    [['--min-steps', '1'], 0],
    [['--min-steps', '2'], 1],
    [['--require', 'first-dockerfile'], 0],
    [['--require', 'first-dockerfile,compose'], 1],
    [['--require', 'first-dockerfile', '--require', 'all-dockerfiles'], 1],
  ])('gate %j on monorepo-partial exits %i', (gate, code) => {
    const result = runCli([fixture('monorepo-partial'), '--json', ...gate]);
    expect(result.status).toBe(code);
    const report = JSON.parse(result.stdout);
    expect(report.gate.passed).toBe(code === 0);
  });

  test('a failed gate says why in text output', () => {
    const result = runCli([fixture('monorepo-partial'), '--require', 'compose', '--min-steps', '2']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('gate failed');
  });

  test('CONTAINERIZE_CHECK_TIMING=1: the same report on stdout, a table of phases on stderr', () => {
    const plain = runCli([fixture('monorepo-partial'), '--json']);
    const timed = runCli([fixture('monorepo-partial'), '--json', '--format', 'text', '--output', join(mkdtempSync(join(tmpdir(), 'cc-timing-')), 'report.txt')], { env: { CONTAINERIZE_CHECK_TIMING: '1' } });
    expect(timed.status).toBe(plain.status);
    expect(JSON.parse(timed.stdout)).toEqual(JSON.parse(plain.stdout));
    const rows = timed.stderr.trimEnd().split('\n');
    expect(rows[0]).toBe('containerize-check timings');
    expect(rows.map((row) => row.replace(/\s+\d+\.\d ms.*$/, ''))).toEqual(
      expect.arrayContaining(['start-up and the rest', 'config and checklist', expect.stringMatching(/^walk \(\d+ files\)$/), 'detector compose', 'evaluate', 'format text', 'format json', 'total']),
    );
  });

  const empty = fixture('empty');
  test.each([
    [[empty, '--min-steps', 'three']],
    [[empty, '--min-steps', '9']],
    [[empty, '--require', 'no-such-step']],
    [[empty, '--format', 'xml']],
    [[empty, '--no-such-flag']],
    [['/no/such/dir/anywhere']],
    [[fixture('node-service/package.json')]],
    [[empty, '--checklist', '/no/such/checklist.yaml']],
    [[empty, '--checklist', 'package.json']],
  ])('usage error %j: exit 2, one line on stderr, nothing on stdout', (args) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n').filter((l) => !l.startsWith('(run with'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^(containerize-check: |error: )/);
  });

  test('a broken checklist is reported as file:line:col', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-checklist-'));
    const file = join(dir, 'mine.yaml');
    writeFileSync(file, 'id: mine\ntitle: Mine\nsteps:\n  - id: one\n    title: One\n    why: because\n    advice: do it\n    checks:\n      - check: no-such-check\n');
    const result = runCli([fixture('empty'), '--checklist', file]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(`containerize-check: ${file}:9:16: unknown check 'no-such-check' (run \`containerize-check list\` to see the checks)`);
  });

  test('a custom checklist drives the steps; the engine knows no step by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-checklist-'));
    const file = join(dir, 'two.yaml');
    writeFileSync(file, 'id: two-steps\ntitle: Just two\nsteps:\n  - id: compose-first\n    title: Compose\n    why: w\n    advice: a\n    checks:\n      - check: compose-file-exists\n  - id: then-images\n    title: Images\n    why: w\n    advice: a\n    checks:\n      - check: dockerfile-exists\n');
    const result = runCli([fixture('monorepo-partial'), '--checklist', file, '--json', '--require', 'compose-first']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.steps.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([['compose-first', 'done'], ['then-images', 'done']]);
    expect(report.summary.nextStep).toBeNull();
  });

  test('--version and --help exit 0', () => {
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Exit codes:');
  });

  test('list shows both built-in checklists and every check', () => {
    const result = runCli(['list']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^containerization: /m);
    expect(result.stdout).toMatch(/^orchestration: /m);
    expect(result.stdout).toContain('services-have-dockerfiles');
  });
});

describe('colour', () => {
  test('plain when not a terminal, coloured with FORCE_COLOR, plain again with NO_COLOR or --no-color', () => {
    expect(runCli([fixture('empty')]).stdout).not.toContain(ESC);
    expect(runCli([fixture('empty')], { env: { FORCE_COLOR: '1' } }).stdout).toContain(`${ESC}[`);
    expect(runCli([fixture('empty')], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain(ESC);
    expect(runCli([fixture('empty'), '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ESC);
  });

  test('JSON is never coloured', () => {
    const result = runCli([fixture('empty'), '--json'], { env: { FORCE_COLOR: '3' } });
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });
});
