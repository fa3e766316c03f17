import { found, type CommandMatcher } from './activity.js';
import { hasFlag, parseArgs, type ParsedArgs } from './shell-command.js';

const KUBECTL_GLOBAL_VALUES = new Set(['-n', '--namespace', '--context', '--kubeconfig', '-s', '--server', '--token', '--cluster', '--user', '--as', '--request-timeout']);
const SSH_VALUES = new Set(['-i', '-p', '-o', '-l', '-F', '-J', '-L', '-R', '-D', '-b', '-c', '-E', '-e', '-m', '-O', '-Q', '-S', '-W', '-w', '-B']);
/** What a remote command must mention for an ssh session to count as a container deploy. */
const REMOTE_CONTAINER_TOOL = /\b(docker-compose|docker|podman|kubectl|helm)\b/;

const isDryRun = (parsed: ParsedArgs) => (parsed.values.get('--dry-run') ?? []).some((v) => v !== 'none') || parsed.flags.has('--dry-run');

/** kubectl and OpenShift's oc: apply, set image, rollout, replace. */
export const kubectl: CommandMatcher = (command) => {
  const parsed = parseArgs(command.args, KUBECTL_GLOBAL_VALUES);
  const [verb, object] = parsed.positionals;
  if (isDryRun(parsed) || parsed.flags.has('--help')) return [];
  if (verb === 'apply' || verb === 'replace' || verb === 'rollout') return [found('deploy', `${command.name} ${verb}`)];
  if (verb === 'set' && object === 'image') return [found('deploy', `${command.name} set image`)];
  return [];
};

export const helm: CommandMatcher = (command) => {
  const parsed = parseArgs(command.args, new Set([...KUBECTL_GLOBAL_VALUES, '-f', '--values', '--set', '--version', '--timeout', '--set-string']));
  const [verb] = parsed.positionals;
  if (isDryRun(parsed) || (verb !== 'upgrade' && verb !== 'install')) return [];
  return [found('deploy', `helm ${verb}`)];
};

export const helmfile: CommandMatcher = (command) => {
  const [verb] = parseArgs(command.args, new Set(['-f', '--file', '-e', '--environment', '-l', '--selector'])).positionals;
  return verb === 'apply' || verb === 'sync' || verb === 'deploy' ? [found('deploy', `helmfile ${verb}`)] : [];
};

/** https://skaffold.dev/docs/references/cli/ : `run` and `deploy` deploy, `build` builds (and pushes with --push). */
export const skaffold: CommandMatcher = (command) => {
  const parsed = parseArgs(command.args, new Set(['-f', '--filename', '-p', '--profile', '-t', '--tag', '-d', '--default-repo', '-n', '--namespace', '--kube-context', '-o', '--output', '--file-output']));
  const [verb] = parsed.positionals;
  if (verb === 'run' || verb === 'deploy' || verb === 'apply') return [found('deploy', `skaffold ${verb}`)];
  if (verb === 'build') return [found('image-build', 'skaffold build', { pushes: hasFlag(parsed, '--push') })];
  return [];
};

export const argocd: CommandMatcher = (command) => {
  const [group, verb] = parseArgs(command.args, new Set(['--server', '--auth-token', '--grpc-web-root-path', '--revision', '--kustomize-image', '-p', '--parameter', '--timeout', '--helm-set', '--resource'])).positionals;
  return group === 'app' && (verb === 'sync' || verb === 'set' || verb === 'rollback') ? [found('deploy', `argocd app ${verb}`)] : [];
};

export const flux: CommandMatcher = (command) => {
  const [verb] = parseArgs(command.args, new Set(['-n', '--namespace', '--context', '--kubeconfig'])).positionals;
  return verb === 'reconcile' ? [found('deploy', 'flux reconcile')] : [];
};

/** https://kamal-deploy.org: deploys containers to servers over ssh. */
export const kamal: CommandMatcher = (command) => {
  const [verb] = parseArgs(command.args, new Set(['-d', '--destination', '-c', '--config-file', '-r', '--roles', '-h', '--hosts', '--version'])).positionals;
  return verb === 'deploy' || verb === 'redeploy' || verb === 'rollback' || verb === 'setup' ? [found('deploy', `kamal ${verb}`)] : [];
};

/** `ssh host 'docker compose pull && docker compose up -d'`: a deploy when the remote command runs containers. */
export const ssh: CommandMatcher = (command) => {
  const parsed = parseArgs(command.args, SSH_VALUES, true);
  const remote = parsed.rest.join(' ');
  const tool = REMOTE_CONTAINER_TOOL.exec(remote)?.[1];
  return tool ? [found('deploy', `ssh ${tool}`)] : [];
};

/** The ssh deploy a heredoc body makes (`ssh host <<EOF … docker compose up -d … EOF`). */
export function sshHeredocDeploy(body: readonly string[]): ReturnType<CommandMatcher> {
  const tool = REMOTE_CONTAINER_TOOL.exec(body.filter((line) => !line.trim().startsWith('#')).join('\n'))?.[1];
  return tool ? [found('deploy', `ssh ${tool}`)] : [];
}

/** `sshpass -p secret ssh …`: the wrapped ssh decides. */
export const sshpass: CommandMatcher = (command, state) => {
  const parsed = parseArgs(command.args, new Set(['-p', '-f', '-d', '-e']), true);
  return parsed.positionals[0] === 'ssh' ? ssh({ ...command, name: 'ssh', program: 'ssh', args: parsed.rest }, state) : [];
};
