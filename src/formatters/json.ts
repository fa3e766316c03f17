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

/**
 * JSON.stringify leaves DEL, the C1 controls (U+009B is a one-byte CSI to some terminals) and the
 * line separators raw. Escaped, a path from the repository cannot drive a terminal the report is
 * shown on, and the JSON parses to the same value: these characters only occur inside strings.
 */
const RAW_CONTROLS = /[\u007f-\u009f\u2028\u2029]/g;

/** JSON text of any value, with those characters escaped; every JSON-based format goes through it. */
export function terminalSafeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(RAW_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

export function formatJson(report: Report): string {
  return terminalSafeJson(toJsonReport(report));
}
