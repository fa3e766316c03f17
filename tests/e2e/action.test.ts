import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { marked, type Tokens } from 'marked';
import { XMLValidator } from 'fast-xml-parser';
import { fixture, REPO_ROOT } from '../helpers/cli.js';
import { sarifValidator } from '../helpers/sarif-schema.js';

interface ActionStep {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;
const checkStep = action.runs.steps.find((s) => s.id === 'check')!;
const script = readFileSync(join(REPO_ROOT, 'scripts/action/run.js'), 'utf8');

/** `${{ inputs.x }}` as the runner evaluates it: the given value, else the input's default. */
function evaluate(expression: string, inputs: Record<string, string>): string {
  return expression.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_all, name: string) => inputs[name] ?? action.inputs[name]?.default ?? '');
}

interface ActionRun {
  status: number | null;
  log: string;
  summary: string;
  outputs: Record<string, string>;
  workspace: string;
}

/** Runs the `check` step the way the runner does: its env mapping, bash, the workspace as cwd. */
function runAction(inputs: Record<string, string>, workspace: string, summaryBefore = ''): ActionRun {
  const summaryFile = join(workspace, '..', `summary-${Math.random().toString(36).slice(2)}.md`);
  const outputFile = `${summaryFile}.out`;
  writeFileSync(summaryFile, summaryBefore);
  writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: REPO_ROOT.replace(/\/$/, ''),
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
  };
  for (const [key, value] of Object.entries(checkStep.env ?? {})) env[key] = evaluate(value, inputs);
  const result = spawnSync('bash', ['-e', '-c', checkStep.run!], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  return { status: result.status, log: result.stdout + result.stderr, summary: readFileSync(summaryFile, 'utf8'), outputs, workspace };
}

function workspaceWith(name: string): string {
  const root = mkdtempSync(join(tmpdir(), 'cc-action-'));
  const workspace = join(root, 'workspace');
  cpSync(fixture(name), workspace, { recursive: true });
  return workspace;
}

describe('action.yml', () => {
  test('a composite action whose run step hands every input to the script', () => {
    expect(action.runs.using).toBe('composite');
    for (const [name, spec] of Object.entries(action.inputs)) expect({ name, described: spec.description.length > 10 }).toEqual({ name, described: true });
    const referenced = (step: ActionStep) => JSON.stringify(step).match(/inputs\.[\w-]+/g)?.map((m) => m.slice('inputs.'.length)) ?? [];
    const used = new Set(action.runs.steps.flatMap(referenced));
    expect(Object.keys(action.inputs).filter((name) => !used.has(name))).toEqual([]);
    // Each input the run step maps is read by the script, under the name the script computes.
    const mapped = Object.entries(checkStep.env!).map(([key, value]) => [key, /inputs\.([\w-]+)/.exec(value)![1]!]);
    const scriptInputs = JSON.parse(/const INPUTS = (\[[^\]]+\]);/.exec(script)![1]!.replace(/'/g, '"')) as string[];
    expect(mapped.map(([, name]) => name).sort()).toEqual([...scriptInputs].sort());
    for (const [key, name] of mapped) expect(key).toBe(`INPUT_${name!.replace(/-/g, '_').toUpperCase()}`);
    // Inputs go through the environment, never into the shell line.
    expect(checkStep.run).not.toMatch(/\$\{\{/);
  });

  test('outputs come from the run step, and SARIF is uploaded only when asked', () => {
    for (const output of Object.values(action.outputs)) expect(output.value).toMatch(/^\$\{\{ steps\.check\.outputs\.[\w-]+ \}\}$/);
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.if).toContain("inputs.upload-sarif == 'true'");
    expect(upload.with!.sarif_file).toBe('${{ steps.check.outputs.sarif-file }}');
  });
});

describe('the action script, run as the runner would', () => {
  test('a failing gate: exit 1, the Markdown summary appended, SARIF and the requested reports written', () => {
    const workspace = workspaceWith('monorepo-partial');
    const run = runAction({ 'min-steps': '2', 'upload-sarif': 'true', formats: 'json, junit=reports/junit.xml' }, workspace, '# Earlier step\n\n');
    expect(run.status).toBe(1);
    expect(run.outputs).toEqual({ 'exit-code': '1', 'sarif-file': 'containerize-check.sarif', done: '1', total: '7', 'next-step': 'all-dockerfiles', 'gate-passed': 'false' });
    expect(run.log).toMatch(/^gate failed: 1 of 2 required steps done$/m);
    expect(run.log).toMatch(/^::warning file=services\/web\/go\.mod,/m);
    // Appended after what an earlier step wrote, and parsed as Markdown.
    expect(run.summary.startsWith('# Earlier step\n\n## ')).toBe(true);
    const tokens = marked.lexer(run.summary);
    const table = tokens.find((t): t is Tokens.Table => t.type === 'table')!;
    expect(table.rows.map((row) => row[2]!.text)).toEqual(['✅ done', '🟡 partial', '🟡 partial', '❌ todo', '❌ todo', '❌ todo', '❌ todo']);
    expect(tokens.some((t) => t.type === 'paragraph' && (t as Tokens.Paragraph).text.startsWith('**Gate failed**'))).toBe(true);
    const sarif = JSON.parse(readFileSync(join(workspace, 'containerize-check.sarif'), 'utf8'));
    const validate = sarifValidator();
    expect(validate(sarif)).toBe(true);
    expect(sarif.runs[0].results.map((r: any) => r.ruleId)).toContain('services-have-dockerfiles');
    expect(JSON.parse(readFileSync(join(workspace, 'containerize-check.json'), 'utf8')).summary.done).toBe(1);
    expect(XMLValidator.validate(readFileSync(join(workspace, 'reports/junit.xml'), 'utf8'))).toBe(true);
  });

  test('every other input reaches the CLI', () => {
    const workspace = workspaceWith('monorepo-partial');
    writeFileSync(join(workspace, 'ci-config.yaml'), 'attestations:\n  - step: compose\n    reason: the db is managed\n');
    const base = { config: 'ci-config.yaml', require: 'compose', 'fail-on': 'error', 'sarif-file': 'out/cc.sarif', 'upload-sarif': 'true' };
    const attested = runAction(base, workspace);
    expect(attested.status).toBe(0);
    expect(attested.outputs).toMatchObject({ 'gate-passed': 'true', 'sarif-file': 'out/cc.sarif', done: '2' });
    expect(existsSync(join(workspace, 'out/cc.sarif'))).toBe(true);
    const evidenceOnly = runAction({ ...base, attestations: 'false' }, workspace);
    expect(evidenceOnly).toMatchObject({ status: 1, outputs: { 'gate-passed': 'false' } });
    const reportOnly = runAction({ ...base, attestations: 'false', 'no-fail': 'true', 'step-summary': 'false' }, workspace);
    expect(reportOnly).toMatchObject({ status: 0, summary: '', outputs: { 'exit-code': '0', 'gate-passed': 'false' } });
    const orchestration = runAction({ checklist: 'orchestration', path: '..', 'step-summary': 'true' }, join(workspace, 'services'));
    expect(orchestration.status).toBe(0);
    expect(orchestration.summary).toMatch(/^## workspace: \d+\/\d+ steps done/);
    expect(orchestration.summary).toContain('`orchestration`');
  });

  test('the broken-input repository with fail-on: exit 1, still a summary', () => {
    const run = runAction({ 'fail-on': 'error' }, workspaceWith('broken-input'));
    expect(run.status).toBe(1);
    expect(run.summary).toMatch(/could not tell/);
  });

  test('wrong inputs: exit 2 with an annotation or the CLI\'s one line, and no summary', () => {
    const workspace = workspaceWith('empty');
    const badFlag = runAction({ 'no-fail': 'yes' }, workspace);
    expect(badFlag.status).toBe(2);
    expect(badFlag.log).toMatch(/^::error title=containerize-check::input no-fail: expected true or false, got 'yes'$/m);
    const badStep = runAction({ require: 'no-such-step' }, workspace);
    expect(badStep).toMatchObject({ status: 2, summary: '', outputs: { 'exit-code': '2', done: '' } });
    expect(badStep.log).toMatch(/^containerize-check: --require: no step 'no-such-step'/m);
  });
});
