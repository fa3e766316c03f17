import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { marked } from 'marked';
import { fixture, runCli } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif-schema.js';

/** A copy of a fixture with a config file of our own, so the fixture itself stays as it is. */
function withConfig(name: string, config: string, file = '.containerize-check.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'cc-gate-'));
  cpSync(fixture(name), dir, { recursive: true });
  writeFileSync(join(dir, file), config);
  return dir;
}

const broken = fixture('broken-input');
const partial = fixture('monorepo-partial');

describe('--fail-on and --no-fail', () => {
  test.each([
    [[partial, '--fail-on', 'error'], 0],
    [[broken, '--fail-on', 'error'], 1],
    [[broken, '--fail-on', 'warning'], 1],
    [[broken, '--fail-on', 'error', '--no-fail'], 0],
    [[partial, '--min-steps', '5', '--no-fail'], 0],
  ])('%j exits %i', (args, code) => {
    const result = runCli([...args, '--format', 'json']);
    expect(result.status).toBe(code);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.gate.passed).toBe(args.includes('--no-fail') ? false : code === 0);
  });

  test('the failure says why: findings at the severity, counted', () => {
    const report = JSON.parse(runCli([broken, '--fail-on', 'error', '--format', 'json']).stdout);
    expect(report.gate.failures).toEqual([{ kind: 'findings', severity: 'error', count: report.findings.filter((f: any) => f.severity === 'error').length }]);
    expect(runCli([broken, '--fail-on', 'error']).stdout).toMatch(/^gate failed: \d+ finding\(s\) at error or above$/m);
  });

  test('--fail-on takes error or warning only', () => {
    const result = runCli([partial, '--fail-on', 'info']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
  });
});

describe('the gate from the config file', () => {
  test('gate.minSteps and gate.require apply; flags win over the config', () => {
    const dir = withConfig('monorepo-partial', 'gate:\n  minSteps: 1\n  require: [first-dockerfile]\n');
    expect(runCli([dir]).status).toBe(0);
    const strict = withConfig('monorepo-partial', 'gate:\n  require: [compose]\n');
    const failed = runCli([strict, '--format', 'json']);
    expect(failed.status).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ config: '.containerize-check.yaml', gate: { require: ['compose'], failures: [{ kind: 'require', step: 'compose', status: 'partial' }] } });
    expect(runCli([strict, '--require', 'first-dockerfile']).status).toBe(0);
  });

  test('gate.failOn from package.json', () => {
    const dir = withConfig('broken-input', JSON.stringify({ name: 'x', 'containerize-check': { gate: { failOn: 'error' } } }), 'package.json');
    expect(runCli([dir]).status).toBe(1);
  });

  test('an attestation makes the required step pass, and --no-attestations takes it back', () => {
    const dir = withConfig('monorepo-partial', 'gate:\n  require: [compose]\nattestations:\n  - step: compose\n    reason: the db runs as a managed service\n');
    expect(runCli([dir]).status).toBe(0);
    expect(runCli([dir, '--no-attestations']).status).toBe(1);
  });
});

describe('several outputs', () => {
  test('every format to its file; stdout only says the gate, in one line', () => {
    const out = mkdtempSync(join(tmpdir(), 'cc-out-'));
    const files = { json: 'report.json', sarif: 'report.sarif', markdown: 'summary.md', junit: 'junit.xml', text: 'report.txt' };
    const args = Object.entries(files).flatMap(([format, name]) => ['--format', format, '--output', join(out, name)]);
    const result = runCli([partial, '--min-steps', '2', ...args], { env: { GITHUB_ACTIONS: 'true' } });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('containerize-check: 1/7 steps done; gate failed\n');
    expect(JSON.parse(readFileSync(join(out, files.json), 'utf8')).summary.done).toBe(1);
    const validate = sarifValidator();
    expect(validate(JSON.parse(readFileSync(join(out, files.sarif), 'utf8')))).toBe(true);
    expect(marked.lexer(readFileSync(join(out, files.markdown), 'utf8')).some((t) => t.type === 'table')).toBe(true);
    expect(XMLValidator.validate(readFileSync(join(out, files.junit), 'utf8'))).toBe(true);
    // Annotations are for the live log only, never written into a file.
    expect(readFileSync(join(out, files.text), 'utf8')).not.toMatch(/^::/m);
  });

  test('one format on stdout and the others in files; in GitHub Actions the text carries annotations', () => {
    const out = mkdtempSync(join(tmpdir(), 'cc-out-'));
    const result = runCli([partial, '--format', 'sarif', '--output', join(out, 'r.sarif'), '--format', 'text'], { env: { GITHUB_ACTIONS: 'true' } });
    expect(result.status).toBe(0);
    expect(existsSync(join(out, 'r.sarif'))).toBe(true);
    expect(result.stdout).toMatch(/^1\/7 steps done/m);
    expect(result.stdout).toMatch(/^::warning file=services\/web\/go\.mod,title=containerize-check%3A 2\. [^:]+::go service services\/web has no Dockerfile/m);
    expect(runCli([partial]).stdout).not.toMatch(/^::/m);
  });

  test('two formats for stdout is a usage error', () => {
    const result = runCli([partial, '--format', 'json', '--format', 'sarif']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
  });
});

describe('--config errors', () => {
  test.each([
    ['gate:\n  minStep: 2\n', /:1:1: gate: Unrecognized key: "minStep"$/],
    ['attestations:\n  - step: compose\n', /:2:5: attestations\.0\.reason: /],
    ['gate: [\n', /:2:1: /],
  ])('%j: exit 2, one line with file:line:col, nothing on stdout', (config, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-config-'));
    const file = join(dir, 'ci.yaml');
    writeFileSync(file, config);
    const result = runCli([partial, '--config', file]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`containerize-check: ${file}:`)).toBe(true);
    expect(lines[0]).toMatch(expected);
  });

  test('a missing --config file and a config naming an unknown step exit 2', () => {
    expect(runCli([partial, '--config', '/no/such/file.yaml']).status).toBe(2);
    const dir = withConfig('monorepo-partial', 'gate:\n  require: [composer]\n');
    const result = runCli([dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no step 'composer'/);
  });
});
