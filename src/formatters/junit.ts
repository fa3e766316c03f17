import type { CheckReport, EvidenceReport, Report, StepReport } from '../report/types.js';
import { describeEvidence, describeFinding, location } from './render-messages.js';

/**
 * JUnit XML, the format every CI can show natively: a <testsuite> per step holding a <testcase>
 * for the step and one per check, then a suite for the findings. `todo` and `partial` are
 * failures; `unknown` ("could not tell": a deciding file did not parse) is an error, because the
 * test could not run — not skipped, which CIs show as harmless.
 */
type Outcome = { kind: 'pass' } | { kind: 'failure' | 'error'; type: string; message: string; details: string };

interface TestCase {
  classname: string;
  name: string;
  outcome: Outcome;
  out?: string;
}

export function formatJunit(report: Report): string {
  const prefix = `${report.tool.name}.${report.checklist.id}`;
  const suites = report.steps.map((step, index) => ({
    name: `${index + 1}. ${step.title}`,
    cases: [stepCase(step, `${prefix}.${step.id}`), ...step.checks.map((check) => checkCase(check, `${prefix}.${step.id}`, step.status === 'done'))],
  }));
  const findings = report.findings.filter((f) => f.severity !== 'info');
  if (findings.length > 0) {
    suites.push({
      name: 'Findings',
      cases: findings.map((f) => ({
        classname: `${prefix}.findings`,
        name: `${f.code} ${location(f)}`,
        outcome: { kind: 'failure', type: f.severity, message: describeFinding(f), details: `${location(f)}: ${describeFinding(f)} [${f.code}]` },
      })),
    });
  }
  const count = (cases: TestCase[], kind: Outcome['kind']) => cases.filter((c) => c.outcome.kind === kind).length;
  const all = suites.flatMap((s) => s.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(`${report.tool.name}: ${report.checklist.title}`)}" tests="${all.length}" failures="${count(all, 'failure')}" errors="${count(all, 'error')}" skipped="0">`,
  ];
  for (const suite of suites) {
    lines.push(`  <testsuite name="${attr(suite.name)}" tests="${suite.cases.length}" failures="${count(suite.cases, 'failure')}" errors="${count(suite.cases, 'error')}" skipped="0">`);
    for (const test of suite.cases) lines.push(...testCaseXml(test));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function stepCase(step: StepReport, classname: string): TestCase {
  const name = `step ${step.id}: ${step.title}`;
  const out = step.attestation ? `attested: ${step.attestation.reason}${step.attestation.expired ? ` (expired ${step.attestation.expires})` : ''}` : undefined;
  if (step.status === 'done') return { classname, name, outcome: { kind: 'pass' }, out };
  const gaps = step.checks.flatMap((c) => c.missing).map(line);
  const details = [step.why, ...(gaps.length ? ['', 'Missing:', ...gaps] : []), '', 'What to do:', step.advice.trimEnd()].join('\n');
  const kind = step.status === 'unknown' ? 'error' : 'failure';
  return { classname, name, outcome: { kind, type: step.status, message: `${step.title}: ${step.status === 'unknown' ? 'could not tell' : step.status}`, details }, out };
}

/** In a step that is done (by attestation, when its checks are not all passing), a check does not fail the build. */
function checkCase(check: CheckReport, classname: string, stepDone: boolean): TestCase {
  const name = `check ${check.id}`;
  const out = [...check.evidence.map(line), ...check.missing.map((e) => `missing ${line(e)}`), ...check.ignored.map((e) => `${line(e)} (ignored: ${e.reason})`)].join('\n') || undefined;
  if (check.status === 'pass' || stepDone) return { classname, name, outcome: { kind: 'pass' }, out };
  const kind = check.status === 'unknown' ? 'error' : 'failure';
  const details = check.missing.map(line).join('\n') || check.evidence.map(line).join('\n');
  return { classname, name, outcome: { kind, type: check.status, message: `${check.id}: ${check.status}`, details }, out };
}

function testCaseXml(test: TestCase): string[] {
  const open = `    <testcase classname="${attr(test.classname)}" name="${attr(test.name)}" time="0"`;
  const body: string[] = [];
  if (test.outcome.kind !== 'pass') {
    const { kind, type, message, details } = test.outcome;
    body.push(`      <${kind} type="${attr(type)}" message="${attr(message)}">${text(details)}</${kind}>`);
  }
  if (test.out) body.push(`      <system-out>${text(test.out)}</system-out>`);
  return body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, '    </testcase>'];
}

const line = (e: EvidenceReport): string => `${location(e)}: ${describeEvidence(e)}`;

/**
 * XML 1.0 allows tab, LF, CR and most of Unicode (https://www.w3.org/TR/xml/#charsets); anything
 * else (other control characters, lone surrogates, U+FFFE/U+FFFF) cannot appear even escaped, so it
 * is written as a visible \uXXXX.
 */
function clean(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function text(value: string): string {
  return clean(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and newlines and tabs, which attribute normalization would turn into spaces. */
function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
