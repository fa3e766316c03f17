import { shape } from '../shape.js';
import { lazy } from '../../lazy.js';
import type { CiActivity, CiJobFact } from '../facts.js';
import { checkShape, configsOf, loadYaml, type CiProvider } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { classifyScript, type ScriptLine } from './commands.js';
import type { ScriptFiles } from './activity.js';
import { isShell } from './indirect-commands.js';
import { expandVariables } from './images.js';
import { commandLine } from './shell-command.js';
import { resolveScriptPath } from './shell-paths.js';
import { asList, asMap, asText, variablesOf, type YamlMap } from './values.js';
import { yamlSources, type Place, type YamlConfig, type YamlSources } from './yaml-sources.js';

// https://cloud.google.com/build/docs/build-config-file-schema
export const CLOUD_BUILD_FILES = ['**/cloudbuild*.yaml', '**/cloudbuild*.yml', '**/cloudbuild*.json'];
const CONFIG = /(?:^|\/)cloudbuild[\w.-]*\.(?:ya?ml|json)$/;
/** Builder images whose program is not their last path segment. */
const BUILDER_PROGRAMS: Record<string, string> = {
  'gcr.io/kaniko-project/executor': '/kaniko/executor',
  'gcr.io/google.com/cloudsdktool/cloud-sdk': 'gcloud',
  'gcr.io/google.com/cloudsdktool/google-cloud-cli': 'gcloud',
  'google/cloud-sdk': 'gcloud',
  'gcr.io/k8s-skaffold/skaffold': 'skaffold',
  'gcr.io/cloud-builders/gke-deploy': 'gke-deploy',
};
/** Google's own builders: images that run a tool, not the project's code. */
const BUILDER = /^(?:gcr\.io\/(?:cloud-builders|kaniko-project|google\.com\/cloudsdktool|k8s-skaffold|cloud-marketplace)\/|google\/cloud-sdk|docker(?::|$)|alpine\/helm|bitnami\/kubectl)/;

const configSchema = lazy(() => {
  return shape.looseObject({
    steps: shape.array(shape.looseObject({ name: shape.string(), args: shape.array(shape.unknown()).optional(), entrypoint: shape.string().optional(), dir: shape.string().optional() })),
    images: shape.array(shape.string()).optional(),
    substitutions: shape.record(shape.unknown()).optional(),
  });
});

interface Scope {
  config: YamlConfig;
  sources: YamlSources;
  files: ScriptFiles;
  substitutions: Record<string, string>;
}

export const cloudBuild: CiProvider = (snapshot, report) => {
  const paths = snapshot.filesNamedLike(CONFIG);
  const jobs: CiJobFact[] = [];
  for (const path of paths) {
    const config = loadYaml(snapshot, path, report);
    if (!config || !checkShape(config, configSchema(), 'Cloud Build config', report)) continue;
    const root = asMap(config.root)!;
    const scope: Scope = { config, sources: yamlSources([config]), files: snapshot, substitutions: variablesOf(root.substitutions) };
    const steps = asList(root.steps);
    const drafts = steps.flatMap((value, index) => {
      const step = asMap(value);
      return step ? [stepDraft(scope, step, scope.sources.placeOf(steps, index) ?? { path, line: 1 }, index)] : [];
    });
    const images = asList(root.images);
    if (images.length > 0) drafts.push(imagesDraft(scope, root, images));
    jobs.push(...finishPipeline(drafts));
  }
  return { configs: configsOf('cloud-build', paths), jobs };
};

/** A step runs its builder image with `args` (or a script through `entrypoint: bash` and `-c`). */
function stepDraft(scope: Scope, step: YamlMap, at: Place, index: number): DraftJob {
  const { config, sources } = scope;
  const id = asText(step.id) ?? `step ${index + 1}`;
  const draft: DraftJob = { system: 'cloud-build', file: config.path, job: id, line: at.line, activities: [], variables: { ...scope.substitutions, ...variablesOf(envList(step.env)) } };
  const image = asText(step.name) ?? '';
  const repository = image.replace(/[:@][^/]*$/, '');
  const entrypoint = asText(step.entrypoint);
  const program = entrypoint ?? BUILDER_PROGRAMS[repository] ?? (repository.startsWith('gcr.io/cloud-builders/') || repository === 'docker' ? repository.slice(repository.lastIndexOf('/') + 1) : undefined);
  if (!BUILDER.test(image)) draft.activities.push({ kind: 'job-image', confidence: 'weak', tool: 'step name', image, ...(sources.placeOf(step, 'name') ?? at) });
  const dir = asText(step.dir);
  const cwd = dir === undefined ? '.' : resolveScriptPath(dir, '.');
  const args = asList(step.args);
  const argsAt = sources.placeOf(step, 'args') ?? at;
  const fill = (text: string) => expandVariables(text.replace(/\$\$/g, '\u0000'), scope.substitutions).replace(/\u0000/g, '$');
  let lines: ScriptLine[] = [];
  if (program !== undefined && isShell(program.replace(/^.*\//, '')) && asText(args[0]) === '-c') {
    lines = sources.scriptLines(args, 1, argsAt).map((line) => ({ ...line, text: fill(line.text) }));
  } else if (program !== undefined) {
    lines = [{ text: fill(commandLine([program, ...args.map((arg) => asText(arg) ?? '')])), line: argsAt.line }];
  }
  draft.activities.push(...classifyScript(lines, { path: config.path, cwd, files: scope.files }));
  return draft;
}

/** `images:` lists what Cloud Build pushes once every step succeeded. */
function imagesDraft(scope: Scope, root: YamlMap, images: unknown[]): DraftJob {
  const at = scope.sources.placeOf(root, 'images') ?? { path: scope.config.path, line: 1 };
  const activities: CiActivity[] = images.flatMap((image, index) => {
    const name = asText(image);
    return name ? [{ kind: 'image-push' as const, confidence: 'strong' as const, tool: 'images', image: name, ...(scope.sources.placeOf(images, index) ?? at) }] : [];
  });
  return { system: 'cloud-build', file: scope.config.path, job: 'images', line: at.line, activities, variables: scope.substitutions };
}

/** `env: ["NAME=value"]`, as a map. */
function envList(value: unknown): Record<string, string> {
  return Object.fromEntries(asList(value).flatMap((item) => {
    const text = asText(item) ?? '';
    const equals = text.indexOf('=');
    return equals > 0 ? [[text.slice(0, equals), text.slice(equals + 1)]] : [];
  }));
}
