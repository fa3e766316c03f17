import type { CheckOutcome, CheckStatus } from '../checks/define.js';
import type { Checklist } from '../checklist/load.js';
import type { Facts } from '../detectors/facts.js';
import type { Finding } from '../findings/finding.js';
import type { CheckReport, Report, StepReport, StepStatus } from '../report/types.js';
import { REPORT_SCHEMA_VERSION } from '../report/types.js';

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
  rootName: string;
  tool: { name: string; version: string };
}

/** Applies a checklist to the facts. Knows nothing about any particular step. */
export function evaluate({ checklist, facts, findings, rootName, tool }: EvaluationInput): Report {
  const steps = checklist.steps.map((step): StepReport => {
    const outcomes = step.checks.map(({ check, params }) => check.run({ facts, findings }, params));
    const checks = step.checks.map(({ check }, index): CheckReport => ({ id: check.id, ...outcomes[index]! }));
    const status = stepStatus(outcomes.map((o) => o.status));
    return { id: step.id, title: step.title, why: step.why, advice: step.advice, status, confidence: stepConfidence(status, outcomes), checks };
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
      dockerfiles: s.dockerfiles, builders: s.builders, compose: s.composeServices,
    })),
    findings: [...findings].sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code)),
    gate: null,
  };
}
