import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanRepository } from '../../src/engine/scan.js';
import { BIN, fixture } from '../helpers/cli.js';

/**
 * `walk` in a real terminal: tmux (from Debian; .ci/run installs it) gives the CLI an 80x40
 * pseudo-terminal, keys go in with send-keys and the screen comes back with capture-pane. A
 * private tmux server (-L) keeps these sessions apart from anyone else's.
 */
const SOCKET = `cc-walk-${process.pid}`;
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const roots: string[] = [];

function tmux(...args: string[]): string {
  const result = spawnSync('tmux', ['-u', '-L', SOCKET, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tmux ${args[0]}: ${result.stderr.trim()}`);
  return result.stdout;
}

const screen = (session: string) => tmux('capture-pane', '-p', '-J', '-S', '-500', '-t', session);

/** Polls the screen until it shows `text`; fails after `timeout` ms with what it showed. */
async function waitFor(session: string, text: string, timeout = 30_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = screen(session);
    if (shown.includes(text)) return shown;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(text)}; the screen shows:\n${shown}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function startWalk(session: string, invocation: (root: string) => string = (root) => `walk ${JSON.stringify(root)}`): string {
  const root = mkdtempSync(join(tmpdir(), 'cc-tmux-'));
  roots.push(root);
  cpSync(fixture('node-service'), root, { recursive: true });
  const command = `NO_COLOR=1 ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${invocation(root)}; echo EXIT=$?; sleep 120`;
  tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '40', command);
  return root;
}

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  roots.forEach((root) => rmSync(root, { recursive: true, force: true }));
});

if (!hasTmux) console.warn('tmux is not installed: the real-terminal walkthrough tests are skipped (apt-get install tmux)');

(hasTmux ? describe : describe.skip)('walk in a real terminal (tmux, 80 columns)', () => {
  test('scaffolds a Dockerfile from the menu; the rescan shows step 1 done', async () => {
    const root = startWalk('scaffold');
    await waitFor('scaffold', 'Step 1: what now?');
    tmux('send-keys', '-t', 'scaffold', 'Down', 'Enter');
    const preview = await waitFor('scaffold', 'Write 2 file(s)?');
    expect(preview).toContain('==> Dockerfile (new)');
    tmux('send-keys', '-t', 'scaffold', 'Enter');
    await waitFor('scaffold', 'Step 1 is now: ✔ done');
    await waitFor('scaffold', 'Step 3: what now?');
    tmux('send-keys', '-t', 'scaffold', 'Up', 'Enter');
    const end = await waitFor('scaffold', 'EXIT=');
    expect(end).toContain('EXIT=0');
    expect(end.split('\n').filter((line) => line.length > 80)).toEqual([]);
    expect(existsSync(join(root, 'Dockerfile'))).toBe(true);
    expect(scanRepository(root).report.steps[0]).toMatchObject({ id: 'first-dockerfile', status: 'done' });
  }, 90_000);

  test('Ctrl-C at a prompt stops cleanly: one line, exit 130, nothing written', async () => {
    const root = startWalk('interrupt');
    const before = readdirSync(root).sort();
    await waitFor('interrupt', 'Step 1: what now?');
    tmux('send-keys', '-t', 'interrupt', 'Down', 'Enter');
    await waitFor('interrupt', 'Write 2 file(s)?');
    tmux('send-keys', '-t', 'interrupt', 'C-c');
    const end = await waitFor('interrupt', 'EXIT=');
    expect(end).toMatch(/\nstopped\nEXIT=130/);
    expect(end).not.toMatch(/Error|at .*\.js:\d+/);
    expect(readdirSync(root).sort()).toEqual(before);
  }, 90_000);

  test('--interactive on the main command opens the same walkthrough', async () => {
    const root = startWalk('flag', (dir) => `${JSON.stringify(dir)} --interactive`);
    const before = readdirSync(root).sort();
    await waitFor('flag', 'Step 1: what now?');
    tmux('send-keys', '-t', 'flag', 'C-c');
    const end = await waitFor('flag', 'EXIT=');
    expect(end).toMatch(/\nstopped\nEXIT=130/);
    expect(readdirSync(root).sort()).toEqual(before);
  }, 90_000);
});
