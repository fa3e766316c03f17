import { Chalk, type ChalkInstance } from 'chalk';
import type { EvidenceReport, Report, StepReport, StepStatus } from '../report/types.js';
import { describeEvidence, location } from '../formatters/render-messages.js';
import { printable } from '../formatters/sanitize.js';

/** Everything the walkthrough prints fits an 80-column terminal. */
export const WIDTH = 78;
const EVIDENCE_SHOWN = 4;
const SYMBOLS = { done: '✔', partial: '◐', todo: '✘', unknown: '?' } satisfies Record<StepStatus, string>;
const STATUS_WORDS = { done: 'done', partial: 'partly done', todo: 'to do', unknown: 'could not tell' } satisfies Record<StepStatus, string>;

export interface Painter {
  c: ChalkInstance;
  status(status: StepStatus, text: string): string;
}

export function painter(color: boolean): Painter {
  const c = new Chalk({ level: color ? 1 : 0 });
  const paints = { done: c.green, partial: c.yellow, todo: c.red, unknown: c.magenta } satisfies Record<StepStatus, (s: string) => string>;
  return { c, status: (status, text) => paints[status](text) };
}

/** The progress summary the walkthrough opens and closes with. */
export function summaryLines(report: Report, p: Painter): string[] {
  const bar = report.steps.map((s) => p.status(s.status, s.status === 'done' ? '■' : s.status === 'partial' ? '▣' : '□')).join('');
  return [
    p.c.bold(printable(report.root.name)) + p.c.dim(` · ${report.checklist.title}`),
    `${p.c.bold(`${report.summary.done}/${report.summary.total} steps done`)} [${bar}]`,
    ...report.steps.map((step, index) => `  ${p.status(step.status, SYMBOLS[step.status])} ${index + 1}. ${step.title}`),
  ];
}

/** One step: what it is, why it matters, its status, what was found and what is missing. */
export function stepLines(report: Report, step: StepReport, p: Painter): string[] {
  const number = report.steps.indexOf(step) + 1;
  const lines = ['', p.c.bold(`Step ${number} of ${report.steps.length}: ${step.title}`), statusLine(step, p)];
  if (step.status !== 'done') lines.push('', ...wrap(step.why, '  '));
  const found = step.checks.flatMap((check) => check.evidence);
  const missing = step.checks.flatMap((check) => check.missing);
  if (found.length > 0) lines.push('', p.c.bold('  Found'), ...evidenceLines(found, p));
  if (missing.length > 0) lines.push('', p.c.bold('  Missing'), ...evidenceLines(missing, p));
  return lines;
}

export function statusLine(step: StepReport, p: Painter): string {
  const attested = step.attestation && !step.attestation.expired ? ` (attested: ${printable(step.attestation.reason)})` : '';
  return wrap(`${p.status(step.status, `${SYMBOLS[step.status]} ${STATUS_WORDS[step.status]}`)}${attested}`, '  ').join('\n');
}

export function adviceLines(step: StepReport, p: Painter): string[] {
  return ['', p.c.bold('  What to do'), ...step.advice.trimEnd().split('\n').map((line) => (line ? `  ${line}` : ''))];
}

function evidenceLines(items: readonly EvidenceReport[], p: Painter): string[] {
  const shown = items.slice(0, EVIDENCE_SHOWN).flatMap((item) => {
    const text = `${printable(location(item))}  ${printable(describeEvidence(item))}`;
    const [first = '', ...rest] = wrap(text, '    ', '      ');
    return [first.replace(printable(location(item)), p.c.cyan(printable(location(item)))), ...rest];
  });
  if (items.length > EVIDENCE_SHOWN) shown.push(p.c.dim(`    … ${items.length - EVIDENCE_SHOWN} more (containerize-check --verbose lists them)`));
  return shown;
}

/**
 * Words into lines of at most WIDTH visible columns; escape sequences (colours) do not count.
 * A word longer than a line (a deep path) gets a line of its own.
 */
export function wrap(text: string, indent = '', hanging = indent): string[] {
  const visible = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const prefix = lines.length === 0 ? indent : hanging;
    if (current && visible(prefix + current) + 1 + visible(word) > WIDTH) {
      lines.push(prefix + current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push((lines.length === 0 ? indent : hanging) + current);
  return lines;
}
