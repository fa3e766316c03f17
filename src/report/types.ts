import type { JsonReport } from './schema.js';

export const REPORT_SCHEMA_VERSION = 1;

type WithoutMessage<T> = Omit<T, 'message'>;
type Step = JsonReport['steps'][number];
type Check = Step['checks'][number];

export type StepStatus = Step['status'];
export type EvidenceReport = WithoutMessage<Check['evidence'][number]>;
export type IgnoredEvidenceReport = WithoutMessage<Check['ignored'][number]>;
export type AttestationReport = NonNullable<Step['attestation']>;
export interface CheckReport extends Omit<Check, 'evidence' | 'missing' | 'ignored'> {
  evidence: EvidenceReport[];
  missing: EvidenceReport[];
  ignored: IgnoredEvidenceReport[];
}
export interface StepReport extends Omit<Step, 'checks'> {
  checks: CheckReport[];
}
export type ServiceReport = JsonReport['services'][number];
export type FindingReport = WithoutMessage<JsonReport['findings'][number]>;
export type IgnoredFindingReport = WithoutMessage<JsonReport['ignoredFindings'][number]>;
export type GateReport = NonNullable<JsonReport['gate']>;

/**
 * The one thing every formatter and the walkthrough consume: plain data, no behaviour. Messages
 * are not in it; formatters render them from codes (the JSON formatter adds them as `message`).
 */
export interface Report extends Omit<JsonReport, 'steps' | 'findings' | 'ignoredFindings'> {
  steps: StepReport[];
  findings: FindingReport[];
  ignoredFindings: IgnoredFindingReport[];
}
