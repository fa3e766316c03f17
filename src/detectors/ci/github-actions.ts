import { shape } from '../shape.js';
import { lazy } from '../../lazy.js';
import type { CiJobFact } from '../facts.js';
import { checkShape, configsOf, loadYaml, type CiProvider } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { metadataImages, stepActivities, type StepScope } from './github-actions-steps.js';
import { localActionActivities, type LocalActions } from './github-actions-composite.js';
import { matrixCombinations, matrixValue, type MatrixCombination } from './github-actions-matrix.js';
import { remoteWorkflowActivities } from './github-actions-remote.js';
import type { CiActivity } from '../facts.js';
import { resolveScriptPath } from './shell-paths.js';
import { asList, asMap, asText, imageName, variablesOf, type YamlMap } from './values.js';
import { yamlSources, type YamlConfig, type YamlSources } from './yaml-sources.js';

// https://docs.github.com/actions/reference/workflows-and-actions/workflow-syntax
export const GITHUB_WORKFLOW_FILES = ['.github/workflows/*.yml', '.github/workflows/*.yaml'];
const WORKFLOW = /^\.github\/workflows\/[^/]+\.ya?ml$/;
/** GitHub allows ten levels of nested reusable workflows; fewer cover every real repository. */
const MAX_CALL_DEPTH = 4;

const workflowSchema = lazy(() => {
  const imageSchema = shape.union([shape.string(), shape.looseObject({ image: shape.string().optional() })]).nullable();
  return shape.looseObject({
    jobs: shape.record(shape.looseObject({
        steps: shape.array(shape.looseObject({ run: shape.union([shape.string(), shape.number()]).optional(), uses: shape.string().optional() })).optional(),
        uses: shape.string().optional(),
        container: imageSchema.optional(),
        services: shape.union([shape.record(imageSchema), shape.string()]).nullable().optional(),
        environment: shape.union([shape.string(), shape.looseObject({ name: shape.string().optional() })]).optional(),
      }),
    ),
  });
});

interface WorkflowScope {
  configs: ReadonlyMap<string, YamlConfig>;
  sources: YamlSources;
  actions: LocalActions;
  /** `caller / ` when the workflow runs from another one's job. */
  prefix: string;
  /** The caller's `with:`, for `${{ inputs.x }}`. */
  inputs: YamlMap;
  stack: string[];
}

export const githubActions: CiProvider = (snapshot, report) => {
  const paths = snapshot.filesIn('.github/workflows').filter((path) => WORKFLOW.test(path));
  const configs = new Map<string, YamlConfig>();
  for (const path of paths) {
    const config = loadYaml(snapshot, path, report);
    if (config && checkShape(config, workflowSchema(), 'GitHub Actions workflow', report)) configs.set(path, config);
  }
  const sources = yamlSources([...configs.values()]);
  const called = new Set([...configs.values()].flatMap((config) => Object.values(jobsOf(config)).map(localWorkflowOf)));
  const actions: LocalActions = { snapshot, report, loaded: new Map() };
  const jobs: CiJobFact[] = [];
  for (const [path, config] of configs) {
    // A workflow only ever called by another is read from its caller, with the caller's inputs.
    if (called.has(path) && onlyCalled(config.root)) continue;
    const drafts = workflowDrafts(config, { configs, sources, actions, prefix: '', inputs: {}, stack: [path] });
    jobs.push(...finishPipeline(drafts.map((draft) => ({ ...draft, pipeline: path }))));
  }
  return { configs: configsOf('github-actions', [...paths, ...actions.loaded.keys()]), jobs };
};

function workflowDrafts(config: YamlConfig, scope: WorkflowScope): DraftJob[] {
  const workflow = asMap(config.root) ?? {};
  const drafts: DraftJob[] = [];
  for (const [id, value] of Object.entries(jobsOf(config))) {
    const job = asMap(value);
    if (!job) continue;
    const callee = localWorkflowOf(job);
    const calleeConfig = callee === undefined ? undefined : scope.configs.get(callee);
    if (calleeConfig && scope.stack.length <= MAX_CALL_DEPTH && !scope.stack.includes(callee!)) {
      const inputs = asMap(job.with) ?? {};
      drafts.push(...workflowDrafts(calleeConfig, { ...scope, prefix: `${scope.prefix}${id} / `, inputs, stack: [...scope.stack, callee!] }));
      continue;
    }
    const uses = asText(job.uses);
    if (uses !== undefined && !uses.startsWith('./')) {
      drafts.push(remoteCallDraft(config, workflow, id, job, uses, scope));
      continue;
    }
    drafts.push(jobDraft(config, workflow, id, job, scope));
  }
  return drafts;
}

/**
 * One job, read once per matrix combination (`context: ./${{ matrix.service }}` builds each
 * service); what the combinations share is kept once.
 */
function jobDraft(config: YamlConfig, workflow: YamlMap, id: string, job: YamlMap, scope: WorkflowScope): DraftJob {
  const { sources } = scope;
  const jobs = asMap(workflow.jobs)!;
  const fallback = { path: config.path, line: sources.placeOf(jobs, id)?.line ?? 1 };
  const env = { ...variablesOf(workflow.env), ...variablesOf(job.env) };
  const draft: DraftJob = { system: 'github-actions', file: config.path, job: `${scope.prefix}${id}`, id, line: fallback.line, activities: [], variables: env, serviceImages: [], environments: [] };
  const name = asText(job.name);
  if (name) draft.hints = [name];
  const defaultDirectory = asText(asMap(asMap(job.defaults)?.run)?.['working-directory'] ?? asMap(asMap(workflow.defaults)?.run)?.['working-directory']);
  const cwd = defaultDirectory === undefined ? '.' : resolveScriptPath(defaultDirectory, '.');
  const services = asMap(job.services) ?? {};
  const steps = asList(job.steps);
  const environment = asText(asMap(job.environment)?.name ?? job.environment);

  for (const combination of matrixCombinations(job.strategy)) {
    const expand = expander(env, scope.inputs, metadataImages(job), combination);
    const container = imageName(job.container);
    if (container) {
      const at = sources.placeOf(job, 'container') ?? fallback;
      draft.activities.push({ kind: 'job-image', confidence: 'weak', tool: 'container', image: expand(container), path: at.path, line: at.line });
    }
    for (const [service, value] of Object.entries(services)) {
      const image = imageName(value);
      if (image) draft.serviceImages!.push({ image: expand(image), tool: 'services', path: config.path, line: sources.placeOf(services, service)?.line });
    }
    if (environment) draft.environments!.push({ name: expand(environment), tool: 'environment', path: config.path, line: sources.placeOf(job, 'environment')?.line });
    steps.forEach((value, index) => {
      const step = asMap(value);
      if (!step) return;
      const stepScope: StepScope = {
        sources, files: scope.actions.snapshot, cwd, expand, fallback: sources.placeOf(steps, index) ?? fallback,
        local: (uses, inputs, caller) => localActionActivities(uses, inputs, caller, scope.actions),
      };
      draft.activities.push(...stepActivities(step, stepScope));
    });
  }
  draft.activities = unique(draft.activities);
  draft.serviceImages = unique(draft.serviceImages!);
  draft.environments = unique(draft.environments!);
  return draft;
}

/** A job calling another repository's workflow: judged by the workflow's name and its inputs. */
function remoteCallDraft(config: YamlConfig, workflow: YamlMap, id: string, job: YamlMap, uses: string, scope: WorkflowScope): DraftJob {
  const at = scope.sources.placeOf(job, 'uses') ?? { path: config.path, line: 1 };
  const line = scope.sources.placeOf(asMap(workflow.jobs)!, id)?.line;
  const env = variablesOf(workflow.env);
  const activities: CiActivity[] = [];
  for (const combination of matrixCombinations(job.strategy)) {
    activities.push(...remoteWorkflowActivities(uses, asMap(job.with) ?? {}, expander(env, scope.inputs, {}, combination), at));
  }
  const name = asText(job.name);
  return { system: 'github-actions', file: config.path, job: `${scope.prefix}${id}`, id, line, activities: unique(activities), variables: env, ...(name ? { hints: [name] } : {}) };
}

function unique<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function jobsOf(config: YamlConfig): YamlMap {
  return asMap(asMap(config.root)?.jobs) ?? {};
}

/** `uses: ./.github/workflows/deploy.yml` → `.github/workflows/deploy.yml`. */
function localWorkflowOf(job: unknown): string | undefined {
  const uses = asText(asMap(job)?.uses);
  return uses?.startsWith('./') ? uses.slice(2).split('@')[0] : undefined;
}

/** `on: workflow_call` and nothing else: the workflow never runs on its own. */
function onlyCalled(root: unknown): boolean {
  const on = asMap(root)?.on;
  const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : Object.keys(asMap(on) ?? {});
  return triggers.length > 0 && triggers.every((trigger) => trigger === 'workflow_call');
}

/** Fills the expressions whose value the workflow states; leaves the others as written. */
function expander(env: Record<string, string>, inputs: YamlMap, metadata: Record<string, string>, matrix: MatrixCombination = {}): (text: string) => string {
  const once = (text: string) =>
    text.replace(/\$\{\{\s*(env|inputs|steps|matrix)\.([\w.-]+?)(?:\.outputs\.tags)?\s*\}\}/g, (whole, scope: string, name: string) => {
      const value =
        scope === 'env' ? env[name] : scope === 'inputs' ? asText(inputs[name]) : scope === 'matrix' ? matrixValue(matrix, name) : whole.includes('.outputs.tags') ? metadata[name] : undefined;
      return value ?? whole;
    });
  // Twice: a metadata image or an input may itself be written with `${{ env.X }}`.
  return (text) => once(once(text));
}
