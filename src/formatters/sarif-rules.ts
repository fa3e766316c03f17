import { CHECKS_BY_ID } from '../checks/registry.js';
import { FINDING_CODES, type FindingCode } from '../findings/finding.js';
import { FINDING_HELP, PLACEHOLDER_ARGS } from '../messages/finding-help.js';
import { findingMessage } from '../messages/findings.js';
import type { Report, StepReport } from '../report/types.js';

/** A SARIF `reportingDescriptor` (https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/sarif-v2.1.0-errata01-os-complete.html#_Toc141790836). */
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { tags: string[] };
}

/** One rule per check of the checklist (help: the step's why and advice), then one per finding code. */
export function sarifRules(report: Report): SarifRule[] {
  const stepOf = new Map<string, StepReport>();
  for (const step of report.steps) for (const check of step.checks) if (!stepOf.has(check.id)) stepOf.set(check.id, step);
  const checkRules = [...stepOf].map(([id, step]) => checkRule(id, step, report.checklist.id));
  return [...checkRules, ...FINDING_CODES.map(findingRule)];
}

function checkRule(id: string, step: StepReport, checklistId: string): SarifRule {
  const check = CHECKS_BY_ID.get(id);
  const description = check?.description ?? step.title;
  const how = check?.howDetected ?? '';
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: description },
    fullDescription: { text: `${step.title}: ${step.why}` },
    help: {
      text: [`Step: ${step.title}`, step.why, how && `How it is detected: ${how}`, `What to do:\n${step.advice.trimEnd()}`].filter(Boolean).join('\n\n'),
      markdown: [`**Step: ${step.title}**`, step.why, how && `**How it is detected.** ${how}`, `**What to do.**\n\n${step.advice.trimEnd()}`].filter(Boolean).join('\n\n'),
    },
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['containers', `checklist/${checklistId}`, `step/${step.id}`] },
  };
}

function findingRule(code: FindingCode): SarifRule {
  const template = findingMessage(code, PLACEHOLDER_ARGS);
  return {
    id: code,
    name: pascalCase(code),
    shortDescription: { text: capitalize(template) },
    fullDescription: { text: capitalize(template) },
    help: { text: FINDING_HELP[code], markdown: FINDING_HELP[code] },
    defaultConfiguration: { level: code.startsWith('file-') || code === 'scan-skipped' ? 'note' : 'warning' },
    properties: { tags: ['containers', 'finding'] },
  };
}

function pascalCase(id: string): string {
  return id.split('-').map(capitalize).join('');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
