import { found, imageBuild, type CommandMatcher, type Found } from './activity.js';
import { readSkaffold } from './skaffold-config.js';
import { resolveScriptPath } from './shell-paths.js';
import { environmentAmong } from './names.js';
import { hasFlag, optionValue, optionValues, parseArgs, type ParsedArgs } from './shell-command.js';

const KUBECTL_GLOBAL_VALUES = new Set(['-n', '--namespace', '--context', '--kubeconfig', '-s', '--server', '--token', '--cluster', '--user', '--as', '--request-timeout']);
const KUBECTL_VALUES = new Set([...KUBECTL_GLOBAL_VALUES, '-f', '--filename', '-k', '--kustomize', '-l', '--selector', '-o', '--output', '--timeout', '--field-manager', '--record']);
/** Options whose value names where a deploy goes (`-n staging`, `--kube-context stg`, `-f values-staging.yaml`). */
const TARGET_OPTIONS = ['-n', '--namespace', '--context', '--kube-context', '--kubeconfig', '--cluster', '-f', '--filename', '--values', '-k', '--kustomize'];

/** The environment a deploy's options (and any names given) point at, as the word the check compares. */
function targetEnvironment(parsed: ParsedArgs, ...names: Array<string | undefined>): { environment?: string } {
  const environment = environmentAmong([...TARGET_OPTIONS.flatMap((option) => optionValues(parsed, option)), ...names]);
  return environment === undefined ? {} : { environment };
}
const SSH_VALUES = new Set(['-i', '-p', '-o', '-l', '-F', '-J', '-L', '-R', '-D', '-b', '-c', '-E', '-e', '-m', '-O', '-Q', '-S', '-W', '-w', '-B']);
/** What a remote command must mention for an ssh session to count as a container deploy. */
const REMOTE_CONTAINER_TOOL = /\b(docker-compose|docker|podman|kubectl|helm)\b/;

const isDryRun = (parsed: ParsedArgs) => (parsed.values.get('--dry-run') ?? []).some((v) => v !== 'none') || parsed.flags.has('--dry-run');

/**
 * kubectl and OpenShift's oc: apply, set image, rollout, replace deploy; `config use-context` and
 * `config set-context --namespace` say where the deploys after them go.
 */
export const kubectl: CommandMatcher = (command, state) => {
  const parsed = parseArgs(command.args, KUBECTL_VALUES);
  const [verb, object, name] = parsed.positionals;
  if (isDryRun(parsed) || parsed.flags.has('--help')) return [];
  if (verb === 'config' && (object === 'use-context' || object === 'use' || object === 'set-context')) {
    state.environment = environmentAmong([optionValue(parsed, '--namespace'), name]) ?? state.environment;
    return [];
  }
  const where = targetEnvironment(parsed);
  if (verb === 'apply' || verb === 'replace' || verb === 'rollout') return [found('deploy', `${command.name} ${verb}`, where)];
  if (verb === 'set' && object === 'image') return [found('deploy', `${command.name} set image`, where)];
  return [];
};

export const helm: CommandMatcher = (command) => {
  const parsed = parseArgs(command.args, new Set([...KUBECTL_GLOBAL_VALUES, '-f', '--values', '--set', '--version', '--timeout', '--set-string', '--kube-context', '--set-file', '--post-renderer', '--repo']));
  const [verb, release] = parsed.positionals;
  if (isDryRun(parsed) || (verb !== 'upgrade' && verb !== 'install')) return [];
  return [found('deploy', `helm ${verb}`, targetEnvironment(parsed, release))];
};

export const helmfile: CommandMatcher = (command) => {
  const parsed = parseArgs(command.args, new Set(['-f', '--file', '-e', '--environment', '-l', '--selector', '--kube-context', '-n', '--namespace']));
  const [verb] = parsed.positionals;
  const where = targetEnvironment(parsed, optionValue(parsed, '-e', '--environment'));
  return verb === 'apply' || verb === 'sync' || verb === 'deploy' ? [found('deploy', `helmfile ${verb}`, where)] : [];
};

/**
 * https://skaffold.dev/docs/references/cli/ : `run` builds and deploys, `deploy` and `apply` deploy,
 * `build` builds. The skaffold.yaml it reads (when there) says which images, from which contexts, and
 * whether they are pushed (by default they are, except to a local cluster); the profile where they go.
 */
export const skaffold: CommandMatcher = (command, state) => {
  const parsed = parseArgs(command.args, new Set(['-f', '--filename', '-p', '--profile', '-t', '--tag', '-d', '--default-repo', '-n', '--namespace', '--kube-context', '-o', '--output', '--file-output', '-m', '--module']));
  const [verb] = parsed.positionals;
  const names = optionValues(parsed, '-p', '--profile').flatMap((p) => p.split(','));
  const file = optionValue(parsed, '-f', '--filename');
  const path = state.cwd === undefined ? undefined : resolveScriptPath(file ?? 'skaffold.yaml', state.cwd);
  const configs = state.files && path !== undefined ? readSkaffold(state.files, path) : [];
  const profiles = configs.flatMap((config) => config.profiles.filter((profile) => names.includes(profile.name)));
  const where = targetEnvironment(parsed, ...names, ...profiles.flatMap((profile) => profile.targets));
  const activities: Found[] = [];
  if (verb === 'run' || verb === 'build') {
    const pushFlag = (parsed.values.get('--push') ?? []).at(-1) ?? (parsed.flags.has('--push') ? 'true' : undefined);
    for (const config of configs) {
      const artifacts = [...profiles].reverse().find((profile) => profile.artifacts)?.artifacts ?? config.artifacts;
      const pushes = pushFlag !== undefined ? pushFlag !== 'false' : config.push !== false;
      for (const artifact of artifacts) {
        const { image, context, dockerfile, target } = artifact;
        activities.push(...imageBuild({ tool: `skaffold ${verb}`, image, context, dockerfile, target, pushes }).map((a) => ({ ...a, path: config.path, line: artifact.line })));
      }
    }
    if (configs.length === 0 && verb === 'build') activities.push(found('image-build', 'skaffold build', { pushes: hasFlag(parsed, '--push') }));
  }
  if (verb === 'run' || verb === 'deploy' || verb === 'apply') activities.push(found('deploy', `skaffold ${verb}`, where));
  return activities;
};

export const argocd: CommandMatcher = (command) => {
  const [group, verb, app] = parseArgs(command.args, new Set(['--server', '--auth-token', '--grpc-web-root-path', '--revision', '--kustomize-image', '-p', '--parameter', '--timeout', '--helm-set', '--resource'])).positionals;
  const where = environmentAmong([app]);
  return group === 'app' && (verb === 'sync' || verb === 'set' || verb === 'rollback') ? [found('deploy', `argocd app ${verb}`, { environment: where })] : [];
};

export const flux: CommandMatcher = (command) => {
  const parsed = parseArgs(command.args, new Set(['-n', '--namespace', '--context', '--kubeconfig']));
  const [verb, , name] = parsed.positionals;
  return verb === 'reconcile' ? [found('deploy', 'flux reconcile', targetEnvironment(parsed, name))] : [];
};

/** https://kamal-deploy.org: deploys containers to servers over ssh; `-d staging` picks config/deploy.staging.yml. */
export const kamal: CommandMatcher = (command) => {
  const parsed = parseArgs(command.args, new Set(['-d', '--destination', '-c', '--config-file', '-r', '--roles', '-h', '--hosts', '--version']));
  const [verb] = parsed.positionals;
  const where = { environment: environmentAmong(optionValues(parsed, '-d', '--destination', '-c', '--config-file')) };
  return verb === 'deploy' || verb === 'redeploy' || verb === 'rollback' || verb === 'setup' ? [found('deploy', `kamal ${verb}`, where)] : [];
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

/** https://cloud.google.com/kubernetes-engine/docs/how-to/gke-deploy : `run` and `apply` deploy to a GKE cluster. */
export const gkeDeploy: CommandMatcher = (command) => {
  const parsed = parseArgs(command.args, new Set(['-f', '--filename', '-i', '--image', '-c', '--cluster', '-l', '--location', '-n', '--namespace', '-a', '--app', '-p', '--project', '-v', '--version', '-o', '--output']));
  const [verb] = parsed.positionals;
  const where = { environment: environmentAmong(['-n', '--namespace', '-c', '--cluster', '-a', '--app', '-p', '--project', '-f', '--filename'].flatMap((option) => optionValues(parsed, option))) };
  return verb === 'run' || verb === 'apply' ? [found('deploy', `gke-deploy ${verb}`, where)] : [];
};

/**
 * `kustomize edit set image api=ghcr.io/acme/api:$SHA` in an overlay, then a commit: the GitOps way
 * to deploy, applied when Argo CD or Flux syncs. Medium: the sync is not in sight.
 */
export const kustomize: CommandMatcher = (command, state) => {
  const [verb, object, what] = parseArgs(command.args, new Set()).positionals;
  if (verb !== 'edit' || object !== 'set' || what !== 'image') return [];
  return [found('deploy', 'kustomize edit set image', { environment: environmentAmong([state.cwd]) }, 'medium')];
};
