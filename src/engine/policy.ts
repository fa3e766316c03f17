import picomatch from 'picomatch';
import type { Attestation, IgnoreRule } from '../config/schema.js';
import type { CheckOutcome } from '../checks/define.js';
import type { Finding } from '../findings/finding.js';
import type { AttestationReport, EvidenceReport, IgnoredEvidenceReport, IgnoredFindingReport } from '../report/types.js';

/** What a team's config says about this run: attestations and ignores, each with a reason. */
export interface Policy {
  attestations: readonly Attestation[];
  ignore: readonly IgnoreRule[];
  /** YYYY-MM-DD; attestations expiring before it stop counting. */
  today: string;
}

export const NO_POLICY: Policy = { attestations: [], ignore: [], today: '9999-12-31' };

export function attestationFor(policy: Policy, target: { step: string } | { check: string }): AttestationReport | null {
  const match = policy.attestations.find((a) => ('step' in target ? a.step === target.step : a.check === target.check));
  if (!match) return null;
  const expires = match.expires ?? null;
  return { reason: match.reason, expires, expired: expires !== null && expires < policy.today };
}

function pathMatcher(rule: IgnoreRule): (path: string) => boolean {
  return rule.paths ? picomatch(rule.paths, { dot: true }) : () => true;
}

/** Missing items covered by an ignore rule move aside with its reason; a partial check whose gaps are all ignored passes. */
export function applyIgnores(checkId: string, outcome: CheckOutcome, policy: Policy): CheckOutcome & { ignored: IgnoredEvidenceReport[] } {
  const rules = policy.ignore.filter((rule) => rule.check === checkId).map((rule) => ({ rule, matches: pathMatcher(rule) }));
  if (rules.length === 0) return { ...outcome, ignored: [] };
  const missing: EvidenceReport[] = [];
  const ignored: IgnoredEvidenceReport[] = [];
  for (const item of outcome.missing) {
    const covering = rules.find(({ matches }) => matches(item.path));
    if (covering) ignored.push({ ...item, reason: covering.rule.reason });
    else missing.push(item);
  }
  const status = outcome.status === 'partial' && missing.length === 0 && ignored.length > 0 ? 'pass' : outcome.status;
  return { ...outcome, status, missing, ignored };
}

export function partitionFindings(findings: readonly Finding[], policy: Policy): { kept: Finding[]; ignored: IgnoredFindingReport[] } {
  const rules = policy.ignore.map((rule) => ({ rule, matches: pathMatcher(rule) }));
  const kept: Finding[] = [];
  const ignored: IgnoredFindingReport[] = [];
  for (const finding of findings) {
    const covering = rules.find(({ rule, matches }) => rule.check === finding.code && matches(finding.path));
    if (covering) ignored.push({ ...finding, reason: covering.rule.reason });
    else kept.push(finding);
  }
  return { kept, ignored };
}
