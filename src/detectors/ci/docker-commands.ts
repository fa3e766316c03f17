import { found, imageBuild, type CommandMatcher, type Found, type ShellState } from './activity.js';
import { hasFlag, optionValue, optionValues, parseArgs, type SimpleCommand } from './shell-command.js';
import { resolveScriptPath } from './shell-paths.js';
import { isTestCommand, isTestName } from './names.js';

// https://docs.docker.com/reference/cli/docker/ , podman(1), buildah(1), nerdctl: same build/push/run shapes.
const GLOBAL_VALUES = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey', '--builder', '--storage-driver', '--root', '--runroot', '--connection', '--url', '--identity', '--namespace', '-n']);
const BUILD_VALUES = new Set([
  '-f', '--file', '-t', '--tag', '--target', '--build-arg', '--build-arg-file', '--label', '--platform', '--cache-from', '--cache-to',
  '--secret', '--ssh', '--network', '--add-host', '--progress', '-o', '--output', '--builder', '--iidfile', '--metadata-file',
  '--build-context', '--shm-size', '--ulimit', '-m', '--memory', '--memory-swap', '--cpu-shares', '--cpu-period', '--cpu-quota',
  '--cpuset-cpus', '--cpuset-mems', '--isolation', '--attest', '--annotation', '--allow', '--cgroup-parent', '--security-opt',
  '--format', '--authfile', '--creds', '--cert-dir', '--jobs', '--os', '--arch', '--variant', '--env', '-v', '--volume', '--from',
  '--runtime', '--timestamp', '--manifest', '--sign-by', '--userns', '--ipc', '--pid', '--uts', '--device', '--dns',
]);
const PUSH_VALUES = new Set(['--platform', '--authfile', '--creds', '--format', '--digestfile', '--sign-by', '--cert-dir', '--retry', '--retry-delay', '--compression-format']);
const RUN_VALUES = new Set([
  '-e', '--env', '--env-file', '-v', '--volume', '-w', '--workdir', '--name', '--network', '--net', '-p', '--publish', '-u', '--user',
  '--entrypoint', '--mount', '-l', '--label', '--add-host', '--platform', '-m', '--memory', '--cpus', '--shm-size', '--ulimit', '--dns',
  '-h', '--hostname', '--link', '--cap-add', '--cap-drop', '--security-opt', '--tmpfs', '--device', '--gpus', '--ipc', '--pid',
  '--restart', '--log-driver', '--log-opt', '--pull', '--expose', '--volumes-from', '--health-cmd', '--stop-signal', '--cidfile',
]);
const COMPOSE_GLOBAL_VALUES = new Set(['-f', '--file', '-p', '--project-name', '--profile', '--env-file', '--project-directory', '--ansi', '--progress', '--parallel']);
const COMPOSE_RUN_VALUES = new Set(['-e', '--env', '-l', '--label', '--name', '-p', '--publish', '-u', '--user', '-v', '--volume', '-w', '--workdir', '--entrypoint', '--cap-add', '--cap-drop', '--pull', '--index']);
const COMPOSE_UP_VALUES = new Set(['--exit-code-from', '--scale', '-t', '--timeout', '--pull', '--attach', '--no-attach', '--wait-timeout']);
const KANIKO_VALUES = new Set(['-c', '--context', '-f', '--dockerfile', '-d', '--destination', '--target', '--build-arg', '--cache-repo', '--label', '--custom-platform', '--tar-path', '--digest-file', '--context-sub-path', '--registry-mirror', '--snapshot-mode', '--verbosity', '--cache-dir', '--kaniko-dir', '--ignore-path']);

/** `docker`, `podman` and `nerdctl`: the subcommand after global options decides. */
export const dockerCli: CommandMatcher = (command, state) => {
  const global = parseArgs(command.args, GLOBAL_VALUES, true);
  const [sub] = global.positionals;
  const rest = global.rest;
  if (sub === undefined || rest.includes('--help')) return [];
  const host = optionValue(global, '-H', '--host', '--url') ?? command.env.DOCKER_HOST ?? '';
  const context = optionValue(global, '-c', '--context', '--connection');
  const remote = state.remote || host.startsWith('ssh://') || (context !== undefined && context !== 'default');
  const tool = (...parts: string[]) => [command.name, ...parts].join(' ');
  const nested = parseArgs(rest, GLOBAL_VALUES, true);
  const [second] = nested.positionals;
  switch (sub) {
    case 'build':
      return build(tool('build'), rest, state);
    case 'buildx':
    case 'builder':
    case 'image':
    case 'container':
      if (second === 'build' || second === 'b') return build(tool(sub, 'build'), nested.rest, state);
      if (second === 'bake') return bake(tool(sub, 'bake'), nested.rest);
      if (second === 'push') return push(tool(sub, 'push'), nested.rest);
      if (second === 'run') return run(tool(sub, 'run'), nested.rest, remote);
      if (second === 'imagetools' && nested.rest[0] === 'create') {
        return [found('image-push', tool('buildx imagetools create'), { image: optionValue(parseArgs(nested.rest, new Set(['-t', '--tag', '-f', '--file'])), '-t', '--tag') })];
      }
      return [];
    case 'bake':
      return bake(tool('bake'), rest);
    case 'push':
      return push(tool('push'), rest);
    case 'manifest':
      return second === 'push' ? push(tool('manifest push'), nested.rest) : [];
    case 'login':
      return [found('registry-login', tool('login'))];
    case 'run':
      return run(tool('run'), rest, remote);
    case 'compose':
      return compose(tool('compose'), rest, remote);
    case 'stack':
      return second === 'deploy' || second === 'up' ? [found('deploy', tool('stack deploy'))] : [];
    case 'service':
      return second === 'update' || second === 'create' ? [found('deploy', tool('service', second))] : [];
    case 'context':
      if (second === 'use' && nested.rest[0]) state.remote = nested.rest[0] !== 'default';
      return [];
    default:
      return [];
  }
};

/** `docker-compose` (v1) and `podman-compose`. */
export const composeCli: CommandMatcher = (command, state) =>
  compose(command.name, command.args, state.remote || (command.env.DOCKER_HOST ?? '').startsWith('ssh://'));

export const buildahCli: CommandMatcher = (command, state) => {
  const global = parseArgs(command.args, GLOBAL_VALUES, true);
  const [sub] = global.positionals;
  if (sub === 'bud' || sub === 'build' || sub === 'build-using-dockerfile') return build(`buildah ${sub}`, global.rest, state);
  if (sub === 'push') return push('buildah push', global.rest);
  if (sub === 'login') return [found('registry-login', 'buildah login')];
  return [];
};

/** https://github.com/GoogleContainerTools/kaniko#additional-flags */
export const kanikoExecutor: CommandMatcher = (command, state) => {
  const parsed = parseArgs(command.args, KANIKO_VALUES);
  const isKaniko = command.program.includes('kaniko') || ['-c', '--context', '-d', '--destination', '--dockerfile'].some((o) => parsed.values.has(o));
  if (!isKaniko || parsed.flags.has('--help')) return [];
  const written = optionValue(parsed, '-c', '--context');
  const local = written === undefined ? undefined : written.replace(/^dir:\/\//, '');
  const context = local === undefined || /^[a-z0-9]+:\/\//i.test(local) ? undefined : resolveScriptPath(local, state.cwd);
  const file = optionValue(parsed, '-f', '--dockerfile');
  // Kaniko looks for a relative --dockerfile inside the context.
  const dockerfile = file === undefined ? undefined : resolveScriptPath(file, context ?? state.cwd);
  const destinations = optionValues(parsed, '-d', '--destination');
  const pushes = destinations.length > 0 && !hasFlag(parsed, '--no-push');
  return imageBuild({ tool: 'kaniko', context, dockerfile, image: destinations[0], pushes, target: optionValue(parsed, '--target') });
};

function build(tool: string, args: string[], state: ShellState): Found[] {
  const parsed = parseArgs(args, BUILD_VALUES);
  if (parsed.flags.has('--help') || parsed.flags.has('-h')) return [];
  const contextArg = parsed.positionals.at(-1);
  const context = contextArg === undefined || contextArg === '-' ? undefined : resolveScriptPath(contextArg, state.cwd);
  const file = optionValue(parsed, '-f', '--file');
  const dockerfile = file === undefined || file === '-' ? undefined : resolveScriptPath(file, state.cwd);
  const outputs = optionValues(parsed, '-o', '--output');
  const pushes = hasFlag(parsed, '--push') || outputs.some((output) => /type=registry|push=true/.test(output));
  const image = optionValues(parsed, '-t', '--tag')[0];
  return imageBuild({ tool, context, dockerfile, image, pushes, target: optionValue(parsed, '--target') });
}

function bake(tool: string, args: string[]): Found[] {
  const parsed = parseArgs(args, new Set(['-f', '--file', '--set', '--progress', '--metadata-file', '--builder']));
  const pushes = hasFlag(parsed, '--push') || optionValues(parsed, '--set').some((set) => /output=type=registry|push=true/.test(set));
  return [found('image-build', tool, { pushes })];
}

function push(tool: string, args: string[]): Found[] {
  const parsed = parseArgs(args, PUSH_VALUES);
  if (parsed.flags.has('--help')) return [];
  return [found('image-push', tool, { image: parsed.positionals.at(-1)?.replace(/^docker:\/\//, '') })];
}

function run(tool: string, args: string[], remote: boolean): Found[] {
  const parsed = parseArgs(args, RUN_VALUES, true);
  const image = parsed.positionals[0];
  if (image === undefined) return [];
  if (remote) return [found('deploy', tool, { image })];
  const entrypoint = optionValue(parsed, '--entrypoint');
  const commandWords = entrypoint === undefined ? parsed.rest : [entrypoint, ...parsed.rest];
  // Medium until the pipeline tells whether the image is one it built (strong) or a public one (weak).
  return isTestCommand(commandWords) ? [found('test-in-image', tool, { image }, 'medium')] : [];
}

/** https://docs.docker.com/reference/cli/docker/compose/ */
function compose(tool: string, args: string[], remote: boolean): Found[] {
  const global = parseArgs(args, COMPOSE_GLOBAL_VALUES, true);
  const [sub] = global.positionals;
  const rest = global.rest;
  if (rest.includes('--help')) return [];
  switch (sub) {
    case 'build':
      return [found('image-build', `${tool} build`, { pushes: rest.includes('--push') })];
    case 'push':
      return [found('image-push', `${tool} push`)];
    case 'run':
    case 'exec': {
      const parsed = parseArgs(rest, COMPOSE_RUN_VALUES, true);
      const service = parsed.positionals[0];
      if (service === undefined) return [];
      if (remote && sub === 'run') return [found('deploy', `${tool} run`)];
      return isTestName(service) || isTestCommand(parsed.rest) ? [found('test-in-image', `${tool} ${sub}`)] : [];
    }
    case 'up': {
      const parsed = parseArgs(rest, COMPOSE_UP_VALUES);
      if (parsed.values.has('--exit-code-from') || parsed.flags.has('--abort-on-container-exit')) return [found('test-in-image', `${tool} up`)];
      return remote ? [found('deploy', `${tool} up`)] : [];
    }
    default:
      return [];
  }
}
