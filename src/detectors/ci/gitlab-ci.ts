import { shape } from '../shape.js';
import { lazy } from '../../lazy.js';
import { checkShape, configsOf, type CiProvider } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { classifyScript, type ScriptLine } from './commands.js';
import type { ScriptFiles } from './activity.js';
import { GITLAB_KEYWORDS, loadGitlabPipeline, type GitlabPipeline, type Resolved } from './gitlab-definitions.js';
import { asList, asMap, asText, asTextList, imageName, variablesOf, type YamlMap } from './values.js';
import { includedDrafts, judgeByName, neverRuns } from './gitlab-templates.js';
import { expandVariables } from './images.js';
import type { Place } from './yaml-sources.js';

// https://docs.gitlab.com/ci/yaml/
export const GITLAB_CI_FILES = ['.gitlab-ci.yml', '(local files it includes)'];

const pipelineSchema = lazy(() => {
  const scriptSchema = shape.union([shape.string(), shape.array(shape.union([shape.string(), shape.number(), shape.array(shape.unknown())]))]);
  const imageSchema = shape.union([shape.string(), shape.looseObject({ name: shape.string() })]);
  const jobSchema = shape.looseObject({
    script: scriptSchema.optional(),
    before_script: scriptSchema.optional(),
    after_script: scriptSchema.optional(),
    image: imageSchema.optional(),
    services: shape.array(imageSchema).optional(),
    environment: shape.union([shape.string(), shape.looseObject({ name: shape.string().optional() })]).optional(),
    extends: shape.union([shape.string(), shape.array(shape.string())]).optional(),
    stage: shape.string().optional(),
  });
  // Hidden keys (`.setup: &setup [...]`) hold templates and anchors of any shape.
  return shape.record((name) => (GITLAB_KEYWORDS.has(name) || name.startsWith('.') ? shape.unknown() : jobSchema));
});
/** Environment actions that prepare, check or tear down rather than deploy. */
const NOT_DEPLOYING = new Set(['stop', 'prepare', 'verify', 'access']);
const DIND = /(?:^|\/)docker:.*dind|dind/;

export const gitlabCi: CiProvider = (snapshot, report) => {
  if (!snapshot.has('.gitlab-ci.yml')) return { configs: [], jobs: [] };
  const pipeline = loadGitlabPipeline(snapshot, report, (config) => checkShape(config, pipelineSchema(), 'GitLab CI config', report));
  const drafts = pipeline.jobs.flatMap((job) => {
    const resolved = pipeline.resolve(job.name);
    // A job whose rules all say `when: never` is switched off.
    return resolved && !neverRuns(resolved.value) ? [jobDraft(pipeline, job, resolved, snapshot)] : [];
  });
  // Jobs of GitLab templates and components join the local job of the same name that overrides them.
  for (const included of includedDrafts(pipeline)) {
    const local = drafts.find((draft) => draft.job === included.job);
    if (local) local.activities.push(...included.activities);
    else drafts.push(included);
  }
  return { configs: configsOf('gitlab-ci', pipeline.paths), jobs: finishPipeline(drafts) };
};

function jobDraft(pipeline: GitlabPipeline, job: GitlabPipeline['jobs'][number], resolved: Resolved, files: ScriptFiles): DraftJob {
  const { sources } = pipeline;
  const { value } = resolved;
  const fallback: Place = { path: job.file, line: job.line ?? 1 };
  const draft: DraftJob = { system: 'gitlab-ci', file: job.file, pipeline: '.gitlab-ci.yml', job: job.name, line: job.line, activities: [] };
  draft.variables = { ...variablesOf(pipeline.variables), ...variablesOf(value.variables) };
  const setting = inheritedSetting(pipeline, resolved);
  const placeOf = (found: Setting) => sources.placeOf(found.container, found.key) ?? fallback;

  const image = setting('image');
  const imageRef = image && imageName(image.value);
  if (image && imageRef) draft.activities.push({ kind: 'job-image', confidence: 'weak', tool: 'image', image: imageRef, ...placeOf(image) });

  const services = setting('services');
  const serviceList = asList(services?.value);
  draft.serviceImages = [];
  serviceList.forEach((item, index) => {
    const name = imageName(item);
    if (!name || !services) return;
    const at = sources.placeOf(serviceList, index) ?? placeOf(services);
    if (DIND.test(name)) draft.dockerDaemon ??= { via: name, line: at.line };
    else draft.serviceImages!.push({ image: name, tool: 'services', ...at });
  });

  const lines = (key: string): ScriptLine[] => {
    const found = setting(key);
    return found ? sources.scriptLines(found.container, found.key, placeOf(found), pipeline.reference) : [];
  };
  // before_script and script run in one shell, so a `cd` in one carries to the other; after_script gets a new one.
  draft.activities.push(...classifyScript([...lines('before_script'), ...lines('script')], { path: job.file, cwd: '.', files }));
  draft.activities.push(...classifyScript(lines('after_script'), { path: job.file, cwd: '.', files }));

  // Hidden jobs from includes this tool cannot read (`extends: .docker-build`) are judged by name.
  const unresolved = pipeline.remoteIncludes.length === 0 ? [] : asTextList(value.extends).filter((parent) => !pipeline.resolve(parent));
  const extendsAt = sources.placeOf(resolved.origin.extends ?? {}, 'extends') ?? fallback;
  for (const parent of unresolved) draft.activities.push(...judgeByName(parent, Object.keys(draft.variables)).map((a) => ({ ...a, ...extendsAt })));

  const environment = asMap(value.environment);
  const environmentName = asText(environment ? environment.name : value.environment);
  const deploying = !NOT_DEPLOYING.has(asText(environment?.action) ?? 'start');
  if (environmentName && deploying) {
    const at = sources.placeOf(resolved.origin.environment!, 'environment') ?? fallback;
    // `environment: $DEPLOY_ENV` with `rules: [{ if: …, variables: { DEPLOY_ENV: staging } }]`: one per rule.
    const names = ruleVariables(value).map((variables) => expandVariables(environmentName, { ...draft.variables, ...variables }));
    draft.environments = [...new Set(names)].map((name) => ({ name, tool: 'environment', ...at }));
  }
  // The stage says what a job is for (`deploy`), unless its environment says it only stops one, or
  // the job is GitLab Pages' (`pages:`), which publishes static files, never an image.
  const stage = asText(value.stage);
  const pages = job.name === 'pages' || value.pages !== undefined;
  if (stage && deploying && !pages) draft.hints = [stage];
  return draft;
}

/** A setting's merged value, and the object it is written in. */
interface Setting {
  value: unknown;
  container: YamlMap;
  key: string;
}

/**
 * Where a job's setting comes from: the job (after `extends`), else `default:` unless the job
 * opts out with `inherit: default: false` or a list of what it keeps.
 */
function inheritedSetting(pipeline: GitlabPipeline, resolved: Resolved) {
  const inherit = asMap(resolved.value.inherit)?.default;
  const inherits = (key: string) => inherit === undefined || inherit === true || (Array.isArray(inherit) && inherit.includes(key));
  return (key: string): Setting | undefined => {
    if (resolved.value[key] !== undefined) return { value: resolved.value[key], container: resolved.origin[key]!, key };
    if (pipeline.defaults.value[key] !== undefined && inherits(key)) return { value: pipeline.defaults.value[key], container: pipeline.defaults.origin[key]!, key };
    return undefined;
  };
}

/** Variables each of the job's rules that can run sets; one empty set when the rules set none. */
function ruleVariables(job: YamlMap): Array<Record<string, string>> {
  const sets = asList(job.rules).map(asMap).filter((rule) => rule && asText(rule.when) !== 'never').map((rule) => variablesOf(rule!.variables));
  const withValues = sets.filter((set) => Object.keys(set).length > 0);
  return withValues.length === 0 ? [{}] : withValues.length === sets.length ? withValues : [{}, ...withValues];
}
