import type { Report } from '../report/types.js';
import { describeEvidence, describeFinding } from './render-messages.js';
import { printable } from './sanitize.js';

/**
 * GitHub Actions workflow commands (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#setting-an-error-message):
 * one `::error` / `::warning` / `::notice` line per finding and per missing item, so they show on
 * the files of a pull request. Gaps in a step the gate requires are errors.
 */
type Command = 'error' | 'warning' | 'notice';

interface Annotation {
  command: Command;
  title: string;
  message: string;
  path?: string;
  line?: number;
  column?: number;
}

export function githubAnnotations(report: Report, options: { verbose: boolean }): string[] {
  const annotations: Annotation[] = [];
  const required = new Set(report.gate?.require ?? []);
  report.steps.forEach((step, index) => {
    if (step.attestation && !step.attestation.expired) return;
    for (const check of step.checks) {
      if (check.status === 'pass') continue;
      const command: Command = required.has(step.id) ? 'error' : 'warning';
      for (const item of check.missing) {
        annotations.push({ command, title: `${index + 1}. ${step.title}`, message: `${describeEvidence(item)} [${check.id}]`, path: item.path, line: item.line });
      }
    }
  });
  for (const finding of report.findings) {
    if (finding.severity === 'info' && !options.verbose) continue;
    const command: Command = finding.severity === 'info' ? 'notice' : finding.severity;
    annotations.push({ command, title: finding.code, message: describeFinding(finding), path: finding.path, line: finding.line, column: finding.column });
  }
  return annotations.map(toCommand);
}

function toCommand(a: Annotation): string {
  const properties: string[] = [];
  // A gap about the repository as a whole (path `.`) is shown on the run, not on a file.
  if (a.path && a.path !== '.') {
    properties.push(`file=${escapeProperty(a.path)}`);
    if (a.line !== undefined) properties.push(`line=${a.line}`);
    if (a.column !== undefined) properties.push(`col=${a.column}`);
  }
  properties.push(`title=${escapeProperty(`containerize-check: ${a.title}`)}`);
  return `::${a.command} ${properties.join(',')}::${escapeData(a.message)}`;
}

/** The runner's own escaping (toolkit/packages/core/src/command.ts); control characters are made visible first. */
export function escapeData(value: string): string {
  return printable(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
