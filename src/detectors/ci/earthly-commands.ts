import type { CiActivity } from '../facts.js';
import { found, imageBuild, type Found, type ScriptFiles, type ShellState } from './activity.js';
import { earthfileAt, targetReference, withArgs, type EarthCommand, type Earthfile } from './earthfile.js';
import type { Classify } from './follow-scripts.js';
import { isTestCommand } from './names.js';
import { parseArgs, type SimpleCommand } from './shell-command.js';
import { resolveScriptPath } from './shell-paths.js';

// https://docs.earthly.dev/docs/earthly-command and https://docs.earthly.dev/docs/earthfile
const EARTHLY_VALUES = new Set(['--platform', '-s', '--secret', '--secret-file', '--build-arg', '--remote-cache', '--org', '--sat', '--config', '--buildkit-host', '--project', '--satellite']);
const SAVE_IMAGE_VALUES = new Set(['--cache-from']);
/** `BUILD +a` in `+b` in `+c`: images come from targets a few levels down at most. */
const MAX_DEPTH = 4;

/**
 * `earthly --push +docker`: the target's `SAVE IMAGE` lines are the images it builds (pushed with
 * `--push` when the line says `--push` too), `WITH DOCKER --load` runs tests against a built image
 * and `RUN --push` commands (deploys) run only with `--push`. Read from the Earthfile when it is
 * there; otherwise the call alone is a medium-confidence build.
 */
export function earthlyCommand(command: SimpleCommand, state: ShellState, classify: Classify): Found[] {
  const parsed = parseArgs(command.args, EARTHLY_VALUES);
  const reference = parsed.positionals.find((word) => word.includes('+'));
  const push = parsed.flags.has('--push');
  if (reference === undefined || state.cwd === undefined) return [];
  const target = targetReference(reference, state.cwd);
  if (target === undefined) return [found('image-build', 'earthly', { pushes: push }, 'medium')];
  const earthfile = state.files ? earthfileAt(state.files, target.directory) : undefined;
  if (!earthfile?.targets.has(target.target)) return [found('image-build', 'earthly', { context: target.directory, pushes: push }, 'medium')];
  return targetActivities(state.files!, earthfile, target.target, push, classify, new Set(), 0);
}

/** What running one target of an Earthfile does, with that file's lines. */
export function targetActivities(files: ScriptFiles, earthfile: Earthfile, name: string, push: boolean, classify: Classify, seen: Set<string>, depth: number): CiActivity[] {
  const key = `${earthfile.path}+${name}`;
  const target = earthfile.targets.get(name);
  if (!target || seen.has(key) || depth > MAX_DEPTH) return [];
  seen.add(key);
  const at = (command: EarthCommand) => ({ path: earthfile.path, line: command.line });
  const activities: CiActivity[] = [];
  let dockerfile: { context?: string; dockerfile?: string; target?: string } = { context: earthfile.directory };
  let loaded: string[] | undefined;
  const follow = (reference: string | undefined, withPush: boolean) => {
    const next = reference === undefined ? undefined : targetReference(reference, earthfile.directory);
    const file = next === undefined ? undefined : next.directory === earthfile.directory ? earthfile : earthfileAt(files, next.directory);
    return file && next ? targetActivities(files, file, next.target, withPush, classify, seen, depth + 1) : [];
  };
  for (const command of target.commands) {
    const { keyword, args } = command;
    if (keyword === 'FROM' && args[0] === 'DOCKERFILE') dockerfile = fromDockerfile(args.slice(1), earthfile.directory);
    else if (keyword === 'SAVE' && args[0] === 'IMAGE') {
      const parsed = parseArgs(args.slice(1), SAVE_IMAGE_VALUES);
      const pushes = push && parsed.flags.has('--push');
      for (const image of parsed.positionals.length > 0 ? parsed.positionals : [undefined]) {
        activities.push(...imageBuild({ tool: 'earthly SAVE IMAGE', ...dockerfile, image: image && withArgs(image, earthfile.args), pushes }).map((a) => ({ ...a, ...at(command) })));
      }
    } else if (keyword === 'BUILD' || keyword === 'DO') activities.push(...follow(args.find((word) => word.includes('+')), push));
    else if (keyword === 'WITH' && args[0] === 'DOCKER') {
      const loads = args.flatMap((word, index) => (args[index - 1] === '--load' ? [word] : word.startsWith('--load=') ? [word.slice(7)] : []));
      loaded = loads.map((load) => load.split('=')[0]!).filter(Boolean);
      // Loading a target builds its image for the RUN that follows.
      for (const load of loads) activities.push(...follow(load.slice(load.indexOf('=') + 1), false));
    } else if (keyword === 'END') loaded = undefined;
    else if (keyword === 'RUN') activities.push(...runActivities(command, push, loaded, earthfile, classify));
  }
  return activities;
}

function runActivities(command: EarthCommand, push: boolean, loaded: string[] | undefined, earthfile: Earthfile, classify: Classify): CiActivity[] {
  const parsed = parseArgs(command.args, new Set(['--mount', '--secret', '--network', '--ssh']), true);
  const runsOnPush = parsed.flags.has('--push');
  if (runsOnPush && !push) return [];
  const shellText = command.rest.replace(/^(?:--[\w-]+(?:=\S+)?\s+)+/, '');
  const words = /^\[/.test(shellText) ? execForm(shellText) : [shellText];
  const classified = classify([{ text: words.join(' '), line: command.line, path: earthfile.path }], { path: earthfile.path, cwd: undefined, remote: false, files: { text: () => undefined }, followed: true });
  if (loaded && loaded.length > 0 && (isTestCommand(words) || classified.some((a) => a.kind === 'test-in-image'))) {
    return [{ kind: 'test-in-image', confidence: 'strong', tool: 'earthly WITH DOCKER', image: loaded[0], path: earthfile.path, line: command.line }];
  }
  return runsOnPush ? classified : [];
}

function fromDockerfile(args: readonly string[], directory: string): { context?: string; dockerfile?: string; target?: string } {
  const parsed = parseArgs(args, new Set(['-f', '--target', '--build-arg', '--platform']));
  const context = resolveScriptPath(parsed.positionals[0] ?? '.', directory);
  const file = parsed.values.get('-f')?.at(-1);
  const dockerfile = file === undefined ? (context === undefined ? undefined : resolveScriptPath('Dockerfile', context)) : resolveScriptPath(file, directory);
  return { context, dockerfile, target: parsed.values.get('--target')?.at(-1) };
}

/** `RUN ["npm", "test"]`: the words of the exec form, or the text itself when it is not valid JSON. */
function execForm(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map(String) : [text];
  } catch {
    return [text];
  }
}
