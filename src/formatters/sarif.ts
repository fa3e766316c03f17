import { nodeCrypto } from '../node-builtins.js';
import { terminalSafeJson } from './json.js';
import { CHECKS_BY_ID } from '../checks/registry.js';
import { CONFIG_FILE_NAMES } from '../config/load.js';
import type { CheckReport, EvidenceReport, FindingReport, Report, StepReport } from '../report/types.js';
import { describeEvidence, describeFinding } from './render-messages.js';
import { sarifRules } from './sarif-rules.js';

/**
 * SARIF 2.1.0 as GitHub code scanning reads it
 * (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
 * a rule per check and per finding code, a result per gap and per finding, each with a file in the
 * repository, and partial fingerprints that survive edits.
 */
type Level = 'error' | 'warning' | 'note';

interface SarifResult {
  ruleId: string;
  level: Level;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' }; region: { startLine: number; startColumn?: number } } }>;
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{ kind: 'external'; status: 'accepted'; justification: string }>;
  properties?: Record<string, string>;
}

const FINGERPRINT = 'containerizeCheck/v1';
const INFORMATION_URI = 'https://www.npmjs.com/package/containerize-check';

export function formatSarif(report: Report): string {
  const results = new ResultList();
  const required = new Set(report.gate?.require ?? []);
  report.steps.forEach((step, index) => {
    // An attested step is done by the team's word: its checks raise no alerts.
    if (step.attestation && !step.attestation.expired) return;
    for (const check of step.checks) {
      // A gap in a step the gate requires is an error; elsewhere a gap is a warning, "could not tell" a note.
      const level: Level = required.has(step.id) ? 'error' : check.status === 'unknown' ? 'note' : 'warning';
      const title = `${index + 1}. ${step.title}`;
      const anchor = anchorFor(report, step, check);
      // Gaps an ignore rule covers stay visible, as suppressed results with the reason.
      for (const item of check.ignored) {
        results.add(check.id, level, `${title}: ${describeEvidence(item)}`, place(item, anchor), `${step.id}|${key(item)}`, item.reason);
      }
      if (check.status === 'pass') continue;
      for (const item of check.missing) results.add(check.id, level, `${title}: ${describeEvidence(item)}`, place(item, anchor), `${step.id}|${key(item)}`);
      if (check.missing.length === 0) {
        const reason = check.status === 'unknown' ? 'could not tell' : check.status === 'partial' ? 'partly done' : 'not done';
        const where = check.evidence.find((e) => e.code === 'config-not-understood') ?? { path: anchor, line: 1 };
        results.add(check.id, level, `${title}: ${reason}: ${CHECKS_BY_ID.get(check.id)?.description ?? check.id}`, place(where, anchor), step.id);
      }
    }
  });
  const fallback = anchorFor(report);
  for (const finding of report.findings) results.add(finding.code, levelOf(finding), describeFinding(finding), place(finding, fallback), key(finding));
  for (const finding of report.ignoredFindings) results.add(finding.code, levelOf(finding), describeFinding(finding), place(finding, fallback), key(finding), finding.reason);

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, informationUri: INFORMATION_URI, rules: sarifRules(report) } },
        automationDetails: { id: `${report.tool.name}/${report.checklist.id}/` },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root of the scanned repository.' } } },
        columnKind: 'utf16CodeUnits',
        results: results.items,
        properties: { checklist: report.checklist.id, done: report.summary.done, total: report.summary.total },
      },
    ],
  };
  return terminalSafeJson(log);
}

class ResultList {
  readonly items: SarifResult[] = [];
  private readonly seen = new Map<string, number>();

  add(ruleId: string, level: Level, text: string, at: { path: string; line: number; column?: number }, stableKey: string, suppressedBecause?: string): void {
    const uri = encodePath(at.path);
    // Line numbers stay out of the fingerprint so an edit above the line keeps the alert; identical keys get a counter.
    const base = `${ruleId}\u0000${uri}\u0000${stableKey}`;
    const occurrence = this.seen.get(base) ?? 0;
    this.seen.set(base, occurrence + 1);
    const hash = nodeCrypto().createHash('sha256').update(occurrence === 0 ? base : `${base}\u0000${occurrence}`).digest('hex').slice(0, 32);
    const region = at.column === undefined ? { startLine: at.line } : { startLine: at.line, startColumn: at.column };
    const result: SarifResult = {
      ruleId,
      level,
      message: { text },
      locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region } }],
      partialFingerprints: { [FINGERPRINT]: hash },
    };
    if (suppressedBecause !== undefined) result.suppressions = [{ kind: 'external', status: 'accepted', justification: suppressedBecause }];
    this.items.push(result);
  }
}

function levelOf(finding: FindingReport): Level {
  return finding.severity === 'info' ? 'note' : finding.severity;
}

function place(item: { path: string; line?: number; column?: number }, anchor: string): { path: string; line: number; column?: number } {
  if (!isFile(item.path)) return { path: anchor, line: 1 };
  return { path: item.path, line: item.line ?? 1, column: item.column };
}

function key(item: EvidenceReport | FindingReport): string {
  const args = Object.keys(item.args).sort().map((k) => [k, item.args[k]]);
  return `${item.code}|${JSON.stringify(args)}`;
}

const isFile = (path: string): boolean => path !== '' && path !== '.';

/**
 * GitHub shows a result only at a file of the repository, so a gap that is about something missing
 * (no Compose file, nothing collects metrics) is anchored at the nearest file that exists: the
 * check's own evidence, then the step's, then the first service's manifest, the config file, any
 * file the report names, and README.md as the last resort. The checklist file is not used: it
 * usually lives outside the repository (a built-in one always does).
 */
export function anchorFor(report: Report, step?: StepReport, check?: CheckReport): string {
  const paths = (checks: readonly CheckReport[]) => checks.flatMap((c) => [...c.evidence, ...c.missing, ...c.ignored]).map((e) => e.path);
  // Only a config found in the root is known to be a repository path; --config FILE may be anywhere.
  const config = report.config?.split('#')[0];
  const inRoot = config !== undefined && (config === 'package.json' || (CONFIG_FILE_NAMES as readonly string[]).includes(config));
  const candidates = [
    ...(check ? paths([check]) : []),
    ...(step ? paths(step.checks) : []),
    ...report.services.filter((s) => s.confidence !== 'weak').map((s) => s.manifest),
    ...(inRoot ? [config] : []),
    ...paths(report.steps.flatMap((s) => s.checks)),
    ...report.findings.map((f) => f.path),
  ];
  return candidates.find(isFile) ?? 'README.md';
}

/** Repository paths as relative URI references: each segment percent-encoded, slashes kept. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
