import type { CiActivity } from '../facts.js';
import { found, type Found } from './activity.js';
import { environmentAmong, nameWords } from './names.js';
import { resolveScriptPath } from './shell-paths.js';
import { asText, isTruthy, type YamlMap } from './values.js';
import type { Place } from './yaml-sources.js';

// https://docs.github.com/actions/sharing-automations/reusing-workflows#calling-a-reusable-workflow
const BUILD_WORDS = new Set(['docker', 'image', 'images', 'container', 'containers', 'oci', 'kaniko', 'buildah', 'buildx', 'ecr', 'gcr', 'acr', 'ghcr']);
const PUSH_WORDS = new Set(['push', 'publish', 'release', 'upload']);
const DEPLOY_WORDS = new Set(['deploy', 'deployment', 'rollout', 'helm', 'k8s', 'kubernetes', 'argocd', 'ecs', 'cloudrun']);

/** Input names (lower case, `_` as `-`) that say what a shared workflow builds, from where, and where it deploys. */
const isImageInput = (key: string) => /(?:^|-)(?:image|img|images|image-names?|image-repository|repository|repo|ecr-repository)$/.test(key) || /^(?:docker-)?image-name$/.test(key);
const isContextInput = (key: string) => /(?:^|-)context(?:-dir|-path)?$/.test(key) || ['working-directory', 'directory', 'path', 'app-path', 'service-path', 'project-path'].includes(key);
const isDockerfileInput = (key: string) => /dockerfile|containerfile/.test(key) || key === 'file';
const isEnvironmentInput = (key: string) => ['environment', 'env', 'stage', 'target-environment', 'deploy-environment', 'environment-name', 'namespace', 'cluster'].includes(key);

/**
 * A job that calls a workflow of another repository (`uses: acme/workflows/.github/workflows/docker.yml@v2`)
 * cannot be read; what it does is judged from the workflow's name and the inputs it is given
 * (`image-names`, `context`, `push`, `environment`). Medium confidence: names, not commands.
 */
export function remoteWorkflowActivities(uses: string, inputs: YamlMap, expand: (text: string) => string, at: Place): CiActivity[] {
  const tool = uses.split('@')[0]!;
  const words = nameWords(tool.split('/').slice(1).join(' '));
  const values = new Map(Object.entries(inputs).flatMap(([key, value]) => {
    const text = asText(value);
    return text === undefined ? [] : [[key.toLowerCase().replace(/_/g, '-'), expand(text).trim()] as [string, string]];
  }));
  const input = (test: (key: string) => boolean) => [...values].find(([key]) => test(key))?.[1];
  const image = input(isImageInput)?.split(/[\n,]/)[0]?.trim() || undefined;
  const contextWritten = input(isContextInput);
  const dockerfileWritten = input(isDockerfileInput);
  const activities: Found[] = [];
  const builds = words.some((word) => BUILD_WORDS.has(word)) || (image !== undefined && (contextWritten !== undefined || dockerfileWritten !== undefined));
  if (builds) {
    const push = values.get('push') ?? values.get('push-image') ?? values.get('publish');
    // Told a registry-qualified image, or named after pushing, a shared build workflow pushes.
    const pushes = push !== undefined ? isTruthy(push) || push.toLowerCase() === 'yes' : words.some((word) => PUSH_WORDS.has(word)) || (image?.includes('/') ?? false);
    const context = contextWritten === undefined ? '.' : resolveScriptPath(contextWritten, '.');
    const dockerfile = dockerfileWritten === undefined ? undefined : resolveScriptPath(dockerfileWritten, '.');
    activities.push(found('image-build', tool, { context, dockerfile, image, pushes }, 'medium'));
  }
  if (words.some((word) => DEPLOY_WORDS.has(word))) {
    const environment = environmentAmong([input(isEnvironmentInput), ...words]);
    activities.push(found('deploy', tool, { environment }, 'medium'));
  }
  return activities.map((activity) => ({ ...activity, path: at.path, line: at.line }));
}
