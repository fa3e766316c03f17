import type { CiSystem } from '../facts.js';
import type { ScriptFiles } from './activity.js';
import { found, imageBuild, type Found } from './activity.js';
import { classifyScript } from './commands.js';
import type { DraftJob } from './jobs.js';
import { environmentAmong } from './names.js';
import { resolveScriptPath } from './shell-paths.js';
import { asList, asMap, asText, asTextList, imageName, isTruthy, variablesOf, type YamlMap } from './values.js';
import type { Place, YamlSources } from './yaml-sources.js';

// Drone (https://docs.drone.io/pipeline/docker/syntax/steps/) and Woodpecker
// (https://woodpecker-ci.org/docs/usage/workflow-syntax) run each step in a container: `commands`
// in the step's image, or a plugin image configured by `settings`.

/** Plugins that build (and, unless told `dry_run`, push) an image: the Docker, buildx and kaniko plugins. */
const BUILD_PLUGIN = /(?:^|\/)(?:drone-)?(?:docker|docker-buildx|buildx|kaniko(?:-\w+)?|ecr|gcr|acr|plugin-docker-buildx|plugin-kaniko|drone-docker-buildx|drone-kaniko|drone-docker)$/;
/** Plugins whose whole job is a deploy: Helm, kubectl, ECS, Cloud Run, Argo CD. */
const DEPLOY_PLUGIN = /helm|kubectl|kube|kubernetes|k8s|ecs|cloudrun|argocd|deploy/;
const SSH_PLUGIN = /(?:^|\/)(?:drone-ssh|plugin-ssh|ssh)$/;
const PROMOTION_EVENTS = new Set(['promote', 'deployment', 'rollback']);

export interface StepScope {
  system: CiSystem;
  path: string;
  sources: YamlSources;
  files: ScriptFiles;
  /** `pipeline name / ` for Drone's named pipelines. */
  prefix: string;
}

/** One step as a job: its image and commands, or what its plugin does. */
export function stepDraft(scope: StepScope, name: string, step: YamlMap, fallback: Place): DraftJob {
  const { sources, path } = scope;
  const draft: DraftJob = { system: scope.system, file: path, job: `${scope.prefix}${name}`, line: fallback.line, activities: [], variables: variablesOf(step.environment) };
  draft.hints = [name];
  const image = imageName(step.image);
  const at = sources.placeOf(step, 'image') ?? fallback;
  // Drone 0.8 and old Woodpecker wrote plugin settings on the step itself.
  const settings = asMap(step.settings) ?? step;
  const plugin = image?.replace(/[:@].*$/, '').toLowerCase();
  const place = (activities: Found[]) => activities.map((activity) => ({ ...activity, ...at }));
  if (plugin && step.commands === undefined && BUILD_PLUGIN.test(plugin)) draft.activities.push(...place(buildPlugin(plugin, settings)));
  else if (plugin && step.commands === undefined && SSH_PLUGIN.test(plugin)) {
    const lines = settings.script === undefined ? [] : sources.scriptLines(settings, 'script', at);
    draft.activities.push(...classifyScript(lines, { path, cwd: undefined, remote: true }).filter((a) => a.kind === 'deploy'));
  } else if (plugin && step.commands === undefined && DEPLOY_PLUGIN.test(plugin)) {
    const environment = environmentAmong(['namespace', 'environment', 'cluster', 'release', 'values_files', 'helm_command'].flatMap((key) => asTextList(settings[key])));
    draft.activities.push(...place([found('deploy', plugin, { environment })]));
  } else if (image) {
    draft.activities.push({ kind: 'job-image', confidence: 'weak', tool: 'image', image, ...at });
  }
  if (step.commands !== undefined) draft.activities.push(...classifyScript(sources.scriptLines(step, 'commands', fallback), { path, cwd: '.', files: scope.files }));
  if (usesDockerSocket(step)) draft.dockerDaemon = { via: 'docker.sock', line: sources.placeOf(step, 'volumes')?.line };

  const targets = promotionTargets(step.when);
  if (targets.length > 0) draft.environments = targets.map((target) => ({ name: target, tool: 'when target', ...(sources.placeOf(step, 'when') ?? fallback) }));
  return draft;
}

/**
 * Where a step (or, with `trigger:`, a pipeline) deploys when promoted: Drone's
 * `when: { event: promote, target: staging }`, Woodpecker's `when: [{ event: deployment, environment: staging }]`.
 */
export function promotionTargets(when: unknown): string[] {
  const conditions = Array.isArray(when) ? when.map(asMap) : [asMap(when)];
  return conditions.flatMap((condition) => {
    if (!condition) return [];
    const events = asTextList(condition.event).map((event) => event.toLowerCase());
    const targets = [...asTextList(condition.target), ...asTextList(condition.environment)];
    return events.length === 0 || events.some((event) => PROMOTION_EVENTS.has(event)) ? targets : [];
  });
}

/** https://plugins.drone.io/plugins/docker, …/kaniko, https://woodpecker-ci.org/plugins/docker-buildx */
function buildPlugin(plugin: string, settings: YamlMap): Found[] {
  const text = (...keys: string[]) => keys.map((key) => asText(settings[key])).find((value) => value !== undefined);
  const context = resolveScriptPath(text('context') ?? '.', '.');
  const file = text('dockerfile');
  const dockerfile = file === undefined ? (context === undefined ? undefined : resolveScriptPath('Dockerfile', context)) : resolveScriptPath(file, '.');
  const repo = asTextList(settings.repo)[0] ?? text('image', 'repository');
  const registry = text('registry');
  const image = repo && registry && !repo.startsWith(registry) ? `${registry}/${repo}` : repo;
  const dryRun = isTruthy(settings.dry_run) || isTruthy(settings['dry-run']) || isTruthy(settings.no_push) || settings.push === false || settings.push === 'false';
  return imageBuild({ tool: plugin, context, dockerfile, image, pushes: !dryRun, target: text('target') });
}

/** Side containers of a pipeline (`services:`), map or list form, as images with where they are written. */
export function serviceImages(services: unknown, sources: YamlSources, fallback: Place): NonNullable<DraftJob['serviceImages']> {
  const entries = Array.isArray(services) ? services.map((value, index) => [index, value] as const) : Object.entries(asMap(services) ?? {});
  return entries.flatMap(([key, value]) => {
    const image = imageName(asMap(value)?.image);
    const at = sources.placeOf(services as object, key) ?? fallback;
    return image && !/dind/.test(image) ? [{ image, tool: 'services', ...at }] : [];
  });
}

/** Steps of a list (`- name: build`) or a map (`build: {…}`), with their names. */
export function namedSteps(value: unknown): Array<{ name: string; step: YamlMap; key: string | number; holder: object }> {
  if (Array.isArray(value)) return value.flatMap((item, index) => (asMap(item) ? [{ name: asText(asMap(item)!.name) ?? `step ${index + 1}`, step: asMap(item)!, key: index, holder: value }] : []));
  const map = asMap(value) ?? {};
  return Object.entries(map).flatMap(([name, item]) => (asMap(item) ? [{ name, step: asMap(item)!, key: name, holder: map }] : []));
}

function usesDockerSocket(step: YamlMap): boolean {
  return asList(step.volumes).some((volume) => /docker\.sock/.test(asText(asMap(volume)?.path) ?? asText(volume) ?? ''));
}
