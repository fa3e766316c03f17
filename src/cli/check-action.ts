import { scanRepository } from '../engine/scan.js';
import { evaluateGate, gateExitCode } from '../gate/gate.js';
import { FORMATTERS, type FormatOptions } from '../formatters/registry.js';
import type { Report } from '../report/types.js';
import { EXIT } from './errors.js';
import { shouldUseColor } from './color.js';
import { pairOutputs, writeFileAtomically } from './outputs.js';
import { stdoutIsTerminal, writeStdout } from './stdout.js';
import { timed, Timings, timingRequested } from '../timings.js';

export interface CheckOptions {
  checklist?: string;
  config?: string;
  format: string[];
  output: string[];
  json?: boolean;
  minSteps?: number;
  require?: string[];
  failOn?: 'error' | 'warning';
  /** False for --no-fail: report only, exit 0 whatever the gate says. */
  fail: boolean;
  attestations: boolean;
  color?: boolean;
  verbose?: boolean;
}

/** The default command: scan, gate, render every requested format, and return the exit code. */
export function runCheck(path: string, options: CheckOptions): number {
  const targets = pairOutputs(options.json ? [...options.format, 'json'] : options.format, options.output);
  const timings = timingRequested(process.env) ? new Timings() : undefined;
  const { report, config } = scanRepository(path, { checklist: options.checklist, configPath: options.config, useAttestations: options.attestations, timings });
  report.gate = evaluateGate(report, {
    minSteps: options.minSteps ?? config.gate?.minSteps,
    require: options.require ?? config.gate?.require,
    failOn: options.failOn ?? config.gate?.failOn,
  });
  const toStdout = targets.find((t) => t.file === undefined);
  for (const target of targets) {
    const formatOptions: FormatOptions = {
      color: target.format === 'text' && shouldUseColor(options.color, process.env, target.file === undefined && stdoutIsTerminal()),
      verbose: Boolean(options.verbose),
      checklistSource: report.checklist.source,
      githubActions: target.file === undefined && process.env.GITHUB_ACTIONS === 'true',
    };
    const content = timed(timings, `format ${target.format}`, () => FORMATTERS[target.format](report, formatOptions));
    if (target.file === undefined) writeStdout(content);
    else writeFileAtomically(target.file, content);
  }
  if (!toStdout) writeStdout(`${gateLine(report)}\n`);
  if (timings) process.stderr.write(timings.render());
  const code = gateExitCode(report);
  return options.fail ? code : EXIT.ok;
}

/** The one line printed when every report went to a file, so a CI log still says what happened. */
export function gateLine(report: Report): string {
  const progress = `${report.summary.done}/${report.summary.total} steps done`;
  if (!report.gate) return `containerize-check: ${progress}`;
  return `containerize-check: ${progress}; gate ${report.gate.passed ? 'passed' : 'failed'}`;
}
