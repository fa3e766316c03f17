import type { CiActivity } from '../facts.js';
import type { ScriptFiles, ShellState } from './activity.js';
import type { ScriptLine } from './shell.js';
import { splitCommands } from './shell.js';
import type { SimpleCommand } from './shell-command.js';
import { isShell, taskTargets } from './indirect-commands.js';
import { makeCall, makeTargetLines } from './makefile.js';
import { resolveScriptPath } from './shell-paths.js';
import { environmentAmong } from './names.js';
import { dirOf, resolveInRepo } from '../../snapshot/paths.js';

/** How the caller classifies lines; passed in so this file and commands.ts do not import each other. */
export type Classify = (lines: readonly ScriptLine[], context: { path: string; cwd: string | undefined; remote: boolean; files: ScriptFiles; followed: true }) => CiActivity[];

/** What a called file holds: its lines (numbered in that file) and the directory they run in. */
interface Called {
  path: string;
  cwd: string | undefined;
  lines: ScriptLine[];
  /** Names the call gives (`deploy-staging.sh`, `make deploy ENV=qa`): where its deploys go unless they say. */
  names: string[];
}

const SCRIPT_EXTENSION = /\.(?:sh|bash|ps1)$/;
const SHELL_VALUE_OPTIONS = new Set(['-o', '-O', '+o', '+O']);
/** `$(dirname "$0")`, `$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)`, `${BASH_SOURCE%/*}`: the script's own directory. */
const OWN_DIRECTORY = /\$\(\s*cd\s+["']?\$\(\s*dirname\s+["']?\$\{?(?:0|BASH_SOURCE(?:\[0\])?)\}?["']?\s*\)["']?\s*(?:&&|;)\s*pwd(?:\s+-P)?\s*\)|\$\(\s*dirname\s+["']?\$\{?(?:0|BASH_SOURCE(?:\[0\])?)\}?["']?\s*\)|\$\{BASH_SOURCE(?:\[0\])?%\/\*\}/g;
/** Variables CI systems set: their defaults in a script (`${CI_COMMIT_SHA:-dev}`) are for runs outside CI. */
const CI_VARIABLE = /^(?:CI|GITHUB|GITLAB|BITBUCKET|BUILDKITE|DRONE|WOODPECKER|TRAVIS|CIRCLE|CODEBUILD|BUILD|SYSTEM|JENKINS|CF|GIT|BRANCH|TAG|COMMIT)(?:_|$)/;
const VARIABLE = /\$\{([A-Za-z_]\w*|\d)(?::?([-=?])([^}]*))?\}|\$([A-Za-z_]\w*|\d)/g;

/**
 * What a script, Makefile target or package script that CI calls does, read from the file and
 * classified with that file's own path and lines: `./ci/build.sh`, `bash scripts/deploy.sh
 * staging`, `make image`, `npm run docker:build`. One level only: what the called file calls in
 * turn is judged by its name. Undefined when the file cannot be read or says nothing about
 * containers, so the caller can still judge the call by its name.
 */
export function followCommand(command: SimpleCommand, state: ShellState, classify: Classify): CiActivity[] | undefined {
  const files = state.files;
  if (!files || state.followed) return undefined;
  const called = makeFile(command, state.cwd, files) ?? packageScript(command, state.cwd, files) ?? scriptFile(command, state.cwd, files);
  if (!called || called.lines.length === 0) return undefined;
  const activities = classify(called.lines, { path: called.path, cwd: called.cwd, remote: state.remote, files, followed: true });
  const environment = environmentAmong(called.names) ?? state.environment;
  return activities.length > 0 ? activities.map((a) => (a.kind === 'deploy' && !a.environment && environment ? { ...a, environment } : a)) : undefined;
}

function makeFile(command: SimpleCommand, cwd: string | undefined, files: ScriptFiles): Called | undefined {
  if (command.name !== 'make' && command.name !== 'gmake') return undefined;
  const call = makeCall(command.args, cwd, files);
  return call && { path: call.makefile, cwd: call.directory, lines: makeTargetLines(call), names: [...call.targets, ...Object.values(call.overrides)] };
}

/** `npm run docker:build`, `yarn deploy:staging`, `pnpm run image`: the script in package.json. */
function packageScript(command: SimpleCommand, cwd: string | undefined, files: ScriptFiles): Called | undefined {
  if (!['npm', 'yarn', 'pnpm', 'bun'].includes(command.name) || cwd === undefined) return undefined;
  const [name] = taskTargets(command);
  const prefix = command.args.find((_, i) => ['--prefix', '-C', '--cwd', '--dir'].includes(command.args[i - 1] ?? ''));
  const directory = prefix === undefined ? cwd : resolveScriptPath(prefix, cwd);
  const path = directory === undefined ? undefined : resolveInRepo(directory, 'package.json');
  const text = path === undefined || name === undefined ? undefined : files.text(path);
  if (text === undefined || path === undefined) return undefined;
  let script: unknown;
  try {
    script = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts?.[name!];
  } catch {
    return undefined;
  }
  if (typeof script !== 'string') return undefined;
  const key = JSON.stringify(name);
  const index = text.split(/\r?\n/).findIndex((line) => line.includes(`${key}:`) || line.includes(`${key} :`));
  return { path, cwd: directory, lines: [{ text: script, line: index + 1 || 1, path }], names: [name!] };
}

/** `./ci/build.sh`, `bash scripts/release.sh v1`, `sh -e ./deploy`: a shell script of the repository. */
function scriptFile(command: SimpleCommand, cwd: string | undefined, files: ScriptFiles): Called | undefined {
  let script: string | undefined;
  let args: string[];
  if (isShell(command.name)) {
    const index = scriptArgIndex(command.args);
    script = index === -1 ? undefined : command.args[index];
    args = command.args.slice(index + 1);
  } else {
    script = command.program.includes('/') || SCRIPT_EXTENSION.test(command.program) ? command.program : undefined;
    args = command.args;
  }
  if (script === undefined || script.startsWith('/')) return undefined;
  const path = resolveScriptPath(script, cwd);
  const text = path === undefined ? undefined : files.text(path);
  if (path === undefined || text === undefined || (!SCRIPT_EXTENSION.test(path) && !/^#!.*\b(?:ba|z|da|a)?sh\b/.test(text))) return undefined;
  return { path, cwd, lines: scriptLines(text, path, args), names: [path.slice(path.lastIndexOf('/') + 1), ...args] };
}

function scriptArgIndex(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    if (SHELL_VALUE_OPTIONS.has(args[i]!)) i++;
    else if (!args[i]!.startsWith('-') && !args[i]!.startsWith('+')) return i;
  }
  return -1;
}

/**
 * The script's lines with what it says about itself filled in: its own directory, its positional
 * arguments (`deploy.sh staging` → `$1` is staging) and the plain variables it assigns before use.
 */
export function scriptLines(text: string, path: string, args: readonly string[]): ScriptLine[] {
  const ownDirectory = `\${CI_PROJECT_DIR}/${dirOf(path)}`;
  const variables = new Map<string, string>(args.slice(0, 9).map((arg, index) => [String(index + 1), arg]));
  variables.set('0', path);
  return text.split(/\r?\n/).map((raw, index) => {
    const line = substitute(raw.replace(OWN_DIRECTORY, ownDirectory), variables);
    remember(line, variables);
    return { text: line, line: index + 1, path };
  });
}

function substitute(text: string, variables: ReadonlyMap<string, string>): string {
  if (text.trimStart().startsWith('#')) return text;
  return text.replace(VARIABLE, (whole, braced?: string, operator?: string, fallback?: string, bare?: string) => {
    const value = variables.get(braced ?? bare ?? '');
    if (value !== undefined) return value;
    // `${REGISTRY:-ghcr.io/acme}`: the script's own default; `${TAG:?}` only fails without a value.
    const usable = fallback !== undefined && (operator === '-' || operator === '=') && !fallback.includes('$') && !CI_VARIABLE.test(braced ?? '');
    return usable ? fallback : whole;
  });
}

/** `IMAGE=ghcr.io/acme/api`, `export TAG=1`, `local dir=…`: values later lines may use. */
function remember(line: string, variables: Map<string, string>): void {
  const [first] = splitCommands(line);
  if (!first || splitCommands(line).length !== 1) return;
  const words = ['export', 'readonly', 'local', 'declare'].includes(first.words[0] ?? '') ? first.words.slice(1).filter((w) => !w.startsWith('-')) : first.words;
  if (words.length === 0 || !words.every((word) => /^[A-Za-z_]\w*=/.test(word))) return;
  for (const word of words) {
    const [name, value] = [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)];
    if (/\$\(|`/.test(value)) variables.delete(name);
    else variables.set(name, value);
  }
}
