import type { CiActivity } from '../facts.js';
import type { CommandMatcher, Found, ScriptFiles, ShellState } from './activity.js';
import { logicalLines, splitCommands, type LogicalLine, type ScriptLine } from './shell.js';
import { simpleCommand, type SimpleCommand } from './shell-command.js';
import { resolveScriptPath } from './shell-paths.js';
import { buildahCli, composeCli, dockerCli, kanikoExecutor } from './docker-commands.js';
import { argocd, flux, gkeDeploy, helm, helmfile, kamal, kubectl, kustomize, skaffold, ssh, sshHeredocDeploy, sshpass } from './deploy-commands.js';
import { aws, az, copilot, fly, gcloud, heroku } from './cloud-commands.js';
import { crane, javaImageBuild, ko, pack, skopeo } from './builder-commands.js';
import { isShell, scriptFile, taskRunner } from './indirect-commands.js';
import { followCommand } from './follow-scripts.js';
import { environmentIn } from './names.js';
import { earthlyCommand } from './earthly-commands.js';

export type { ScriptLine } from './shell.js';

export interface ScriptContext {
  /** File the script is written in; lines may name another (`ScriptLine.path`). */
  path: string;
  /** Repo-relative directory the script starts in; undefined when it cannot be known. */
  cwd: string | undefined;
  /** The script runs on another host (an ssh action's `script:`): container commands there deploy. */
  remote?: boolean;
  /** Where scripts and Makefiles the script calls are read from, to follow them one level. */
  files?: ScriptFiles;
  /** The lines are themselves a followed script: what they call is judged by name only. */
  followed?: boolean;
}

const MATCHERS: Record<string, CommandMatcher> = {
  docker: dockerCli, podman: dockerCli, nerdctl: dockerCli, 'docker-compose': composeCli, 'podman-compose': composeCli,
  buildah: buildahCli, executor: kanikoExecutor,
  kubectl, oc: kubectl, helm, helmfile, skaffold, argocd, flux, kamal, ssh, sshpass, 'gke-deploy': gkeDeploy, kustomize,
  aws, gcloud, az, heroku, fly, flyctl: fly, copilot,
  pack, ko, crane, skopeo, mvn: javaImageBuild, mvnw: javaImageBuild, gradle: javaImageBuild, gradlew: javaImageBuild,
  make: taskRunner, just: taskRunner, task: taskRunner, npm: taskRunner, yarn: taskRunner, pnpm: taskRunner, bun: taskRunner,
};
/** `bash -c "…"` and `$(…)` nest; a few levels cover every real script. */
const MAX_NESTING = 3;

/**
 * Turns the lines of a CI script into container activities: image builds and pushes, registry
 * logins, tests run inside images and deploys, reading the scripts and Makefiles it calls (one
 * level) from `context.files`. Pure: the same lines and files always give the same answer.
 */
export function classifyScript(lines: readonly ScriptLine[], context: ScriptContext): CiActivity[] {
  const state: ShellState = { cwd: context.cwd, remote: context.remote ?? false, files: context.files, followed: context.followed };
  const directories: Array<string | undefined> = [];
  const activities: CiActivity[] = [];
  for (const logical of logicalLines(lines)) {
    const at = { path: logical.path ?? context.path, line: logical.line };
    // An activity read out of a followed script keeps that script's path and line.
    for (const activity of classifyLine(logical, state, directories, 0)) activities.push(activity.path === undefined ? { ...activity, ...at } : (activity as CiActivity));
  }
  return activities;
}

function classifyLine(logical: LogicalLine, state: ShellState, directories: Array<string | undefined>, depth: number): Found[] {
  const results: Found[] = [];
  for (const pipeline of pipelinesOf(logical.text)) {
    if (pipeline.length === 1 && changesState(pipeline[0]!, state, directories)) continue;
    const commands = pipeline.map(simpleCommand);
    const classified = commands.flatMap((command) => (command ? classifyCommand(command, state, depth) : []));
    // Credentials fetched for a staging cluster earlier in the script say where later deploys go.
    const { environment } = state;
    const inPipeline = environment ? classified.map((a) => (a.kind === 'deploy' && !a.environment ? { ...a, environment } : a)) : classified;
    const fromKustomize = commands.some((c) => c?.name === 'kustomize' && c.args.includes('build'));
    let loggedIn = false;
    for (const activity of inPipeline) {
      // `aws ecr get-login-password | docker login …` is one login.
      if (activity.kind === 'registry-login' && loggedIn) continue;
      loggedIn ||= activity.kind === 'registry-login';
      results.push(fromKustomize && activity.kind === 'deploy' ? { ...activity, tool: `kustomize build | ${activity.tool}` } : activity);
    }
  }
  if (logical.heredoc) results.push(...heredocActivities(logical, state, depth));
  return results;
}

/** Commands of a line grouped by pipeline, in the order they run. */
function pipelinesOf(text: string): string[][][] {
  const pipelines: string[][][] = [];
  let current = -1;
  for (const { words, pipeline } of splitCommands(text)) {
    if (pipeline !== current) pipelines.push([]);
    current = pipeline;
    pipelines.at(-1)!.push(words);
  }
  return pipelines;
}

function classifyCommand(command: SimpleCommand, state: ShellState, depth: number): Found[] {
  if (depth > MAX_NESTING) return [];
  const substitution = /^\$\((.*)\)$/s.exec(command.program) ?? /^`(.*)`$/s.exec(command.program);
  if (substitution) return classifyText(substitution[1]!, state, depth + 1);
  if (isShell(command.name)) {
    const inline = command.args.findIndex((arg) => /^-[a-z]*c[a-z]*$/.test(arg) || arg === '-Command' || arg === '-command');
    if (inline !== -1) return classifyText(command.args[inline + 1] ?? '', state, depth + 1);
  }
  const matcher = MATCHERS[command.name];
  // Scripts, Makefile targets and package scripts are read when there; `./gradlew` and `./mvnw` are tools.
  const followed = matcher === undefined || matcher === taskRunner ? followCommand(command, state, classifyScript) : undefined;
  if (followed) return followed;
  if (command.name === 'earthly') return earthlyCommand(command, state, classifyScript);
  if (matcher) return matcher(command, state);
  return scriptFile(command);
}

/** Text run in a subshell (`bash -c`, `$(…)`, `bash <<EOF`): its `cd` does not reach the outer script. */
function classifyText(text: string, state: ShellState, depth: number): Found[] {
  const inner = { ...state };
  return text.split(/\r?\n/).flatMap((line) => classifyLine({ text: line, line: 0 }, inner, [], depth));
}

/** A heredoc feeds a remote shell (`ssh host <<EOF`), a local one (`bash <<EOF`), or a file (`cat > x <<EOF`). */
function heredocActivities(logical: LogicalLine, state: ShellState, depth: number): Found[] {
  const body = logical.heredoc ?? [];
  const reader = splitCommands(logical.text).map(({ words }) => simpleCommand(words)).find(Boolean);
  if (reader?.name === 'ssh' || reader?.name === 'sshpass') return sshHeredocDeploy(body.map((line) => line.text));
  if (reader && isShell(reader.name)) return classifyText(body.map((line) => line.text).join('\n'), state, depth + 1);
  return [];
}

/** `cd`, `pushd`, `popd` and `export DOCKER_HOST=…` change what later commands mean. */
function changesState(words: readonly string[], state: ShellState, directories: Array<string | undefined>): boolean {
  const [first, target] = words;
  if (first === 'cd' || first === 'pushd') {
    if (first === 'pushd') directories.push(state.cwd);
    state.cwd = target === undefined || target === '-' ? undefined : resolveScriptPath(target, state.cwd);
    return true;
  }
  if (first === 'popd') {
    if (directories.length > 0) state.cwd = directories.pop();
    return true;
  }
  const assignments = first === 'export' ? words.slice(1) : words;
  if (assignments.length > 0 && assignments.every((word) => /^[A-Za-z_]\w*=/.test(word))) {
    const host = assignments.find((word) => word.startsWith('DOCKER_HOST='));
    if (host !== undefined) state.remote = host.slice('DOCKER_HOST='.length).startsWith('ssh://');
    const kubeconfig = assignments.find((word) => /^(?:KUBECONFIG|KUBE_CONTEXT|KUBECTL_CONTEXT|HELM_KUBECONTEXT)=/.test(word));
    if (kubeconfig !== undefined) state.environment = environmentIn(kubeconfig.slice(kubeconfig.indexOf('=') + 1)) ?? state.environment;
    return true;
  }
  return false;
}
