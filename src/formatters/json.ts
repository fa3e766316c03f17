import type { Report } from '../report/types.js';
import type { JsonReport } from '../report/schema.js';
import { describeEvidence, describeFinding } from './render-messages.js';

/** The report as documented in README "JSON output": codes and args, plus the rendered English message. */
export function toJsonReport(report: Report): JsonReport {
  return {
    ...report,
    steps: report.steps.map((step) => ({
      ...step,
      checks: step.checks.map((check) => ({
        ...check,
        evidence: check.evidence.map((e) => ({ ...e, message: describeEvidence(e) })),
        missing: check.missing.map((e) => ({ ...e, message: describeEvidence(e) })),
        ignored: check.ignored.map((e) => ({ ...e, message: describeEvidence(e) })),
      })),
    })),
    findings: report.findings.map((f) => ({ ...f, message: describeFinding(f) })),
    ignoredFindings: report.ignoredFindings.map((f) => ({ ...f, message: describeFinding(f) })),
  };
}

export function formatJson(report: Report): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
