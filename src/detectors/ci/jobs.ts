import type { CiActivity, CiJobFact, CiSystem } from '../facts.js';
import { builtImageMatcher, expandVariables, looksPublic, neededJobOf } from './images.js';
import { deployFromNames } from './names.js';
import { lazy } from '../../lazy.js';

/** A job as a provider reads it, before the pipeline around it is known. */
export interface DraftJob {
  system: CiSystem;
  file: string;
  /** The file the pipeline starts from, when the job is written in another one it includes or calls. */
  pipeline?: string;
  job: string;
  line?: number;
  /** How other jobs refer to it (`needs.<id>.outputs…` in GitHub). */
  id?: string;
  activities: CiActivity[];
  /** Side containers (`services:`): evidence only when they run an image the pipeline built. */
  serviceImages?: Array<{ image: string; tool: string; path: string; line?: number }>;
  /**
   * Declared deployment targets: `environment:`, Bitbucket `deployment:`, an Azure deployment job.
   * Several when the job runs once per value (a matrix of environments, GitLab rules' variables).
   */
  environments?: Array<{ name: string; tool: string; path: string; line?: number }>;
  /** Other names that say what the job does: its stage, display name, CircleCI context. */
  hints?: string[];
  dockerDaemon?: CiJobFact['dockerDaemon'];
  /** Variables the pipeline sets for the job (`variables:`, `env:`), to compare images written through them. */
  variables?: Record<string, string>;
}

const isImageMaking = (activity: CiActivity) => activity.kind === 'image-build' || activity.kind === 'image-push';

/**
 * Settles what needs the whole pipeline: a job image or service is strong test evidence when the
 * pipeline built that image (by tag, or GitHub's `needs.<job>.outputs`); `docker run IMAGE test`
 * is weak on an official image; environments and deploy-like names mark deploys.
 */
export function finishPipeline(drafts: readonly DraftJob[]): CiJobFact[] {
  const writtenAndExpanded = (image: string, draft: DraftJob) => [image, expandVariables(image, draft.variables ?? {})];
  // Built on first use: only job images, services and images tests run in are compared with it.
  const isBuilt = lazy(() => builtImageMatcher(drafts.flatMap((d) => d.activities.filter(isImageMaking).flatMap((a) => (a.image ? writtenAndExpanded(a.image, d) : [])))));
  const buildingJobs = new Set(drafts.filter((d) => d.id !== undefined && d.activities.some(isImageMaking)).map((d) => d.id));
  return drafts.map((draft) => {
    const fromPipeline = (image: string) => writtenAndExpanded(image, draft).some(isBuilt()) || buildingJobs.has(neededJobOf(image));
    const activities = draft.activities.map((activity): CiActivity => {
      if (activity.kind === 'job-image' && activity.image && fromPipeline(activity.image)) {
        return { ...activity, kind: 'test-in-image', confidence: 'strong' };
      }
      if (activity.kind === 'test-in-image' && activity.confidence === 'medium' && activity.image) {
        return { ...activity, confidence: fromPipeline(activity.image) ? 'strong' : looksPublic(activity.image) ? 'weak' : 'medium' };
      }
      return activity;
    });
    for (const service of draft.serviceImages ?? []) {
      if (!fromPipeline(service.image)) continue;
      activities.push({ kind: 'test-in-image', confidence: 'strong', tool: service.tool, image: service.image, path: service.path, ...lineOf(service) });
    }
    const job: CiJobFact = { system: draft.system, file: draft.file, job: draft.job, ...lineOf(draft), activities: withDeploys(draft, activities) };
    if (draft.pipeline !== undefined && draft.pipeline !== draft.file) job.pipeline = draft.pipeline;
    if (draft.dockerDaemon) job.dockerDaemon = draft.dockerDaemon;
    return job;
  });
}

/** Environments go on the job's deploy commands; a declared or name-implied deploy without one is added. */
function withDeploys(draft: DraftJob, activities: CiActivity[]): CiActivity[] {
  const named = deployFromNames([draft.job, ...(draft.hints ?? [])]);
  const declared = draft.environments ?? [];
  const environments = declared.length > 0 ? [...new Set(declared.map((e) => e.name))] : named?.environment ? [named.environment] : [];
  const deploys = activities.filter((a) => a.kind === 'deploy');
  // A deploy command without its own target goes wherever the job deploys, once per environment.
  const result = activities.flatMap((a) => (a.kind === 'deploy' && !a.environment && environments.length > 0 ? environments.map((environment) => ({ ...a, environment })) : [a]));
  const confidence = deploys.some((a) => a.confidence === 'strong') ? 'strong' : 'medium';
  for (const { name, tool, path, line } of declared) result.push({ kind: 'deploy', confidence, tool, environment: name, path, ...lineOf({ line }) });
  if (declared.length === 0 && named && deploys.length === 0) {
    result.push({ kind: 'deploy', confidence: 'medium', tool: 'job name', ...(named.environment ? { environment: named.environment } : {}), path: draft.file, ...lineOf(draft) });
  }
  return result.sort((a, b) => (a.path === b.path ? (a.line ?? 0) - (b.line ?? 0) : a.path < b.path ? -1 : 1));
}

function lineOf(place: { line?: number }): { line?: number } {
  return place.line === undefined ? {} : { line: place.line };
}
