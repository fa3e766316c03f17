import { shape } from '../shape.js';
import { lazy } from '../../lazy.js';
import type { CiActivity } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { dirOf, resolveInRepo } from '../../snapshot/paths.js';
import { checkShape, configsOf, loadYaml, type CiProvider, type Report } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { classifyScript } from './commands.js';
import type { ScriptFiles } from './activity.js';
import { taskActivities } from './azure-tasks.js';
import { resolveScriptPath } from './shell-paths.js';
import { asList, asMap, asText, imageName, variablesOf, type YamlMap } from './values.js';
import { yamlSources, type Place, type YamlConfig, type YamlSources } from './yaml-sources.js';
import { filesMatchingGlob, matching } from './find-files.js';

// https://learn.microsoft.com/azure/devops/pipelines/yaml-schema/
export const AZURE_PIPELINES_FILES = ['**/azure-pipelines*.yml', '**/azure-pipelines*.yaml', '.azure-pipelines/**/*.yml', '.azure-pipelines/**/*.yaml'];
const PIPELINE = /(?:^|\/)azure-pipelines[\w.-]*\.ya?ml$|^\.azure-pipelines\/.+\.ya?ml$/;
const SCRIPT_KEYS = ['script', 'bash', 'pwsh', 'powershell'];
const MAX_TEMPLATE_DEPTH = 5;

const pipelineSchema = lazy(() => {
  const listOfMaps = shape.array(shape.record(shape.unknown()));
  return shape.looseObject({ stages: listOfMaps.optional(), jobs: listOfMaps.optional(), steps: listOfMaps.optional() });
});

interface Scope {
  sources: YamlSources;
  configs: ReadonlyMap<string, YamlConfig>;
  filesMatching: (glob: string) => string[];
  scripts: ScriptFiles;
  /** `resources.containers` aliases of the pipeline being read. */
  containers: Record<string, string>;
  /** The pipeline's `variables:`, for `$(imageRepository)` in image names. */
  variables: Record<string, string>;
  depth: number;
}

export const azurePipelines: CiProvider = (snapshot, report) => {
  const paths = matching(PIPELINE, snapshot.filesNamedLike(PIPELINE), snapshot.filesUnder('.azure-pipelines'));
  const { configs, read } = loadWithTemplates(snapshot, paths, report);
  const sources = yamlSources([...configs.values()]);
  const templates = new Set([...configs.values()].flatMap((config) => templateReferences(config)));
  // A Docker@2 `Dockerfile` input may be a glob over every file of the repository.
  const filesMatching = (glob: string) => filesMatchingGlob(snapshot, glob);
  const jobs = paths.flatMap((path) => {
    const config = configs.get(path);
    // A template is read where it is used, so its jobs get the pipeline's context.
    if (!config || templates.has(path)) return [];
    const root = asMap(config.root)!;
    const scope: Scope = { sources, configs, filesMatching, scripts: snapshot, containers: containerAliases(root), variables: variablesOf(root.variables), depth: 0 };
    return finishPipeline(pipelineDrafts(config, root, scope).map((draft) => ({ ...draft, pipeline: path })));
  });
  return { configs: configsOf('azure-pipelines', read), jobs };
};

function pipelineDrafts(config: YamlConfig, root: YamlMap, scope: Scope): DraftJob[] {
  const extended = templateRoot(config, asMap(root.extends), scope);
  if (extended) return pipelineDrafts(extended.config, extended.root, { ...scope, depth: scope.depth + 1 });
  const fallback: Place = { path: config.path, line: 1 };
  // A pipeline with only `steps:` is one job.
  const single: DraftJob[] = root.steps === undefined ? [] : [{
    system: 'azure-pipelines', file: config.path, job: 'steps', line: scope.sources.placeOf(root, 'steps')?.line,
    activities: steps(config, root.steps, scope, fallback), variables: scope.variables,
  }];
  return [
    ...items(config, root.stages, 'stages', scope).flatMap(({ item: stage }) => {
      const stageName = asText(stage.stage) ?? 'stage';
      return items(config, stage.jobs, 'jobs', scope).map(({ item, config: file }) => jobDraft(file, item, scope, [stageName, asText(stage.displayName)]));
    }),
    ...items(config, root.jobs, 'jobs', scope).map(({ item, config: file }) => jobDraft(file, item, scope, [])),
    ...single,
  ];
}

function jobDraft(config: YamlConfig, job: YamlMap, scope: Scope, stageNames: Array<string | undefined>): DraftJob {
  const { sources } = scope;
  const id = asText(job.job) ?? asText(job.deployment) ?? 'job';
  const stage = stageNames[0];
  const fallback: Place = { path: config.path, line: sources.placeOf(job, job.deployment === undefined ? 'job' : 'deployment')?.line ?? 1 };
  const draft: DraftJob = { system: 'azure-pipelines', file: config.path, job: stage ? `${stage} / ${id}` : id, line: fallback.line, activities: [] };
  draft.hints = [...stageNames, asText(job.displayName)].filter((name): name is string => name !== undefined);
  draft.variables = { ...scope.variables, ...variablesOf(job.variables) };

  const container = imageName(job.container);
  if (container) {
    const at = sources.placeOf(job, 'container') ?? fallback;
    draft.activities.push({ kind: 'job-image', confidence: 'weak', tool: 'container', image: scope.containers[container] ?? container, ...at });
  }
  const services = asMap(job.services) ?? {};
  draft.serviceImages = Object.entries(services).flatMap(([name, value]) => {
    const image = asText(value);
    return image ? [{ image: scope.containers[image] ?? image, tool: 'services', ...(sources.placeOf(services, name) ?? fallback) }] : [];
  });
  if (job.deployment !== undefined) {
    const environment = asText(asMap(job.environment)?.name ?? job.environment);
    if (environment) draft.environments = [{ name: environment, tool: 'deployment', ...(sources.placeOf(job, 'environment') ?? fallback) }];
  }
  draft.activities.push(...steps(config, job.steps, scope, fallback));
  // Deployment jobs keep their steps under a strategy's lifecycle hooks.
  for (const strategy of Object.values(asMap(job.strategy) ?? {})) {
    for (const [hook, value] of Object.entries(asMap(strategy) ?? {})) {
      const hooks = hook === 'on' ? Object.values(asMap(value) ?? {}) : [value];
      for (const lifecycle of hooks) draft.activities.push(...steps(config, asMap(lifecycle)?.steps, scope, fallback));
    }
  }
  return draft;
}

function steps(config: YamlConfig, value: unknown, scope: Scope, fallback: Place): CiActivity[] {
  const { sources } = scope;
  return items(config, value, 'steps', scope).flatMap(({ item: step, list, index }) => {
    const at = sources.placeOf(list, index) ?? fallback;
    const scriptKey = SCRIPT_KEYS.find((key) => step[key] !== undefined);
    if (scriptKey) {
      const directory = asText(step.workingDirectory);
      const cwd = directory === undefined ? '.' : resolveScriptPath(directory, '.');
      return classifyScript(sources.scriptLines(step, scriptKey, at), { path: at.path, cwd, files: scope.scripts });
    }
    const task = asText(step.task);
    return task ? taskActivities(step, task, { sources, filesMatching: scope.filesMatching, scripts: scope.scripts, at: sources.placeOf(step, 'task') ?? at }) : [];
  });
}

/**
 * Items of a stages/jobs/steps list, with `- template: file.yml` replaced by that file's list and
 * `${{ if … }}:` / `${{ each … }}:` blocks opened up (their conditions are not evaluated).
 */
function items(config: YamlConfig, value: unknown, key: string, scope: Scope): Array<{ item: YamlMap; list: unknown[]; index: number; config: YamlConfig }> {
  const list = asList(value);
  return list.flatMap((entry, index) => {
    const item = asMap(entry);
    if (!item) return [];
    const keys = Object.keys(item);
    if (keys.length === 1 && keys[0]!.startsWith('${{')) return items(config, item[keys[0]!], key, scope);
    const template = templateRoot(config, item, scope);
    if (template) return items(template.config, template.root[key], key, { ...scope, depth: scope.depth + 1 });
    return [{ item, list, index, config }];
  });
}

/** The file a `template:` names, relative to the file it is written in (`/x.yml` from the root). */
function templatePath(from: string, written: string): string | undefined {
  if (written.includes('@') || written.includes('$')) return undefined;
  return written.startsWith('/') ? resolveInRepo('.', written.slice(1)) : resolveInRepo(dirOf(from), written);
}

function templateRoot(config: YamlConfig, item: YamlMap | undefined, scope: Scope): { config: YamlConfig; root: YamlMap } | undefined {
  const written = asText(item?.template);
  const path = written === undefined ? undefined : templatePath(config.path, written);
  const target = path === undefined || scope.depth >= MAX_TEMPLATE_DEPTH ? undefined : scope.configs.get(path);
  const root = asMap(target?.root);
  return target && root ? { config: target, root } : undefined;
}

function templateReferences(config: YamlConfig): string[] {
  const found: string[] = [];
  const walk = (value: unknown, depth: number) => {
    if (typeof value !== 'object' || value === null || depth > 32) return;
    const written = asText((value as YamlMap).template);
    const path = written === undefined || Array.isArray(value) ? undefined : templatePath(config.path, written);
    if (path) found.push(path);
    for (const child of Object.values(value)) walk(child, depth + 1);
  };
  walk(config.root, 0);
  return found;
}

/** Pipeline files and, transitively, the local templates they use; `read` lists every file tried. */
function loadWithTemplates(snapshot: RepoSnapshot, paths: readonly string[], report: Report): { configs: Map<string, YamlConfig>; read: string[] } {
  const configs = new Map<string, YamlConfig>();
  const queue = [...paths];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path) || !snapshot.has(path)) continue;
    seen.add(path);
    const config = loadYaml(snapshot, path, report);
    if (!config || !checkShape(config, pipelineSchema(), 'Azure Pipelines config', report)) continue;
    configs.set(path, config);
    queue.push(...templateReferences(config));
  }
  return { configs, read: [...seen] };
}

/** `resources: containers: [{ container: linux, image: ubuntu:22.04 }]` → `{ linux: 'ubuntu:22.04' }`. */
function containerAliases(root: YamlMap): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const entry of asList(asMap(root.resources)?.containers).map(asMap)) {
    const alias = asText(entry?.container);
    const image = asText(entry?.image);
    if (alias && image) aliases[alias] = image;
  }
  return aliases;
}
