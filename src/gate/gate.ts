import type { GateReport, Report } from '../report/types.js';

export interface GateOptions {
  minSteps?: number;
  require?: readonly string[];
  /** Fail on findings at this severity or above (Dockerfile problems, broken config files…). */
  failOn?: 'error' | 'warning';
}

export class GateConfigError extends Error {}

/** Checks the gate against a report; throws GateConfigError for a step id the checklist lacks. */
export function evaluateGate(report: Report, options: GateOptions): GateReport | null {
  const required = options.require ?? [];
  if (options.minSteps === undefined && required.length === 0 && options.failOn === undefined) return null;
  const failures: GateReport['failures'] = [];
  if (options.minSteps !== undefined && report.summary.done < options.minSteps) {
    failures.push({ kind: 'min-steps', needed: options.minSteps, done: report.summary.done });
  }
  for (const id of required) {
    const step = report.steps.find((s) => s.id === id);
    if (!step) throw new GateConfigError(`--require: no step '${id}' in checklist ${report.checklist.id} (steps: ${report.steps.map((s) => s.id).join(', ')})`);
    if (step.status !== 'done') failures.push({ kind: 'require', step: id, status: step.status });
  }
  if (options.failOn) {
    const severities = options.failOn === 'error' ? ['error'] : ['error', 'warning'];
    const count = report.findings.filter((f) => severities.includes(f.severity)).length;
    if (count > 0) failures.push({ kind: 'findings', severity: options.failOn, count });
  }
  if (options.minSteps !== undefined && options.minSteps > report.summary.total) {
    throw new GateConfigError(`--min-steps ${options.minSteps}: checklist ${report.checklist.id} has only ${report.summary.total} steps`);
  }
  return { minSteps: options.minSteps ?? null, require: [...required], failOn: options.failOn ?? null, passed: failures.length === 0, failures };
}

/** 0 when the gate holds or none is set, 1 when it fails. Usage errors (2) are the CLI's. */
export function gateExitCode(report: Report): 0 | 1 {
  return report.gate && !report.gate.passed ? 1 : 0;
}
