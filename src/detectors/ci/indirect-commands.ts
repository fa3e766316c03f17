import { posix } from 'node:path';
import { found, type CommandMatcher, type Found } from './activity.js';
import { environmentIn, indirectKindOf } from './names.js';
import type { SimpleCommand } from './shell-command.js';

/**
 * Make targets, package scripts and shell scripts whose names say what they do (`make docker-push`,
 * `npm run deploy:staging`, `./scripts/build-image.sh`). What they run is not read, so the evidence
 * is medium: the name is a signal, not a command.
 */
export const taskRunner: CommandMatcher = (command) => {
  const targets = taskTargets(command);
  return targets.flatMap((target) => fromName(`${command.name} ${target}`, target, command.args));
};

/** `./deploy.sh staging`, `scripts/docker-build.sh`, `bash ci/push-image.sh`. */
export function scriptFile(command: SimpleCommand): Found[] {
  const script = isShell(command.name) ? command.args.find((arg) => !arg.startsWith('-')) : command.program;
  if (script === undefined || !looksLikeScript(script)) return [];
  const name = posix.basename(script).replace(/\.(?:sh|bash|ps1|py)$/, '');
  const args = isShell(command.name) ? command.args.slice(command.args.indexOf(script) + 1) : command.args;
  return fromName(script, name, args);
}

export function isShell(name: string): boolean {
  return ['bash', 'sh', 'zsh', 'dash', 'ash', 'pwsh', 'powershell'].includes(name);
}

function looksLikeScript(program: string): boolean {
  return /\.(?:sh|bash|ps1)$/.test(program) || program.startsWith('./') || (program.includes('/') && !program.startsWith('/'));
}

const RUNNER_VALUES = new Set(['-C', '-f', '--file', '--directory', '-j', '--jobs', '-I', '-o', '-W', '--prefix', '--filter', '-w', '--workspace', '-t', '--taskfile', '-d', '--dir']);

/** What the runner is asked to run: make and just targets, npm/yarn/pnpm/bun scripts, task names. */
export function taskTargets(command: SimpleCommand): string[] {
  const words: string[] = [];
  for (let i = 0; i < command.args.length; i++) {
    const arg = command.args[i]!;
    if (RUNNER_VALUES.has(arg)) i++;
    else if (!arg.startsWith('-') && !arg.includes('=')) words.push(arg);
  }
  if (['npm', 'bun'].includes(command.name)) return words[0] === 'run' || words[0] === 'run-script' ? words.slice(1, 2) : [];
  if (['yarn', 'pnpm'].includes(command.name)) return words[0] === 'run' ? words.slice(1, 2) : words.slice(0, 1);
  return words;
}

function fromName(tool: string, name: string, args: readonly string[]): Found[] {
  const kind = indirectKindOf(name);
  if (kind === undefined) return [];
  if (kind === 'build-and-push') return [found('image-build', tool, { pushes: true }, 'medium')];
  if (kind === 'image-build') return [found('image-build', tool, { pushes: false }, 'medium')];
  if (kind !== 'deploy') return [found(kind, tool, {}, 'medium')];
  const environment = environmentIn(name) ?? args.map(environmentIn).find(Boolean);
  return [found('deploy', tool, { environment }, 'medium')];
}
