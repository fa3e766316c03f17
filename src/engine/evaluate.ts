import { compareText } from '../compare-text.js';
import type { CheckOutcome, CheckStatus } from '../checks/define.js';
import type { Checklist } from '../checklist/load.js';
import type { Facts } from '../detectors/facts.js';
import type { Finding } from '../findings/finding.js';
import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';
import type { CheckReport, Report, StepReport, StepStatus } from '../report/types.js';
import { REPORT_SCHEMA_VERSION } from '../report/types.js';
import { applyIgnores, attestationFor, NO_POLICY, partitionFindings, type Policy } from './policy.js';

/**
 * `unknown` wins over `todo` when nothing passed: a step we could not read is "could not tell",
 * never silently "not done".
 */
export function stepStatus(statuses: readonly CheckStatus[]): StepStatus {
  if (statuses.length > 0 && statuses.every((s) => s === 'pass')) return 'done';
  if (statuses.every((s) => s === 'fail')) return 'todo';
  const anyProgress = statuses.some((s) => s === 'pass' || s === 'partial');
  if (!anyProgress) return 'unknown';
  return 'partial';
}

function stepConfidence(status: StepStatus, outcomes: readonly CheckOutcome[]): StepReport['confidence'] {
  if (status !== 'done' && status !== 'partial') return null;
  const decisive = outcomes.flatMap((o) => o.evidence).filter((e) => e.confidence !== 'weak');
  return decisive.some((e) => e.confidence === 'strong') ? 'strong' : 'medium';
}

export interface EvaluationInput {
  checklist: Checklist;
  facts: Facts;
  findings: Finding[];
  /** Handed to checks read-only: the check primitives of custom checklists read files. */
  snapshot?: RepoSnapshot;
  rootName: string;
  tool: { name: string; version: string };
  policy?: Policy;
  /** Where the policy came from, for the report. */
  configSource?: string | null;
}

/** Applies a checklist to the facts. Knows nothing about any particular step. */
export function evaluate({ checklist, facts, findings: allFindings, snapshot, rootName, tool, policy = NO_POLICY, configSource = null }: EvaluationInput): Report {
  const { kept: findings, ignored: ignoredFindings } = partitionFindings(allFindings, policy);
  const steps = checklist.steps.map((step): StepReport => {
    const checks = step.checks.map(({ check, params }): CheckReport & { outcome: CheckOutcome } => {
      const outcome = applyIgnores(check.id, check.run({ facts, findings, snapshot }, params), policy);
      const attestation = attestationFor(policy, { check: check.id });
      const status = attestation && !attestation.expired ? 'pass' : outcome.status;
      return { id: check.id, status, evidence: outcome.evidence, missing: outcome.missing, ignored: outcome.ignored, attestation, outcome };
    });
    const attestation = attestationFor(policy, { step: step.id });
    const detected = stepStatus(checks.map((c) => c.status));
    const status = attestation && !attestation.expired ? 'done' : detected;
    return {
      id: step.id, title: step.title, why: step.why, advice: step.advice, status,
      confidence: stepConfidence(status, checks.map((c) => c.outcome)),
      attestation,
      checks: checks.map(({ outcome: _outcome, ...check }) => check),
    };
  });
  const count = (status: StepStatus) => steps.filter((s) => s.status === status).length;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool,
    root: { name: rootName },
    checklist: { id: checklist.id, title: checklist.title, source: checklist.source, next: checklist.next ?? null },
    summary: {
      done: count('done'),
      partial: count('partial'),
      todo: count('todo'),
      unknown: count('unknown'),
      total: steps.length,
      nextStep: steps.find((s) => s.status !== 'done')?.id ?? null,
    },
    steps,
    services: facts.services.map((s) => ({
      path: s.path, language: s.language, kind: s.kind, confidence: s.confidence, manifest: s.manifest,
      dockerfiles: s.dockerfiles, builders: s.builders, compose: s.composeServices, builtInCi: s.builtInCi, deployed: s.deployed,
    })),
    findings: sortFindings(findings),
    ignoredFindings: sortFindings(ignoredFindings),
    config: configSource,
    gate: null,
  };
}

function sortFindings<T extends Finding>(findings: T[]): T[] {
  return [...findings].sort((a, b) => compareText(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0) || compareText(a.code, b.code));
}
