import type { CiActivity } from '../facts.js';
import { resolveInRepo } from '../../snapshot/paths.js';
import { found, imageBuild, type Found, type ScriptFiles } from './activity.js';
import { classifyScript } from './commands.js';
import { resolveScriptPath } from './shell-paths.js';
import { asList, asMap, asText, isTruthy, type YamlMap } from './values.js';
import type { Place, YamlSources } from './yaml-sources.js';

/** What a step needs from the job around it. */
export interface StepScope {
  sources: YamlSources;
  files: ScriptFiles;
  /** Where the step is, when a key inside it cannot be placed. */
  fallback: Place;
  /** `defaults.run.working-directory` of the job or workflow, repo-relative. */
  cwd: string | undefined;
  /** Fills `${{ env.X }}`, `${{ inputs.x }}` and `${{ steps.meta.outputs.tags }}` where the workflow says what they are. */
  expand: (text: string) => string;
  /** Reads a local action (`uses: ./.github/actions/build`) with the step's `with:`. */
  local?: (uses: string, inputs: YamlMap, caller: StepScope) => CiActivity[];
}

type ActionReader = (inputs: YamlMap, scope: StepScope) => Found[];

const login = (tool: string): ActionReader => () => [found('registry-login', tool)];
const deploy = (tool: string): ActionReader => () => [found('deploy', tool)];

/** Marketplace actions that build, push, log in or deploy, by `owner/name` in lower case. */
const ACTIONS: Record<string, ActionReader> = {
  'docker/build-push-action': buildPushAction,
  'docker/bake-action': (inputs, scope) => [found('image-build', 'docker/bake-action', { pushes: isTruthy(inputText(inputs, 'push', scope) ?? inputs.push) })],
  'redhat-actions/buildah-build': buildahAction,
  'redhat-actions/push-to-registry': (inputs, scope) => [found('image-push', 'redhat-actions/push-to-registry', { image: inputText(inputs, 'image', scope) })],
  'docker/login-action': login('docker/login-action'),
  'aws-actions/amazon-ecr-login': login('aws-actions/amazon-ecr-login'),
  'azure/docker-login': login('azure/docker-login'),
  'redhat-actions/podman-login': login('redhat-actions/podman-login'),
  'aws-actions/amazon-ecs-deploy-task-definition': deploy('aws-actions/amazon-ecs-deploy-task-definition'),
  'azure/webapps-deploy': deploy('azure/webapps-deploy'),
  'azure/k8s-deploy': deploy('azure/k8s-deploy'),
  'azure/container-apps-deploy-action': deploy('azure/container-apps-deploy-action'),
  'azure/aci-deploy': deploy('azure/aci-deploy'),
  'google-github-actions/deploy-cloudrun': deploy('google-github-actions/deploy-cloudrun'),
  'akhileshns/heroku-deploy': deploy('akhileshns/heroku-deploy'),
  'deliverybot/helm': deploy('deliverybot/helm'),
  'superfly/flyctl-actions': (inputs) => (/\bdeploy\b/.test(asText(inputs.args) ?? '') ? [found('deploy', 'superfly/flyctl-actions')] : []),
};

/** `docker/metadata-action` steps by id: their `tags` output names the image in `images:`. */
export function metadataImages(job: YamlMap): Record<string, string> {
  const images: Record<string, string> = {};
  for (const step of asList(job.steps).map(asMap)) {
    const id = asText(step?.id);
    const uses = asText(step?.uses)?.toLowerCase() ?? '';
    const first = asText(asMap(step?.with)?.images)?.split(/[\n,]/)[0]?.trim().replace(/^name=/, '');
    if (id && first && uses.startsWith('docker/metadata-action')) images[id] = first;
  }
  return images;
}

/** Activities of one step: its `run:` script, or the action it `uses:`. */
export function stepActivities(step: YamlMap, scope: StepScope): CiActivity[] {
  const { sources, fallback } = scope;
  if (step.run !== undefined) {
    const workingDirectory = asText(step['working-directory']);
    const cwd = workingDirectory === undefined ? scope.cwd : resolveScriptPath(workingDirectory, '.');
    return classifyScript(sources.scriptLines(step, 'run', fallback), { path: fallback.path, cwd, files: scope.files });
  }
  const uses = asText(step.uses);
  if (uses?.startsWith('./')) return scope.local?.(uses, asMap(step.with) ?? {}, scope) ?? [];
  if (uses === undefined || uses.startsWith('docker://')) return [];
  const action = uses.split('@')[0]!.toLowerCase().split('/').slice(0, 2).join('/');
  const inputs = asMap(step.with) ?? {};
  const at = sources.placeOf(step, 'uses') ?? fallback;
  if (action === 'appleboy/ssh-action') return sshAction(inputs, scope, at);
  const reader = ACTIONS[action];
  return reader ? reader(inputs, scope).map((activity) => ({ ...activity, path: at.path, line: at.line })) : [];
}

/**
 * https://github.com/docker/build-push-action#inputs: without `context` it builds the Git
 * context (the repository at the ref); `file` is relative to the workspace. v1 names kept too.
 */
function buildPushAction(inputs: YamlMap, scope: StepScope): Found[] {
  const written = inputText(inputs, 'context', scope) ?? inputText(inputs, 'path', scope);
  const subdirectory = written === undefined ? undefined : /^\{\{\s*defaultContext\s*\}\}(?::(.*))?$/.exec(written);
  const context = written === undefined ? '.' : subdirectory ? resolveInRepo('.', subdirectory[1] ?? '') : resolveScriptPath(written, '.');
  const file = inputText(inputs, 'file', scope) ?? inputText(inputs, 'dockerfile', scope);
  const dockerfile = file === undefined ? undefined : resolveScriptPath(file, '.');
  const [tag] = listInput(inputText(inputs, 'tags', scope));
  const repository = inputText(inputs, 'repository', scope);
  const image = repository !== undefined && tag !== undefined && !tag.includes(':') && !tag.includes('/') ? `${repository}:${tag}` : (tag ?? repository);
  const pushes = isTruthy(inputText(inputs, 'push', scope) ?? inputs.push) || /type=registry|push=true/.test(inputText(inputs, 'outputs', scope) ?? '');
  return imageBuild({ tool: 'docker/build-push-action', context, dockerfile, image, pushes, target: inputText(inputs, 'target', scope) });
}

/** https://github.com/redhat-actions/buildah-build#inputs */
function buildahAction(inputs: YamlMap, scope: StepScope): Found[] {
  const written = inputText(inputs, 'context', scope);
  const [file] = listInput(inputText(inputs, 'containerfiles', scope) ?? inputText(inputs, 'dockerfiles', scope));
  const image = inputText(inputs, 'image', scope);
  const [tag] = listInput(inputText(inputs, 'tags', scope));
  return imageBuild({
    tool: 'redhat-actions/buildah-build',
    context: written === undefined ? '.' : resolveScriptPath(written, '.'),
    dockerfile: file === undefined ? undefined : resolveScriptPath(file, '.'),
    image: image !== undefined && tag !== undefined && !tag.includes('/') ? `${image}:${tag}` : (tag ?? image),
    pushes: false,
  });
}

/** https://github.com/appleboy/ssh-action: `script` runs on the server, so container commands there deploy. */
function sshAction(inputs: YamlMap, scope: StepScope, at: Place): CiActivity[] {
  const lines = inputs.script === undefined ? [] : scope.sources.scriptLines(inputs, 'script', at);
  const deploys = classifyScript(lines, { path: at.path, cwd: undefined, remote: true }).filter((a) => a.kind === 'deploy');
  return deploys.length > 0 ? deploys : [{ ...found('deploy', 'appleboy/ssh-action', {}, 'medium'), path: at.path, line: at.line }];
}

function inputText(inputs: YamlMap, name: string, scope: StepScope): string | undefined {
  const text = asText(inputs[name]);
  return text === undefined ? undefined : scope.expand(text).trim();
}

/** Action list inputs are newline or comma separated. */
function listInput(value: string | undefined): string[] {
  return (value ?? '').split(/[\n,]/).map((item) => item.trim()).filter(Boolean);
}
