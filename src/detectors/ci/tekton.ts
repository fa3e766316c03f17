import type { CiActivity, CiJobFact } from '../facts.js';
import type { ScriptFiles } from './activity.js';
import { configsOf, loadYamlDocuments, type CiProvider } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { classifyScript, type ScriptLine } from './commands.js';
import { commandLine } from './shell-command.js';
import { resolveScriptPath } from './shell-paths.js';
import { CATALOG_TASKS, SCRIPT_TASKS, scriptParam, type Params } from './tekton-tasks.js';
import { asList, asMap, asText, imageName, type YamlMap } from './values.js';
import { yamlSources, type Place, type YamlConfig, type YamlSources } from './yaml-sources.js';
import { matching } from './find-files.js';

// https://tekton.dev/docs/pipelines/ and Pipelines-as-Code's `.tekton/` (https://pipelinesascode.com)
export const TEKTON_FILES = ['.tekton/**/*.yaml', '.tekton/**/*.yml', '**/tekton/**/*.yaml', '**/tekton/**/*.yml'];
const FILE = /(?:^|\/)\.?tekton\/.+\.ya?ml$/;
/** The directories FILE's files are in: a `tekton/` or `.tekton/`, or one below it. */
const TEKTON_DIRECTORY = /(?:^|\/)\.?tekton(?:\/|$)/;

interface Resource {
  kind: string;
  name: string;
  spec: YamlMap;
  config: YamlConfig;
}

interface Scope {
  sources: YamlSources;
  files: ScriptFiles;
  tasks: ReadonlyMap<string, Resource>;
}

export const tekton: CiProvider = (snapshot, report) => {
  const paths = matching(FILE, snapshot.filesInDirectoriesLike((dir) => TEKTON_DIRECTORY.test(dir)));
  const resources: Resource[] = [];
  for (const path of paths) {
    for (const config of loadYamlDocuments(snapshot, path, report) ?? []) {
      const map = asMap(config.root);
      if (!map || !asText(map.apiVersion)?.startsWith('tekton.dev/')) continue;
      resources.push({ kind: asText(map.kind) ?? '', name: asText(asMap(map.metadata)?.name) ?? asText(asMap(map.metadata)?.generateName) ?? path, spec: asMap(map.spec) ?? {}, config });
    }
  }
  const sources = yamlSources(resources.map((resource) => resource.config));
  const byKind = (...kinds: string[]) => resources.filter((resource) => kinds.includes(resource.kind));
  const scope: Scope = { sources, files: snapshot, tasks: new Map(byKind('Task', 'ClusterTask').map((task) => [task.name, task])) };
  const pipelines = new Map(byKind('Pipeline').map((pipeline) => [pipeline.name, pipeline]));
  const drafts: DraftJob[] = [];
  const run = new Set<string>();
  for (const pipelineRun of byKind('PipelineRun')) {
    const referenced = pipelines.get(asText(asMap(pipelineRun.spec.pipelineRef)?.name) ?? '');
    if (referenced) run.add(referenced.name);
    const spec = asMap(pipelineRun.spec.pipelineSpec) ?? referenced?.spec;
    if (spec) drafts.push(...pipelineDrafts(scope, pipelineRun.name, spec, paramValues(pipelineRun.spec.params, (referenced?.spec ?? spec).params), pipelineRun.config.path));
  }
  // A Pipeline no run in the repository starts is read with its defaults (a trigger starts it).
  for (const pipeline of pipelines.values()) if (!run.has(pipeline.name)) drafts.push(...pipelineDrafts(scope, pipeline.name, pipeline.spec, paramValues([], pipeline.spec.params), pipeline.config.path));
  for (const taskRun of byKind('TaskRun')) drafts.push(taskDraft(scope, taskRun.name, taskRun.spec, paramValues(taskRun.spec.params, []), sources.placeOf(taskRun.spec, 'taskRef') ?? { path: taskRun.config.path, line: 1 }, taskRun.config.path));
  const jobs: CiJobFact[] = finishPipeline(drafts);
  return { configs: configsOf('tekton', resources.length > 0 ? [...new Set(resources.map((r) => r.config.path))] : []), jobs };
};

function pipelineDrafts(scope: Scope, name: string, spec: YamlMap, params: Params, path: string): DraftJob[] {
  const results = new Map<string, string>();
  const entries = [...asList(spec.tasks).map((task, index) => ({ task, index, list: asList(spec.tasks) })), ...asList(spec.finally).map((task, index) => ({ task, index, list: asList(spec.finally) }))];
  return entries.flatMap(({ task: value, index, list }) => {
    const task = asMap(value);
    if (!task) return [];
    const at = scope.sources.placeOf(list, index) ?? { path, line: 1 };
    const fill = (text: string) => substitute(text, params).replace(/\$\(tasks\.([\w-]+)\.results\.[\w.-]+\)/g, (whole, from: string) => results.get(from) ?? whole);
    const given = Object.fromEntries(Object.entries(paramValues(task.params, [])).map(([key, text]) => [key, fill(text)]));
    const draft = taskDraft(scope, `${name} / ${asText(task.name) ?? `task ${index + 1}`}`, task, given, at, at.path);
    draft.hints = [asText(task.name) ?? '', name];
    const built = draft.activities.find((a) => a.kind === 'image-build' && a.image);
    if (built?.image && asText(task.name)) results.set(asText(task.name)!, built.image);
    return [draft];
  });
}

/** A pipeline task or TaskRun: a catalog task read by its params, or a Task of the repository read step by step. */
function taskDraft(scope: Scope, job: string, task: YamlMap, params: Params, at: Place, file: string): DraftJob {
  const draft: DraftJob = { system: 'tekton', file, job, line: at.line, activities: [] };
  const reference = taskName(task.taskRef);
  const local = reference === undefined ? undefined : scope.tasks.get(reference);
  const spec = asMap(task.taskSpec) ?? local?.spec;
  const reader = reference === undefined ? undefined : CATALOG_TASKS[reference];
  const script = reference === undefined ? undefined : SCRIPT_TASKS[reference];
  if (spec) {
    draft.activities.push(...stepsActivities(scope, spec, { ...paramValues([], spec.params), ...params }, local?.config.path ?? file));
  } else if (reader) {
    draft.activities.push(...reader(params, reference!).map((activity) => ({ ...activity, ...at })));
  } else if (script) {
    const lines = [scriptParam(params, script.script), script.program && scriptParam(params, script.args) ? `${script.program} ${scriptParam(params, script.args)}` : undefined];
    const scriptLines = lines.filter((text): text is string => text !== undefined).flatMap((text) => text.split(/\r?\n/).map((line) => ({ text: line, line: at.line })));
    draft.activities.push(...classifyScript(scriptLines, { path: at.path, cwd: '.', files: scope.files }));
  }
  return draft;
}

/** Steps of a Task: a `script`, or a `command` with `args`, run in the step's image. */
function stepsActivities(scope: Scope, spec: YamlMap, params: Params, path: string): CiActivity[] {
  const steps = asList(spec.steps);
  return steps.flatMap((value, index) => {
    const step = asMap(value);
    if (!step) return [];
    const at = scope.sources.placeOf(steps, index) ?? { path, line: 1 };
    const activities: CiActivity[] = [];
    const image = imageName(step.image);
    if (image) activities.push({ kind: 'job-image', confidence: 'weak', tool: 'step image', image: substitute(image, params), ...(scope.sources.placeOf(step, 'image') ?? at) });
    const workingDir = asText(step.workingDir);
    const cwd = workingDir === undefined ? '.' : resolveScriptPath(substitute(workingDir, params), '.');
    let lines: ScriptLine[] = [];
    if (step.script !== undefined && !/^#!.*python/.test(asText(step.script) ?? '')) lines = scope.sources.scriptLines(step, 'script', at);
    else if (step.command !== undefined || step.args !== undefined) {
      const words = [...asList(step.command), ...asList(step.args)].map((word) => asText(word) ?? '');
      lines = [{ text: commandLine(words), line: (scope.sources.placeOf(step, step.command !== undefined ? 'command' : 'args') ?? at).line, path: at.path }];
    }
    activities.push(...classifyScript(lines.map((line) => ({ ...line, text: substitute(line.text, params) })), { path: at.path, cwd, files: scope.files }));
    return activities;
  });
}

/** `taskRef: { name: kaniko }`, or a resolver's `name` param (hub, bundles), or the file a git resolver reads. */
function taskName(taskRef: unknown): string | undefined {
  const ref = asMap(taskRef);
  if (!ref) return undefined;
  const resolved = paramValues(ref.params, []);
  const path = resolved.pathInRepo;
  return asText(ref.name) ?? resolved.name ?? (path ? path.replace(/^.*\/|\.ya?ml$/g, '') : undefined);
}

/** Given params (`[{ name, value }]`) over declared defaults (`[{ name, default }]`); arrays become one shell line. */
function paramValues(given: unknown, declared: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const text = (value: unknown) => (Array.isArray(value) ? commandLine(value.map((item) => asText(item) ?? '')) : asText(value));
  for (const item of asList(declared).map(asMap)) {
    const name = asText(item?.name);
    const fallback = text(item?.default);
    if (name && fallback !== undefined) values[name] = fallback;
  }
  for (const item of asList(given).map(asMap)) {
    const name = asText(item?.name);
    const value = text(item?.value);
    if (name && value !== undefined) values[name] = value;
  }
  return values;
}

/** `$(params.IMAGE)`, `$(params["IMAGE"])` and the older `$(inputs.params.IMAGE)` with their values. */
function substitute(text: string, params: Params): string {
  return text.replace(/\$\((?:inputs\.)?params(?:\.([\w-]+)|\[["']([\w.-]+)["']\])\)/g, (whole, dotted?: string, quoted?: string) => params[dotted ?? quoted ?? ''] ?? whole);
}
