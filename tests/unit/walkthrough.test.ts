import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkRepository, STOPPED_EXIT } from '../../src/walkthrough/session.js';
import { runWalkthrough, type WalkthroughDeps } from '../../src/walkthrough/flow.js';
import { scanSnapshot } from '../../src/engine/scan.js';
import { loadChecklist } from '../../src/checklist/load.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { fixture } from '../helpers/cli.js';
import { scriptedPrompts, type Answer } from '../helpers/fake-prompts.js';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function copyOf(name: string): string {
  const root = mkdtempSync(join(tmpdir(), 'cc-walk-'));
  roots.push(root);
  cpSync(fixture(name), root, { recursive: true });
  return root;
}

async function walk(root: string, answers: Answer[]) {
  const prompts = scriptedPrompts(answers);
  let output = '';
  const result = await walkRepository(root, { color: false, prompts, print: (text) => (output += text) });
  return { ...result, output, asked: prompts.asked };
}

const STEP_CHOICES = ['advice', 'scaffold', 'attest', 'skip', 'quit'];

describe('the walkthrough on a repository (real scans and writes, scripted answers)', () => {
  test('scaffolds a first Dockerfile after a preview, rescans, records an attestation, quits', async () => {
    const root = copyOf('node-service');
    const { outcome, code, output, asked } = await walk(root, [
      { select: 'advice', message: /^Step 1/ },
      { select: 'scaffold', message: /^Step 1/ },
      { confirm: true, message: /^Write 2 file/ },
      { select: 'attest', message: /^Step 3/ },
      { input: 'Compose is run by the platform team', message: /Why/ },
      { select: 'skip', message: /^Step 4/ },
      { select: 'quit', message: /^Step 5/ },
    ]);
    expect([outcome, code]).toEqual(['quit', 0]);
    expect(asked.map((q) => q.choices ?? q.kind)).toEqual([STEP_CHOICES, STEP_CHOICES, 'confirm', STEP_CHOICES, 'input', STEP_CHOICES, STEP_CHOICES]);
    expect(existsSync(join(root, 'Dockerfile'))).toBe(true);
    expect(existsSync(join(root, '.dockerignore'))).toBe(true);
    expect(readFileSync(join(root, '.containerize-check.yaml'), 'utf8')).toContain('reason: Compose is run by the platform team');
    const lines = output.split('\n');
    expect(lines[1]).toBe('0/7 steps done [□□□□□□□]');
    expect(lines).toContain('==> Dockerfile (new)');
    expect(lines).toContain('  created Dockerfile');
    expect(lines).toContain('  Step 1 is now: ✔ done');
    expect(lines).toContain('  Step 3 is now: ✔ done (attested: Compose is run by the platform team)');
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
  });

  test('Ctrl-C at the confirmation stops with exit 130 and writes nothing', async () => {
    const root = copyOf('node-service');
    const before = readdirSync(root).sort();
    const { outcome, code, output } = await walk(root, [{ select: 'scaffold' }]);
    expect([outcome, code]).toEqual(['stopped', STOPPED_EXIT]);
    expect(output.trimEnd().split('\n').at(-1)).toBe('stopped');
    expect(readdirSync(root).sort()).toEqual(before);
  });

  test('declining the preview writes nothing and asks again', async () => {
    const root = copyOf('node-service');
    const { outcome } = await walk(root, [{ select: 'scaffold' }, { confirm: false }, { select: 'quit', message: /^Step 1/ }]);
    expect(outcome).toBe('quit');
    expect(existsSync(join(root, 'Dockerfile'))).toBe(false);
  });

  test('done steps are shown without a question; skipping to the end shows the summary again', async () => {
    const root = copyOf('monorepo-partial');
    const skips: Answer[] = Array.from({ length: 6 }, () => ({ select: 'skip' }));
    const { outcome, output, asked } = await walk(root, skips);
    expect(outcome).toBe('finished');
    expect(asked.map((q) => q.message)).toEqual(['Step 2: what now?', 'Step 3: what now?', 'Step 4: what now?', 'Step 5: what now?', 'Step 6: what now?', 'Step 7: what now?']);
    expect(output.split('\n').filter((line) => line === '1/7 steps done [■▣▣□□□□]')).toHaveLength(2);
  });

  test('a first Dockerfile for a repository with several services asks which one', async () => {
    const root = copyOf('monorepo-partial');
    for (const dockerfile of ['services/api/Dockerfile', 'services/worker/Dockerfile']) rmSync(join(root, dockerfile));
    const { asked } = await walk(root, [{ select: 'scaffold', message: /^Step 1/ }, { select: 'services/web', message: /Which service/ }, { confirm: true }, { select: 'quit' }]);
    expect(asked[1]?.choices).toEqual(['services/api', 'services/web', 'services/worker']);
    expect(existsSync(join(root, 'services/web/Dockerfile'))).toBe(true);
    expect(existsSync(join(root, 'services/api/Dockerfile'))).toBe(false);
  });
});

describe('the walkthrough flow with every dependency faked', () => {
  const report = scanSnapshot(createMemorySnapshot({ 'k8s/deploy.yaml': 'kind: Deployment\n' }), loadChecklist('orchestration'));

  test('steps of a checklist without templates offer no scaffolding', async () => {
    const prompts = scriptedPrompts([{ select: 'quit' }]);
    const deps: WalkthroughDeps = {
      prompts, print: () => undefined, color: false, rescan: () => report, attest: () => '.containerize-check.yaml',
      scaffolder: { offer: () => { throw new Error('not offered'); }, write: () => [] },
    };
    expect(await runWalkthrough(report, deps)).toBe('quit');
    expect(prompts.asked[0]?.choices).toEqual(['advice', 'attest', 'skip', 'quit']);
  });

  test('colours, when on, never push a line past 80 columns', async () => {
    let output = '';
    const deps: WalkthroughDeps = {
      prompts: scriptedPrompts([{ select: 'advice' }, { select: 'quit' }]), print: (text) => (output += text), color: true,
      rescan: () => report, attest: () => '', scaffolder: { offer: () => ({ files: [], states: [], skipped: [] }), write: () => [] },
    };
    await runWalkthrough(report, deps);
    expect(output).toContain('\u001b[');
    const visible = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
    expect(visible.filter((line) => line.length > 80)).toEqual([]);
  });
});
