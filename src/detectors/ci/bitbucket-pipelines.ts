import { shape } from '../shape.js';
import { lazy } from '../../lazy.js';
import type { CiActivity } from '../facts.js';
import { checkShape, configsOf, loadYaml, type CiProvider } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { classifyScript } from './commands.js';
import type { ScriptFiles } from './activity.js';
import { asList, asMap, asText, imageName, singleEntry, type YamlMap } from './values.js';
import { yamlSources, type Place, type YamlConfig, type YamlSources } from './yaml-sources.js';

// https://support.atlassian.com/bitbucket-cloud/docs/bitbucket-pipelines-configuration-reference/
export const BITBUCKET_PIPELINES_FILES = ['bitbucket-pipelines.yml'];
const FILE = 'bitbucket-pipelines.yml';
const PIPELINE_GROUPS = ['branches', 'pull-requests', 'tags', 'bookmarks', 'custom'];
const PUSH_PIPE = /push-image|(?:ecr|gcr|acr|docker)-push/;
const DEPLOY_PIPE = /deploy|kubectl-run|ssh-run|helm|kubernetes/;
const CONTAINER_TOOL = /\b(?:docker|podman|kubectl|helm)\b/;

const configSchema = lazy(() => {
  const stepList = shape.array(shape.unknown());
  return shape.looseObject({
    image: shape.union([shape.string(), shape.looseObject({ name: shape.string() })]).optional(),
    options: shape.looseObject({ docker: shape.boolean().optional() }).optional(),
    pipelines: shape.looseObject({
      default: stepList.optional(),
      branches: shape.record(stepList).optional(),
      'pull-requests': shape.record(stepList).optional(),
      tags: shape.record(stepList).optional(),
      custom: shape.record(shape.union([stepList, shape.looseObject({})])).optional(),
    }),
  });
});

interface Scope {
  files: ScriptFiles;
  config: YamlConfig;
  root: YamlMap;
  sources: YamlSources;
}

export const bitbucketPipelines: CiProvider = (snapshot, report) => {
  if (!snapshot.has(FILE)) return { configs: [], jobs: [] };
  const config = loadYaml(snapshot, FILE, report);
  if (!config || !checkShape(config, configSchema(), 'Bitbucket Pipelines config', report)) return { configs: configsOf('bitbucket-pipelines', [FILE]), jobs: [] };
  const root = asMap(config.root)!;
  const scope: Scope = { files: snapshot, config, root, sources: yamlSources([config]) };
  const pipelines = asMap(root.pipelines) ?? {};
  const drafts = new Map<object, DraftJob>();
  const visit = (label: string, items: unknown) => {
    for (const { step, holder, stage } of stepsOf(items)) {
      // A step reused through an anchor runs in several pipelines but is written once.
      if (!drafts.has(step)) drafts.set(step, stepDraft(scope, label, drafts.size + 1, step, holder, stage));
    }
  };
  visit('default', pipelines.default);
  for (const group of PIPELINE_GROUPS) {
    for (const [name, value] of Object.entries(asMap(pipelines[group]) ?? {})) visit(`${group}.${name}`, asMap(value)?.steps ?? value);
  }
  return { configs: configsOf('bitbucket-pipelines', [FILE]), jobs: finishPipeline([...drafts.values()]) };
};

/** Steps of a pipeline, out of `parallel:` (both forms) and `stage:` blocks, with the stage they are in. */
function stepsOf(items: unknown, stage?: YamlMap): Array<{ step: YamlMap; holder: YamlMap; stage?: YamlMap }> {
  return asList(items).flatMap((item) => {
    const [key, value] = singleEntry(item) ?? ['', undefined];
    const holder = asMap(item)!;
    if (key === 'step' && asMap(value)) return [{ step: asMap(value)!, holder, stage }];
    if (key === 'parallel') return stepsOf(asMap(value)?.steps ?? value, stage);
    if (key === 'stage') return stepsOf(asMap(value)?.steps, asMap(value));
    return [];
  });
}

function stepDraft(scope: Scope, label: string, count: number, step: YamlMap, holder: YamlMap, stage: YamlMap | undefined): DraftJob {
  const { config, root, sources } = scope;
  // Where the step is written: under `definitions:` for an anchored step used in pipelines.
  const fallback: Place = sources.placeOfValue(step) ?? sources.placeOf(holder, 'step') ?? { path: config.path, line: 1 };
  const name = asText(step.name) ?? `step ${count}`;
  const draft: DraftJob = { system: 'bitbucket-pipelines', file: config.path, job: `${label}: ${name}`, line: fallback.line, activities: [] };
  draft.hints = [name, asText(stage?.name)].filter((hint): hint is string => hint !== undefined);

  const imageOwner = step.image !== undefined ? step : root;
  const image = imageName(imageOwner.image);
  if (image) draft.activities.push({ kind: 'job-image', confidence: 'weak', tool: 'image', image, ...(sources.placeOf(imageOwner, 'image') ?? fallback) });
  const services = asList(step.services);
  const definitions = asMap(asMap(root.definitions)?.services) ?? {};
  draft.serviceImages = [];
  services.forEach((service, index) => {
    const at = sources.placeOf(services, index) ?? fallback;
    if (service === 'docker') draft.dockerDaemon = { via: 'docker', line: at.line };
    const defined = imageName(asMap(definitions[asText(service) ?? ''])?.image);
    if (defined) draft.serviceImages!.push({ image: defined, tool: 'services', ...at });
  });
  if (!draft.dockerDaemon && asMap(root.options)?.docker === true) {
    draft.dockerDaemon = { via: 'options.docker', line: sources.placeOf(asMap(root.options)!, 'docker')?.line };
  }

  for (const key of ['script', 'after-script']) {
    draft.activities.push(...classifyScript(sources.scriptLines(step, key, fallback), { path: config.path, cwd: '.', files: scope.files }));
    draft.activities.push(...pipes(scope, asList(step[key]), fallback));
  }
  const deploymentOwner = step.deployment !== undefined ? step : stage;
  const deployment = asText(deploymentOwner?.deployment);
  if (deployment && deploymentOwner) draft.environments = [{ name: deployment, tool: 'deployment', ...(sources.placeOf(deploymentOwner, 'deployment') ?? fallback) }];
  return draft;
}

/** `- pipe: atlassian/aws-ecs-deploy:1.12.1` script items: Atlassian's packaged deploys and pushes. */
function pipes(scope: Scope, script: unknown[], fallback: Place): CiActivity[] {
  return script.flatMap((item, index): CiActivity[] => {
    const written = asText(asMap(item)?.pipe);
    if (written === undefined) return [];
    const at = scope.sources.placeOf(script, index) ?? fallback;
    const tool = written.replace(/^docker:\/\//, '').replace(/:[^/:]*$/, '').toLowerCase();
    const variables = asMap(asMap(item)?.variables) ?? {};
    if (PUSH_PIPE.test(tool)) return [{ kind: 'image-push', confidence: 'strong', tool, ...(asText(variables.IMAGE_NAME) ? { image: asText(variables.IMAGE_NAME) } : {}), ...at }];
    if (!DEPLOY_PIPE.test(tool)) return [];
    // ssh-run runs any command; it deploys containers only when its command runs them.
    const generic = tool.endsWith('/ssh-run') && !CONTAINER_TOOL.test(asText(variables.COMMAND) ?? '');
    return [{ kind: 'deploy', confidence: generic ? 'medium' : 'strong', tool, ...at }];
  });
}
