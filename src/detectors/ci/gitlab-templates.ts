import type { CiActivity, CiActivityKind } from '../facts.js';
import type { DraftJob } from './jobs.js';
import type { GitlabPipeline, RemoteInclude } from './gitlab-definitions.js';
import { environmentAmong, nameWords } from './names.js';
import { asList, asMap, asText, variablesOf, type YamlMap } from './values.js';

// https://gitlab.com/gitlab-org/gitlab/-/tree/master/lib/gitlab/ci/templates
interface TemplateJob {
  job: string;
  kind: Extract<CiActivityKind, 'image-build' | 'deploy'>;
  environment?: string;
  /** A pipeline variable that turns the job off (`REVIEW_DISABLED`) or, with `enabledBy`, on (`STAGING_ENABLED`). */
  disabledBy?: string;
  enabledBy?: string;
}

const BUILD: TemplateJob = { job: 'build', kind: 'image-build', disabledBy: 'BUILD_DISABLED' };
const DEPLOYS: TemplateJob[] = [
  { job: 'review', kind: 'deploy', environment: 'review/$CI_COMMIT_REF_NAME', disabledBy: 'REVIEW_DISABLED' },
  { job: 'staging', kind: 'deploy', environment: 'staging', enabledBy: 'STAGING_ENABLED' },
  { job: 'production', kind: 'deploy', environment: 'production' },
];
/** GitLab's own templates whose jobs build (and push to the project's registry) or deploy images. */
const TEMPLATES: Record<string, TemplateJob[]> = {
  'auto-devops.gitlab-ci.yml': [BUILD, ...DEPLOYS],
  'jobs/build.gitlab-ci.yml': [BUILD],
  'jobs/build.latest.gitlab-ci.yml': [BUILD],
  'jobs/deploy.gitlab-ci.yml': DEPLOYS,
  'jobs/deploy.latest.gitlab-ci.yml': DEPLOYS,
  'docker.gitlab-ci.yml': [{ job: 'docker-build', kind: 'image-build' }],
};

const CONTAINER_WORDS = new Set(['docker', 'kaniko', 'buildah', 'buildkit', 'image', 'images', 'container', 'containers', 'oci', 'podman', 'ko', 'jib']);
const DEPLOY_WORDS = new Set(['deploy', 'deployment', 'helm', 'k8s', 'kubernetes', 'argocd', 'gitops', 'rollout']);
const BUILD_WORDS = new Set(['build', 'builds', 'publish', 'release', 'push']);

/**
 * Jobs the pipeline gets from includes this tool cannot read: GitLab's templates (whose jobs are
 * known) and CI/CD components (judged by their name). Medium confidence: nothing here is a command.
 * `project:` and `remote:` includes mostly hold hidden templates, judged where a job extends them.
 */
export function includedDrafts(pipeline: GitlabPipeline): DraftJob[] {
  const variables = variablesOf(pipeline.variables);
  return pipeline.remoteIncludes.flatMap((include): DraftJob[] => {
    if (include.kind === 'template') {
      const known = TEMPLATES[include.name.replace(/^\/+/, '').toLowerCase()];
      if (known) return known.filter((job) => enabled(job, variables, pipeline)).map((job) => templateDraft(include, job));
    }
    if (include.kind !== 'template' && include.kind !== 'component') return [];
    const activities = judgeByName(include.name, Object.keys(include.inputs), environmentInput(include.inputs));
    return activities.length === 0 ? [] : [{ system: 'gitlab-ci', file: include.path, pipeline: '.gitlab-ci.yml', job: `include ${include.name}`, line: include.line, activities: activities.map((a) => ({ ...a, path: include.path, line: include.line })) }];
  });
}

/**
 * What a hidden job from an unreadable include does (`build-staging: extends: .docker-build`),
 * judged by its name, and by the job's variables when the name only says "build".
 */
export function judgeByName(name: string, variableNames: readonly string[], environment?: string): Array<Omit<CiActivity, 'path' | 'line'>> {
  const words = nameWords(name.split('@')[0]!);
  const tool = name;
  if (words.some((word) => DEPLOY_WORDS.has(word))) return [{ kind: 'deploy', confidence: 'medium', tool, ...(environment ? { environment } : {}) }];
  const aboutImages = words.some((word) => CONTAINER_WORDS.has(word)) || (words.some((word) => BUILD_WORDS.has(word)) && variableNames.some((v) => /DOCKER|IMAGE|KANIKO|BUILDAH|CONTAINER/i.test(v)));
  // GitLab jobs share no Docker daemon: an image a shared job builds is pushed, or lost when the job ends.
  return aboutImages ? [{ kind: 'image-build', confidence: 'medium', tool, pushes: true }] : [];
}

function templateDraft(include: RemoteInclude, job: TemplateJob): DraftJob {
  const place = { path: include.path, ...(include.line === undefined ? {} : { line: include.line }) };
  const tool = `template ${include.name}`;
  const activity: CiActivity =
    job.kind === 'image-build' ? { kind: 'image-build', confidence: 'medium', tool, image: '$CI_REGISTRY_IMAGE', pushes: true, ...place } : { kind: 'deploy', confidence: 'medium', tool, environment: job.environment, ...place };
  return { system: 'gitlab-ci', file: include.path, pipeline: '.gitlab-ci.yml', job: job.job, line: include.line, activities: [activity] };
}

/** A template job runs unless the pipeline turns it off (or never turns it on), or overrides it with `when: never`. */
function enabled(job: TemplateJob, variables: Record<string, string>, pipeline: GitlabPipeline): boolean {
  if (job.disabledBy && (variables[job.disabledBy] ?? '') !== '' && variables[job.disabledBy] !== 'false') return false;
  if (job.enabledBy && !(variables[job.enabledBy] ?? '')) return false;
  const local = pipeline.resolve(job.job)?.value;
  return !local || !neverRuns(local);
}

/** `rules:` whose every entry says `when: never`, or `when: never` on the job itself. */
export function neverRuns(job: YamlMap): boolean {
  if (asText(job.when) === 'never') return true;
  const rules = asList(job.rules).map(asMap);
  return rules.length > 0 && rules.every((rule) => asText(rule?.when) === 'never');
}

function environmentInput(inputs: YamlMap): string | undefined {
  return environmentAmong(['environment', 'env', 'stage', 'namespace'].map((key) => asText(inputs[key])));
}
