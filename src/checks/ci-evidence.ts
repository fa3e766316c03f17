import { compareText } from '../compare-text.js';
import type { CiActivity, CiActivityKind, CiFacts, CiJobFact, Evidence, EvidenceCode } from '../detectors/facts.js';
import type { Finding } from '../findings/finding.js';
import { unreadableConfigs } from './define.js';

export interface JobActivity {
  job: CiJobFact;
  activity: CiActivity;
}

export function activitiesOf(ci: CiFacts, kind: CiActivityKind): JobActivity[] {
  return ci.jobs.flatMap((job) => job.activities.filter((a) => a.kind === kind).map((activity) => ({ job, activity })));
}

export function toEvidence({ job, activity }: JobActivity, code: EvidenceCode): Evidence {
  const args: Evidence['args'] = { system: job.system, job: job.job, tool: activity.tool };
  if (activity.context) args.context = activity.context;
  if (activity.image) args.image = activity.image;
  if (activity.environment) args.environment = activity.environment;
  return { code, path: activity.path, line: activity.line, args, confidence: activity.confidence };
}

/** CI files that did not parse: with no other evidence, a CI check cannot tell rather than fails. */
export function unreadableCi(ci: CiFacts, findings: readonly Finding[]): Evidence[] {
  return unreadableConfigs(findings, ci.configs.map((config) => config.path));
}

const ORDER = { strong: 0, medium: 1, weak: 2 } as const;

export function strongestFirst(evidence: Evidence[]): Evidence[] {
  return evidence.sort((a, b) => ORDER[a.confidence] - ORDER[b.confidence] || compareText(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0));
}
