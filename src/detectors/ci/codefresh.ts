import { shape } from '../shape.js';
import { lazy } from '../../lazy.js';
import type { CiActivity, CiJobFact } from '../facts.js';
import { checkShape, configsOf, loadYaml, type CiProvider } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { classifyScript } from './commands.js';
import type { ScriptFiles } from './activity.js';
import { imageBuild } from './activity.js';
import { environmentAmong } from './names.js';
import { resolveScriptPath } from './shell-paths.js';
import { asMap, asText, asTextList, imageName, variablesOf, type YamlMap } from './values.js';
import { yamlSources, type Place, type YamlConfig, type YamlSources } from './yaml-sources.js';
import { matching } from './find-files.js';

// https://codefresh.io/docs/docs/pipelines/what-is-the-codefresh-yaml/ and …/pipelines/steps/
export const CODEFRESH_FILES = ['codefresh.yml', 'codefresh.yaml', 'codefresh-*.yml', '.codefresh/**/*.yml', '.codefresh/**/*.yaml'];
const FILE = /^(?:codefresh[\w.-]*\.ya?ml|\.codefresh\/.+\.ya?ml)$/;
/** `${{build_image}}` names the image a build step made; `${{main_clone}}` the cloned repository. */
const STEP_REFERENCE = /\$\{\{\s*([\w-]+)\s*\}\}/g;
/** `deploy`, `helm` and marketplace steps that deploy (`codefresh/kubernetes-deploy`, `argocd-sync`, `helm-upgrade`). */
const DEPLOY_STEP = /deploy|helm|kubectl|kubernetes|argo/;

const configSchema = lazy(() => {
  return shape.looseObject({ version: shape.union([shape.string(), shape.number()]).optional(), steps: shape.record(shape.unknown()) });
});

interface Scope {
  config: YamlConfig;
  sources: YamlSources;
  files: ScriptFiles;
  /** Build step name → the image it builds, for `${{build_image}}` in later steps. */
  built: Map<string, string>;
  clones: Set<string>;
}

export const codefresh: CiProvider = (snapshot, report) => {
  const paths = matching(FILE, snapshot.filesIn('.'), snapshot.filesUnder('.codefresh'));
  const jobs: CiJobFact[] = [];
  for (const path of paths) {
    const config = loadYaml(snapshot, path, report);
    if (!config || !checkShape(config, configSchema(), 'Codefresh pipeline', report)) continue;
    const scope: Scope = { config, sources: yamlSources([config]), files: snapshot, built: new Map(), clones: new Set(['main_clone']) };
    jobs.push(...finishPipeline(stepDrafts(scope, asMap(asMap(config.root)!.steps) ?? {})));
  }
  return { configs: configsOf('codefresh', paths), jobs };
};

/** Steps by name, `parallel` steps opened up, in the order they are written. */
function stepDrafts(scope: Scope, steps: YamlMap): DraftJob[] {
  return Object.entries(steps).flatMap(([name, value]) => {
    const step = asMap(value);
    if (!step) return [];
    const type = asText(step.type) ?? 'freestyle';
    if (type === 'parallel') return stepDrafts(scope, asMap(step.steps) ?? {});
    if (type === 'git-clone') scope.clones.add(name);
    return [stepDraft(scope, name, step, type, scope.sources.placeOf(steps, name) ?? { path: scope.config.path, line: 1 })];
  });
}

function stepDraft(scope: Scope, name: string, step: YamlMap, type: string, at: Place): DraftJob {
  const { config, sources } = scope;
  const draft: DraftJob = { system: 'codefresh', file: config.path, job: name, line: at.line, activities: [], variables: variablesOf(step.environment) };
  draft.hints = [asText(step.stage), asText(step.title)].filter((hint): hint is string => hint !== undefined);
  const place = (key: string) => sources.placeOf(step, key) ?? at;
  const fill = (text: string) => text.replace(STEP_REFERENCE, (whole, reference: string) => scope.built.get(reference) ?? whole);
  const cwd = workingDirectory(scope, asText(step.working_directory));
  const activities: CiActivity[] = [];
  if (type === 'build') {
    const image = asText(step.image_name);
    const tag = asText(step.tag);
    const written = image && tag ? `${image}:${tag}` : image;
    if (written) scope.built.set(name, written);
    const file = asText(step.dockerfile);
    const dockerfile = cwd === undefined ? undefined : resolveScriptPath(file ?? 'Dockerfile', cwd);
    // Codefresh pushes what a build step builds to the account's default registry unless told not to.
    const pushes = step.disable_push !== true && step.disable_push !== 'true';
    activities.push(...imageBuild({ tool: 'codefresh build', context: cwd, dockerfile, image: written, pushes, target: asText(step.target) }).map((a) => ({ ...a, ...place('type') })));
  } else if (type === 'push') {
    activities.push({ kind: 'image-push', confidence: 'strong', tool: 'codefresh push', image: fill(asText(step.candidate) ?? ''), ...place('type') });
  } else if (DEPLOY_STEP.test(type)) {
    const args = asMap(step.arguments) ?? step;
    const environment = environmentAmong(['namespace', 'cluster', 'kube_context', 'release_name', 'service'].flatMap((key) => asTextList(args[key])));
    activities.push({ kind: 'deploy', confidence: 'strong', tool: `codefresh ${type}`, ...(environment ? { environment } : {}), ...place('type') });
  } else if (type === 'composition') {
    // Integration tests: candidates run against the images the pipeline built.
    for (const [candidate, value] of Object.entries(asMap(step.composition_candidates) ?? {})) {
      const image = fill(imageName(asMap(value)?.image) ?? '');
      if (image) activities.push({ kind: 'test-in-image', confidence: 'medium', tool: 'codefresh composition', image, ...(sources.placeOf(asMap(step.composition_candidates)!, candidate) ?? at) });
    }
  } else {
    const image = imageName(step.image);
    if (image) activities.push({ kind: 'job-image', confidence: 'weak', tool: 'image', image: fill(image), ...place('image') });
    if (step.commands !== undefined) activities.push(...classifyScript(sources.scriptLines(step, 'commands', at), { path: config.path, cwd, files: scope.files }));
  }
  draft.activities = activities;
  const environment = asMap(step.env);
  if (asText(environment?.name)) draft.environments = [{ name: asText(environment!.name)!, tool: 'env', ...place('env') }];
  return draft;
}

/** `${{main_clone}}/api` or `./api` → `api`; the default is the cloned repository. */
function workingDirectory(scope: Scope, written: string | undefined): string | undefined {
  if (written === undefined) return '.';
  const clone = /^\$\{\{\s*([\w-]+)\s*\}\}\/?(.*)$/.exec(written);
  if (clone) return scope.clones.has(clone[1]!) ? resolveScriptPath(clone[2] || '.', '.') : undefined;
  return resolveScriptPath(written, '.');
}
