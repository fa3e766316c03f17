import { shape } from '../shape.js';
import { lazy } from '../../lazy.js';
import type { CiActivity } from '../facts.js';
import { checkShape, configsOf, loadYaml, type CiProvider } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { classifyScript } from './commands.js';
import type { ScriptFiles } from './activity.js';
import { orbActivities, orbNames } from './circleci-orbs.js';
import { resolveScriptPath } from './shell-paths.js';
import { asList, asMap, asText, asTextList, imageName, singleEntry, variablesOf, type YamlMap } from './values.js';
import { yamlSources, type Place, type YamlConfig, type YamlSources } from './yaml-sources.js';

// https://circleci.com/docs/reference/configuration-reference/
export const CIRCLECI_FILES = ['.circleci/config.yml'];
const CONFIG = /^\.circleci\/config\.yml$/;
/** Custom commands may call custom commands; a few levels are plenty. */
const MAX_COMMAND_DEPTH = 5;

const configSchema = lazy(() => {
  return shape.looseObject({
    version: shape.union([shape.number(), shape.string()]),
    orbs: shape.record(shape.unknown()).optional(),
    jobs: shape.record(shape.looseObject({ docker: shape.array(shape.looseObject({ image: shape.string() })).optional(), steps: shape.array(shape.unknown()).optional() })).optional(),
    workflows: shape.record(shape.unknown()).optional(),
  });
});

/** What a job definition does, wherever it is invoked from. */
type JobBody = Pick<DraftJob, 'activities' | 'serviceImages' | 'dockerDaemon' | 'line' | 'variables'>;

interface Scope {
  files: ScriptFiles;
  config: YamlConfig;
  root: YamlMap;
  sources: YamlSources;
  orbs: Record<string, string>;
}

export const circleci: CiProvider = (snapshot, report) => {
  const paths = snapshot.filesIn('.circleci').filter((path) => CONFIG.test(path));
  const drafts: DraftJob[] = [];
  for (const path of paths) {
    const config = loadYaml(snapshot, path, report);
    if (!config || !checkShape(config, configSchema(), 'CircleCI config', report)) continue;
    const root = asMap(config.root)!;
    drafts.push(...configDrafts({ files: snapshot, config, root, sources: yamlSources([config]), orbs: orbNames(root.orbs) }));
  }
  return { configs: configsOf('circleci', paths), jobs: finishPipeline(drafts) };
};

/** One job per workflow invocation (named as the workflow names it), plus jobs no workflow runs. */
function configDrafts(scope: Scope): DraftJob[] {
  const { config, root, sources } = scope;
  const jobs = asMap(root.jobs) ?? {};
  const drafts = new Map<string, DraftJob>();
  const invoked = new Set<string>();
  for (const [workflowName, workflow] of Object.entries(asMap(root.workflows) ?? {})) {
    if (workflowName === 'version') continue;
    const list = asList(asMap(workflow)?.jobs);
    list.forEach((item, index) => {
      const [reference, value] = typeof item === 'string' ? [item, {}] : (singleEntry(item) ?? ['', {}]);
      const parameters = asMap(value) ?? {};
      const name = asText(parameters.name) ?? reference;
      const hints = [reference, ...asTextList(parameters.context)];
      if (drafts.has(name) || reference === '') return;
      const at = sources.placeOf(list, index) ?? { path: config.path, line: 1 };
      if (asMap(jobs[reference])) {
        invoked.add(reference);
        drafts.set(name, { system: 'circleci', file: config.path, job: name, hints, ...jobBody(scope, reference) });
      } else if (reference.includes('/')) {
        const activities = orbActivities(reference, parameters, scope.orbs).map((a) => ({ ...a, ...at }));
        drafts.set(name, { system: 'circleci', file: config.path, job: name, line: at.line, hints, activities });
      }
    });
  }
  for (const name of Object.keys(jobs)) {
    if (!invoked.has(name) && !drafts.has(name) && asMap(jobs[name])) drafts.set(name, { system: 'circleci', file: config.path, job: name, ...jobBody(scope, name) });
  }
  return [...drafts.values()];
}

function jobBody(scope: Scope, name: string): JobBody {
  const { config, sources, root } = scope;
  const jobs = asMap(root.jobs)!;
  const job = asMap(jobs[name])!;
  const fallback: Place = { path: config.path, line: sources.placeOf(jobs, name)?.line ?? 1 };
  const body: JobBody = { line: fallback.line, activities: [], serviceImages: [], variables: variablesOf(job.environment) };
  const executor = asMap(asMap(root.executors)?.[asText(asMap(job.executor)?.name ?? job.executor) ?? '']);
  const images = asList(job.docker ?? executor?.docker);
  images.forEach((entry, index) => {
    const image = imageName(entry);
    const at = sources.placeOf(images, index) ?? fallback;
    if (!image) return;
    if (index === 0) body.activities.push({ kind: 'job-image', confidence: 'weak', tool: 'docker', image, ...at });
    else body.serviceImages!.push({ image, tool: 'docker', ...at });
  });
  const jobDirectory = asText(job.working_directory) ?? '~/project';
  body.activities.push(...stepsActivities(scope, asList(job.steps), fallback, jobDirectory, body, 0));
  return body;
}

function stepsActivities(scope: Scope, steps: unknown[], fallback: Place, jobDirectory: string, body: JobBody, depth: number): CiActivity[] {
  const { sources, config } = scope;
  const commands = asMap(scope.root.commands) ?? {};
  return steps.flatMap((step, index): CiActivity[] => {
    const at = sources.placeOf(steps, index) ?? fallback;
    const [key, value] = typeof step === 'string' ? [step, undefined] : (singleEntry(step) ?? ['', undefined]);
    if (key === 'setup_remote_docker') {
      body.dockerDaemon ??= { via: 'setup_remote_docker', line: at.line };
      return [];
    }
    if (key === 'run') {
      const run = asMap(value);
      const lines = run ? sources.scriptLines(run, 'command', at) : sources.scriptLines(step as object, 'run', at);
      const cwd = stepDirectory(asText(run?.working_directory), jobDirectory);
      return classifyScript(lines, { path: config.path, cwd, files: scope.files });
    }
    if (key === 'when' || key === 'unless') return stepsActivities(scope, asList(asMap(value)?.steps), at, jobDirectory, body, depth);
    if (key.includes('/')) return orbActivities(key, value, scope.orbs).map((a) => ({ ...a, ...at }));
    const command = asMap(commands[key]);
    if (command && depth < MAX_COMMAND_DEPTH) return stepsActivities(scope, asList(command.steps), at, jobDirectory, body, depth + 1);
    return [];
  });
}

/**
 * A step's `working_directory` is relative to the job's, where the code is checked out
 * (`~/project` unless the job says otherwise): both stand for the repository root.
 */
function stepDirectory(written: string | undefined, jobDirectory: string): string | undefined {
  if (written === undefined) return '.';
  for (const root of [jobDirectory, '~/project']) {
    if (written === root) return '.';
    if (written.startsWith(`${root}/`)) return resolveScriptPath(written.slice(root.length + 1), '.');
  }
  return resolveScriptPath(written, '.');
}
