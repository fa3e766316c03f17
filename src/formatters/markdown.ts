import type { CheckReport, EvidenceReport, Report, StepReport, StepStatus } from '../report/types.js';
import { describeEvidence, describeFinding, location } from './render-messages.js';
import { printable } from './sanitize.js';

/**
 * GitHub-flavoured Markdown for `$GITHUB_STEP_SUMMARY` and pull-request comments. Everything that
 * comes from the repository goes through `inline` or `code`, so a file name cannot open a tag, end
 * a table cell or start a heading.
 */
const STATUS = { done: '✅ done', partial: '🟡 partial', todo: '❌ todo', unknown: '❔ could not tell' } satisfies Record<StepStatus, string>;
const BAR = { done: '■', partial: '▣', todo: '□', unknown: '□' } satisfies Record<StepStatus, string>;

export function formatMarkdown(report: Report): string {
  const { summary } = report;
  const out: string[] = [];
  out.push(`## ${inline(report.root.name)}: ${summary.done}/${summary.total} steps done`, '');
  const extras = [summary.partial && `${summary.partial} partial`, summary.unknown && `${summary.unknown} could not tell`].filter(Boolean);
  out.push(`${report.steps.map((s) => BAR[s.status]).join('')} **${summary.done}/${summary.total}** · ${inline(report.checklist.title)}${extras.length ? ` · ${extras.join(', ')}` : ''}`, '');

  out.push('| # | Step | Status | Evidence |', '|---|------|--------|----------|');
  report.steps.forEach((step, index) => {
    const status = step.attestation && !step.attestation.expired ? `${STATUS.done} (attested)` : STATUS[step.status];
    out.push(row([String(index + 1), `${inline(step.title)} ${code(step.id)}`, status, evidenceCell(step)]));
  });
  out.push('', ...nextStep(report));

  if (report.services.length > 0) {
    out.push('', '### Services', '', '| Path | Language | Kind | Image built from | Compose |', '|------|----------|------|------------------|---------|');
    for (const s of report.services) {
      const built = [...s.dockerfiles.map(code), ...s.builders.map(inline)].join(', ') || '—';
      out.push(row([`${code(s.path)}${s.confidence === 'weak' ? ' (example)' : ''}`, s.language, s.kind, built, s.compose.map(inline).join(', ') || '—']));
    }
  }
  const findings = report.findings.filter((f) => f.severity !== 'info');
  if (findings.length > 0) {
    out.push('', `<details><summary>Findings (${findings.length})</summary>`, '', '| Severity | Where | Finding | Code |', '|----------|-------|---------|------|');
    for (const f of findings) out.push(row([f.severity, code(location(f)), inline(describeFinding(f)), code(f.code)]));
    out.push('', '</details>');
  }
  if (report.gate) out.push('', gateLine(report));
  out.push('', `<sub>${inline(report.tool.name)} ${inline(report.tool.version)} · checklist ${code(report.checklist.id)}</sub>`);
  return `${out.join('\n')}\n`;
}

function evidenceCell(step: StepReport): string {
  if (step.attestation) return `attested: ${inline(step.attestation.reason)}${step.attestation.expired ? ` (expired ${inline(step.attestation.expires ?? '')})` : ''}`;
  const missing = step.checks.flatMap((c) => c.missing);
  const found = step.checks.flatMap((c) => c.evidence);
  const shown = [...missing.slice(0, 2).map((e) => `missing: ${item(e)}`), ...found.slice(0, missing.length > 0 ? 1 : 2).map(item)];
  const more = missing.length + found.length - shown.length;
  return [...shown, ...(more > 0 ? [`… ${more} more`] : [])].join('<br>') || '—';
}

function nextStep(report: Report): string[] {
  const step = report.steps.find((s) => s.id === report.summary.nextStep);
  if (!step) {
    const next = report.checklist.next;
    return ['### Every step is done', ...(next ? ['', inline(next.message)] : [])];
  }
  const lines = [`### Next step: ${report.steps.indexOf(step) + 1}. ${inline(step.title)}`, '', inline(step.why)];
  const missing = step.checks.flatMap((c: CheckReport) => c.missing);
  if (missing.length > 0) lines.push('', '**Missing**', '', ...missing.map((e) => `- ${item(e)}`));
  // Advice is the checklist's own Markdown (code blocks included): trusted text, passed through.
  lines.push('', '**What to do**', '', step.advice.trimEnd());
  return lines;
}

function gateLine(report: Report): string {
  const gate = report.gate!;
  const reasons = gate.failures.map((f) =>
    f.kind === 'min-steps' ? `${f.done} of ${f.needed} required steps done` : f.kind === 'require' ? `${code(f.step)} is ${f.status}` : `${f.count} finding(s) at ${f.severity} or above`,
  );
  return gate.passed ? '**Gate passed** ✅' : `**Gate failed** ❌: ${reasons.join('; ')}`;
}

function item(evidence: EvidenceReport): string {
  return `${code(location(evidence))} ${inline(describeEvidence(evidence))}`;
}

function row(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}

/** Text as Markdown inline content: punctuation that Markdown or HTML would act on is escaped (pipes: by `row`). */
export function inline(text: string): string {
  return printable(text).replace(/[\\`*_[\]<>#!~&]/g, (char) => `\\${char}`);
}

/** A code span whose fence is longer than any run of backticks inside (CommonMark 6.1). */
export function code(text: string): string {
  const content = printable(text);
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}
