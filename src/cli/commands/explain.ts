import type { Command } from 'commander';
import { writeStdout } from '../stdout.js';
import { BUILT_IN_CHECKLISTS, loadChecklist, type Checklist, type LoadedStep } from '../../checklist/load.js';
import { CHECKS, CHECKS_BY_ID } from '../../checks/registry.js';
import type { Check } from '../../checks/define.js';
import { EVIDENCE_CODES, type EvidenceCode } from '../../detectors/facts.js';
import { FINDING_CODES, type FindingCode } from '../../findings/finding.js';
import { evidenceMessage } from '../../messages/evidence.js';
import { findingMessage } from '../../messages/findings.js';
import { FINDING_HELP, PLACEHOLDER_ARGS } from '../../messages/finding-help.js';
import { printable } from '../../formatters/sanitize.js';
import { EXIT, UsageError } from '../errors.js';
import type { CommandContext } from '../command.js';
import { closest } from '../suggest.js';

/**
 * `containerize-check explain ID`: for a step, a check, a finding code or an evidence code, why it
 * matters, how it is detected, how to fix it, and examples. Texts come from the checklist YAML and
 * the check modules, never written twice.
 */
export function explain(id: string, checklistOption?: string): string {
  const checklists = checklistOption ? [loadChecklist(checklistOption)] : BUILT_IN_CHECKLISTS.map((name) => loadChecklist(name));
  const sections: string[] = [];
  for (const checklist of checklists) {
    const step = checklist.steps.find((s) => s.id === id);
    if (step) sections.push(explainStep(step, checklist));
  }
  const check = CHECKS_BY_ID.get(id);
  if (check) sections.push(explainCheck(check, checklists));
  if ((FINDING_CODES as readonly string[]).includes(id)) sections.push(explainFinding(id as FindingCode));
  if ((EVIDENCE_CODES as readonly string[]).includes(id)) sections.push(explainEvidence(id as EvidenceCode));
  if (sections.length > 0) return `${sections.join('\n\n')}\n`;

  const known = [...checklists.flatMap((c) => c.steps.map((s) => s.id)), ...CHECKS.map((c) => c.id), ...FINDING_CODES, ...EVIDENCE_CODES];
  const guess = closest(id, known);
  throw new UsageError(`explain: no step, check or code '${printable(id)}'${guess ? `; did you mean '${guess}'?` : ''} (\`containerize-check list\` shows them all)`);
}

function explainStep(step: LoadedStep, checklist: Checklist): string {
  const number = checklist.steps.indexOf(step) + 1;
  return [
    `Step ${step.id}: ${text(step.title)}`,
    `  step ${number} of ${checklist.steps.length} in checklist ${checklist.id} (${text(checklist.title)})`,
    heading('Why'),
    wrap(step.why),
    heading('How it is detected'),
    step.checks.map(({ check }) => `  ${check.id}: ${check.description}\n${wrap(check.howDetected, 4)}`).join('\n'),
    heading('How to fix'),
    block(step.advice),
    heading('Examples'),
    `  containerize-check --require ${step.id}        fail CI until this step is done`,
    '  # .containerize-check.yaml, when it is done in a way the scan cannot see:',
    `  attestations:\n    - step: ${step.id}\n      reason: "…"\n      expires: 2027-12-31`,
  ].join('\n');
}

function explainCheck(check: Check, checklists: readonly Checklist[]): string {
  const usedBy = checklists.flatMap((checklist) => checklist.steps.filter((s) => s.checks.some((c) => c.check === check)).map((step) => ({ checklist, step })));
  const lines = [
    `Check ${check.id}${check.primitive ? ' (check primitive, for checklists of your own)' : ''}`,
    `  passes when: ${check.description.replace(/^Check primitive: /, '')}`,
    heading('How it is detected'),
    wrap(check.howDetected),
  ];
  for (const { checklist, step } of usedBy) {
    lines.push(heading(`Why (step ${step.id} of ${checklist.id})`), wrap(step.why), heading('How to fix'), block(step.advice));
  }
  lines.push(heading('Examples'), block(`# in a checklist\n${check.example ?? defaultExample(check)}`));
  lines.push('', block(`# .containerize-check.yaml: accept some gaps, with a reason\nignore:\n  - check: ${check.id}\n    paths: ["legacy/**"]\n    reason: "…"`));
  return lines.join('\n');
}

function explainFinding(code: FindingCode): string {
  return [
    `Finding ${code}`,
    `  reads like: ${findingMessage(code, PLACEHOLDER_ARGS)}`,
    heading('How to fix'),
    wrap(FINDING_HELP[code]),
    heading('Examples'),
    '  containerize-check --fail-on warning     fail CI on findings like this one',
    block(`# .containerize-check.yaml: accept it where it is intended\nignore:\n  - check: ${code}\n    paths: ["examples/**"]\n    reason: "…"`),
  ].join('\n');
}

function explainEvidence(code: EvidenceCode): string {
  return [
    `Evidence ${code}`,
    `  reads like: ${evidenceMessage(code, PLACEHOLDER_ARGS)}`,
    '',
    wrap('Evidence is what a check found (or found missing), with its file and line. It decides whether a step is done; `containerize-check --verbose` lists all of it, and `--format json` gives it as code and arguments.'),
  ].join('\n');
}

function defaultExample(check: Check): string {
  const defaults = check.params.safeParse({});
  const params = defaults.success && defaults.data && typeof defaults.data === 'object' ? Object.entries(defaults.data as Record<string, unknown>) : [];
  return [`- check: ${check.id}`, ...(params.length ? ['  with:', ...params.map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`)] : [])].join('\n');
}

const heading = (title: string): string => `\n${title}`;
const text = (value: string): string => printable(value);
const block = (value: string, margin = 2): string => value.trimEnd().split(/\r?\n/).map((l) => (l ? ' '.repeat(margin) + printable(l) : '')).join('\n');

function wrap(value: string, margin = 2, width = 80): string {
  const lines: string[] = [];
  let current = '';
  for (const word of printable(value).split(/\s+/).filter(Boolean)) {
    if (current && current.length + word.length + 1 > width - margin) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.map((l) => ' '.repeat(margin) + l).join('\n');
}

export function registerExplain(program: Command, context: CommandContext): void {
  program
    .command('explain')
    .description('why a step, check or finding matters, how it is detected, how to fix it, with examples (--checklist FILE for its step ids)')
    .argument('<id>', 'a step id, check id, finding code or evidence code (see `list`)')
    // --checklist is the program's own option, read from here.
    .action((id: string, _options: unknown, command: Command) => {
      writeStdout(explain(id, command.optsWithGlobals<{ checklist?: string }>().checklist));
      context.setExitCode(EXIT.ok);
    });
}
