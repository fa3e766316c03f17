import { Chalk, type ChalkInstance } from 'chalk';
import type { EvidenceReport, Report, ServiceReport, StepReport, StepStatus } from '../report/types.js';
import { describeEvidence, describeFinding, location } from './render-messages.js';
import { printable } from './sanitize.js';
import { githubAnnotations } from './github-annotations.js';

export interface TextOptions {
  color: boolean;
  /** Every piece of evidence and info-level findings, not just the first few. */
  verbose: boolean;
  /** Running in GitHub Actions: also emit workflow annotations for findings and missing items. */
  githubActions?: boolean;
}

const SYMBOLS = { done: '✔', partial: '◐', todo: '✘', unknown: '?' } satisfies Record<StepStatus, string>;
const EVIDENCE_SHOWN = 3;

export function formatText(report: Report, options: TextOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  const paint: Record<StepStatus, (s: string) => string> = { done: c.green, partial: c.yellow, todo: c.red, unknown: c.magenta };
  const { summary } = report;

  out.push(`${c.bold(printable(report.root.name))} ${c.dim(`· ${report.checklist.title} · ${report.tool.name} ${report.tool.version}`)}`);
  const extras = (['partial', 'unknown'] as const).filter((s) => summary[s] > 0).map((s) => `${summary[s]} ${s === 'unknown' ? 'could not tell' : s}`);
  out.push(`${c.bold(`${summary.done}/${summary.total} steps done`)} ${progressBar(report, paint)}${extras.length ? `  ${extras.join(', ')}` : ''}`, '');

  report.steps.forEach((step, index) => {
    out.push(`${paint[step.status](`${SYMBOLS[step.status]} ${step.status.padEnd(7)}`)} ${index + 1}. ${c.bold(step.title)}`);
    out.push(...attestationLines(step, c));
    if (step.confidence === 'medium' && !isAttested(step)) out.push(`${indent(10)}${c.dim('(rests on medium-confidence evidence only)')}`);
    out.push(...evidenceLines(step, options.verbose, c));
  });

  if (report.services.length > 0) out.push('', c.bold('Services'), ...serviceTable(report.services, c));

  const shownFindings = report.findings.filter((f) => options.verbose || f.severity !== 'info');
  if (shownFindings.length > 0) {
    out.push('', c.bold(`Findings (${shownFindings.length})`));
    for (const finding of shownFindings) {
      const mark = finding.severity === 'error' ? c.red('error') : finding.severity === 'warning' ? c.yellow('warn ') : c.dim('info ');
      out.push(`  ${mark} ${printable(location(finding))}  ${printable(describeFinding(finding))} ${c.dim(`[${finding.code}]`)}`);
    }
  }
  const hiddenInfos = report.findings.length - shownFindings.length;
  if (hiddenInfos > 0) out.push(c.dim(`  ${hiddenInfos} informational note(s) hidden; --verbose shows them`));

  out.push('', ...nextStepLines(report, c));
  if (report.gate) {
    const verdict = report.gate.passed ? c.green('gate passed') : c.red('gate failed');
    const reasons = report.gate.failures.map((f) =>
      f.kind === 'min-steps' ? `${f.done} of ${f.needed} required steps done` : f.kind === 'require' ? `${f.step} is ${f.status}` : `${f.count} finding(s) at ${f.severity} or above`,
    );
    out.push('', `${verdict}${reasons.length ? `: ${reasons.join('; ')}` : ''}`);
  }
  if (options.githubActions) out.push('', ...githubAnnotations(report, options));
  return `${out.join('\n')}\n`;
}

const isAttested = (step: StepReport) => step.attestation !== null && !step.attestation.expired;

/** Attested by hand, expired, or with gaps ignored by the config: always said, with the reason. */
function attestationLines(step: StepReport, c: ChalkInstance): string[] {
  const lines: string[] = [];
  const attestations = [
    ...(step.attestation ? [{ what: 'step', attestation: step.attestation }] : []),
    ...step.checks.filter((check) => check.attestation).map((check) => ({ what: `check ${check.id}`, attestation: check.attestation! })),
  ];
  for (const { what, attestation } of attestations) {
    const until = attestation.expires ? ` (until ${attestation.expires})` : '';
    lines.push(
      attestation.expired
        ? `${indent(10)}${c.red(`attestation of ${what} expired on ${attestation.expires}`)}: ${printable(attestation.reason)}`
        : `${indent(10)}${c.cyan(`attested${what === 'step' ? '' : ` (${what})`}${until}`)}: ${printable(attestation.reason)}`,
    );
  }
  const ignored = step.checks.flatMap((check) => check.ignored);
  for (const item of ignored) lines.push(`${indent(10)}${c.dim('ignored ')}${c.cyan(printable(location(item)))} ${printable(describeEvidence(item))} ${c.dim(`(${printable(item.reason)})`)}`);
  return lines;
}

function progressBar(report: Report, paint: Record<StepStatus, (s: string) => string>): string {
  return `[${report.steps.map((s) => paint[s.status](s.status === 'done' ? '■' : s.status === 'partial' ? '▣' : '□')).join('')}]`;
}

function evidenceLines(step: StepReport, verbose: boolean, c: ChalkInstance): string[] {
  const missing = step.checks.flatMap((check) => check.missing);
  const found = step.checks.flatMap((check) => check.evidence);
  const items: Array<[string, EvidenceReport]> = [...missing.map((e): [string, EvidenceReport] => ['missing', e]), ...found.map((e): [string, EvidenceReport] => ['found', e])];
  const shown = verbose ? items : items.slice(0, EVIDENCE_SHOWN);
  const lines = shown.map(([kind, e]) => {
    const label = kind === 'missing' ? c.red('missing ') : e.confidence === 'weak' ? c.dim('weak    ') : '';
    return `${indent(10)}${label}${c.cyan(printable(location(e)))} ${printable(describeEvidence(e))}`;
  });
  if (shown.length < items.length) lines.push(`${indent(10)}${c.dim(`… ${items.length - shown.length} more (--verbose)`)}`);
  return lines;
}

/** Column caps keep the table readable in 80 columns; longer cells keep their informative end. */
const COLUMN_CAPS = [34, 10, 7, 28, 20];

function serviceTable(services: ServiceReport[], c: ChalkInstance): string[] {
  const rows = services.map((s) => [
    s.path + (s.confidence === 'weak' ? ' (example)' : ''),
    s.language,
    s.kind,
    [...s.dockerfiles.map((file) => relativeTo(s.path, file)), ...s.builders].join(', ') || '—',
    s.compose.join(', ') || '—',
  ].map(printable));
  const header = ['PATH', 'LANGUAGE', 'KIND', 'IMAGE BUILT FROM', 'COMPOSE'];
  const widths = header.map((h, i) => Math.min(COLUMN_CAPS[i]!, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const fit = (cell: string, width: number) => (cell.length > width ? `…${cell.slice(cell.length - width + 1)}` : cell);
  const line = (cells: string[]) => `  ${cells.map((cell, i) => (i === cells.length - 1 ? fit(cell, widths[i]!) : fit(cell, widths[i]!).padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [c.dim(line(header)), ...rows.map(line)];
}

/** A service's own files are shown relative to it (`Dockerfile`), others in full. */
function relativeTo(dir: string, file: string): string {
  return dir !== '.' && file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : file;
}

function nextStepLines(report: Report, c: ChalkInstance): string[] {
  const step = report.steps.find((s) => s.id === report.summary.nextStep);
  if (!step) {
    const next = report.checklist.next;
    return [c.green.bold('Every step is done.'), ...(next ? [wrap(next.message, 0)] : [])];
  }
  const number = report.steps.indexOf(step) + 1;
  const lines = [c.bold(`Next step: ${number}. ${step.title}`), wrap(step.why, 2), ''];
  const missing = step.checks.flatMap((check) => check.missing);
  if (missing.length > 0) {
    lines.push(`  ${c.bold('Missing')}`);
    for (const e of missing) lines.push(`    - ${c.cyan(printable(location(e)))} ${printable(describeEvidence(e))}`);
    lines.push('');
  }
  lines.push(`  ${c.bold('What to do')}`, ...step.advice.trimEnd().split('\n').map((l) => (l ? `    ${l}` : '')));
  return lines;
}

function wrap(text: string, margin: number, width = 78): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && current.length + word.length + 1 > width - margin) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.map((l) => indent(margin) + l).join('\n');
}

const indent = (n: number) => ' '.repeat(n);
