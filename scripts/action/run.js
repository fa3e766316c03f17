// The GitHub Action's logic (action.yml runs it): turns the action's inputs, which the composite
// step passes as INPUT_* environment variables, into one containerize-check run; appends the
// Markdown summary to $GITHUB_STEP_SUMMARY, sets the step's outputs, and exits with the CLI's code.
// Inputs arrive through the environment, never pasted into a shell line, so no input can inject
// commands (https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections).
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../bin/containerize-check.cjs', import.meta.url));
const DEFAULT_FILES = { json: 'containerize-check.json', junit: 'containerize-check.junit.xml', markdown: 'containerize-check.md', sarif: 'containerize-check.sarif', text: 'containerize-check.txt' };

/** The inputs action.yml passes to this script (tests/e2e/action.test.ts checks both ways). */
const INPUTS = ['attestations', 'checklist', 'config', 'fail-on', 'formats', 'min-steps', 'no-fail', 'path', 'require', 'sarif-file', 'step-summary', 'upload-sarif'];

/** `min-steps` arrives as INPUT_MIN_STEPS: underscores, so that any shell can name the variable. */
function input(name) {
  if (!INPUTS.includes(name)) throw new Error(`action: no input '${name}'`);
  return (process.env[`INPUT_${name.replace(/[- ]/g, '_').toUpperCase()}`] ?? '').trim();
}

class InputError extends Error {}

function flag(name, fallback) {
  const value = input(name).toLowerCase();
  if (value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new InputError(`input ${name}: expected true or false, got '${input(name)}'`);
}

/** `formats: json, junit=reports/junit.xml` — a format, optionally `=file`; commas or new lines between. */
function formats() {
  return input('formats')
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const [format, ...file] = item.split('=');
      const name = format.trim();
      return { format: name, file: file.join('=').trim() || DEFAULT_FILES[name] || `containerize-check.${name}` };
    });
}

function cliArguments(temp) {
  const args = [input('path') || '.'];
  const pairs = [['checklist', '--checklist'], ['config', '--config'], ['min-steps', '--min-steps'], ['require', '--require'], ['fail-on', '--fail-on']];
  for (const [name, option] of pairs) if (input(name)) args.push(option, input(name));
  if (flag('no-fail', false)) args.push('--no-fail');
  if (!flag('attestations', true)) args.push('--no-attestations');
  const outputs = formats();
  const sarifFile = input('sarif-file') || DEFAULT_FILES.sarif;
  if (flag('upload-sarif', false) && !outputs.some((o) => o.format === 'sarif')) outputs.push({ format: 'sarif', file: sarifFile });
  // The step summary is appended to, never replaced (other steps write there too): render it beside, then append.
  if (flag('step-summary', true) && process.env.GITHUB_STEP_SUMMARY) outputs.push({ format: 'markdown', file: join(temp, 'summary.md') });
  outputs.push({ format: 'json', file: join(temp, 'report.json') });
  for (const { format, file } of outputs) {
    mkdirSync(dirname(file), { recursive: true });
    args.push('--format', format, '--output', file);
  }
  // Text for the log, last so it goes to stdout; in Actions it also carries the annotations.
  args.push('--format', 'text');
  return { args, sarif: outputs.find((o) => o.format === 'sarif')?.file ?? '' };
}

function setOutputs(values) {
  if (!process.env.GITHUB_OUTPUT) return;
  appendFileSync(process.env.GITHUB_OUTPUT, Object.entries(values).map(([key, value]) => `${key}=${String(value).replace(/[\r\n]+/g, ' ')}\n`).join(''));
}

function readIfThere(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function main() {
  const temp = mkdtempSync(join(tmpdir(), 'containerize-check-action-'));
  try {
    const { args, sarif } = cliArguments(temp);
    const run = spawnSync(process.execPath, [CLI, ...args], { stdio: 'inherit', env: { ...process.env, GITHUB_ACTIONS: process.env.GITHUB_ACTIONS ?? 'true' } });
    const code = run.status ?? 3;
    const summary = readIfThere(join(temp, 'summary.md'));
    if (summary !== undefined) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${summary}\n`);
    const report = readIfThere(join(temp, 'report.json'));
    const parsed = report === undefined ? undefined : JSON.parse(report);
    setOutputs({
      'exit-code': code,
      'sarif-file': sarif && readIfThere(sarif) !== undefined ? sarif : '',
      done: parsed?.summary.done ?? '',
      total: parsed?.summary.total ?? '',
      'next-step': parsed?.summary.nextStep ?? '',
      'gate-passed': parsed?.gate ? parsed.gate.passed : '',
    });
    return code;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

try {
  process.exitCode = main();
} catch (error) {
  if (!(error instanceof InputError)) throw error;
  process.stdout.write(`::error title=containerize-check::${error.message}\n`);
  process.exitCode = 2;
}
