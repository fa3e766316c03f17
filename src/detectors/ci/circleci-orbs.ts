import { found, imageBuild, type Found } from './activity.js';
import { resolveScriptPath } from './shell-paths.js';
import { environmentAmong } from './names.js';
import { asMap, asText, type YamlMap } from './values.js';

type OrbReader = (parameters: YamlMap, tool: string) => Found[];

const text = (parameters: YamlMap, ...names: string[]) => names.map((name) => asText(parameters[name])).find((value) => value !== undefined);
const enabled = (parameters: YamlMap, ...names: string[]) => names.every((name) => parameters[name] !== false && parameters[name] !== 'false');

/**
 * The docker, aws-ecr and gcp-gcr orbs share a shape: `path` is the Dockerfile's directory,
 * `docker-context` (or `build-path`) the context, `dockerfile` the file name.
 * https://circleci.com/developer/orbs/orb/circleci/docker, …/circleci/aws-ecr, …/circleci/gcp-gcr
 */
const build = (pushes: (parameters: YamlMap) => boolean): OrbReader => (parameters, tool) => {
  const directory = text(parameters, 'path') ?? '.';
  const contextWritten = text(parameters, 'docker-context', 'docker_context', 'build-path', 'build_path') ?? directory;
  const context = resolveScriptPath(contextWritten, '.');
  const dockerfileDirectory = resolveScriptPath(directory, '.');
  const dockerfile = dockerfileDirectory === undefined ? undefined : resolveScriptPath(text(parameters, 'dockerfile') ?? 'Dockerfile', dockerfileDirectory);
  const image = text(parameters, 'image', 'repo');
  return imageBuild({ tool, context, dockerfile, image, pushes: pushes(parameters) });
};
const push: OrbReader = (parameters, tool) => [found('image-push', tool, { image: text(parameters, 'image', 'repo') })];
const login: OrbReader = (_, tool) => [found('registry-login', tool)];
/** Deploy commands and jobs name their target: an ECS cluster, a Cloud Run service, a namespace, a release. */
const deploy: OrbReader = (parameters, tool) => {
  const environment = environmentAmong(['cluster', 'cluster-name', 'cluster_name', 'service-name', 'service_name', 'namespace', 'release-name', 'release_name', 'environment'].map((name) => text(parameters, name)));
  return [found('deploy', tool, { environment })];
};

/** Commands and jobs by orb and name, with `_` written as `-` (orbs renamed them between versions). */
const ORBS: Record<string, Record<string, OrbReader>> = {
  'circleci/docker': {
    build: build(() => false),
    publish: build((parameters) => enabled(parameters, 'deploy')),
    push,
    check: login,
  },
  'circleci/aws-ecr': {
    'build-and-push-image': build((parameters) => enabled(parameters, 'push-image', 'push_image')),
    'build-image': build((parameters) => parameters.push_image === true),
    'push-image': push,
    'ecr-login': login,
  },
  'circleci/gcp-gcr': {
    'build-and-push-image': build(() => true),
    'build-image': build(() => false),
    'push-image': push,
    'gcr-auth': login,
  },
  'circleci/azure-acr': { 'build-and-push-image': build(() => true) },
  'circleci/aws-ecs': { 'deploy-service-update': deploy, 'update-service': deploy, 'run-task': deploy },
  'circleci/gcp-cloud-run': { deploy },
  'circleci/kubernetes': { 'create-or-update-resource': deploy, 'update-container-image': deploy },
  'circleci/helm': { 'upgrade-helm-chart': deploy, 'install-helm-chart': deploy },
};

/** `orbs: { docker: circleci/docker@2.8.1 }` → `{ docker: 'circleci/docker' }`. Inline orbs are left out. */
export function orbNames(orbs: unknown): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [alias, reference] of Object.entries(asMap(orbs) ?? {})) {
    const written = asText(reference);
    if (written) names[alias] = written.split('@')[0]!.toLowerCase();
  }
  return names;
}

/** What `alias/name` does (a step or a workflow job), given the config's orbs. */
export function orbActivities(reference: string, parameters: unknown, orbs: Record<string, string>): Found[] {
  const [alias, name] = reference.split('/');
  const orb = alias === undefined ? undefined : orbs[alias];
  const reader = orb === undefined || name === undefined ? undefined : ORBS[orb]?.[name.replace(/_/g, '-')];
  return reader ? reader(asMap(parameters) ?? {}, reference) : [];
}
