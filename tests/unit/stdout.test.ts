import { spawn } from 'node:child_process';
import { BIN, fixture } from '../helpers/cli.js';

// The CLI writes its report through file descriptor 1 (src/cli/stdout.ts), not process.stdout.

/** Runs the CLI with its standard output's reader gone before it writes anything. */
function runWithClosedReader(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

test.each([
  ['a report', [fixture('monorepo-partial'), '--format', 'json']],
  ['a text report', [fixture('monorepo-partial'), '--verbose']],
  ['help', ['--help']],
  ['the version', ['--version']],
  ['a listing', ['list']],
])('%s to a reader that went away (`| head`): no error, the exit code stands', async (_label, args) => {
  const { code, stderr } = await runWithClosedReader(args);
  expect(stderr).toBe('');
  expect(code).toBe(0);
}, 30_000);
