import type { Confidence, Evidence, EvidenceArgs, EvidenceCode, Facts } from '../detectors/facts.js';
import type { K8sResource, ToolFact, ToolPurpose } from '../detectors/orchestration/types.js';
import type { Finding } from '../findings/finding.js';
import { isDecisive, unreadableConfigs, type CheckOutcome } from './define.js';
import { strongestFirst } from './ci-evidence.js';

export function resourceEvidence(code: EvidenceCode, resource: K8sResource, args: EvidenceArgs = {}, line = resource.line): Evidence {
  const base: EvidenceArgs = { kind: resource.kind };
  if (resource.name) base.name = resource.name;
  if (resource.origin !== 'manifest') base.origin = resource.origin;
  return { code, path: resource.path, line, args: { ...base, ...args }, confidence: resource.confidence };
}

export function toolEvidence(code: EvidenceCode, tool: ToolFact, args: EvidenceArgs = {}): Evidence {
  const base: EvidenceArgs = { tool: tool.tool };
  if (tool.name) base.name = tool.name;
  return { code, path: tool.path, line: tool.line, args: { ...base, ...args }, confidence: tool.confidence };
}

export function toolsFor(facts: Pick<Facts, 'orchestration'>, ...purposes: ToolPurpose[]): ToolFact[] {
  return facts.orchestration.tools.filter((tool) => purposes.includes(tool.purpose));
}

/** Strongest first, and each piece once: the same tool is often seen in a config file and a script. */
export function ordered(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return strongestFirst(evidence).filter((e) => {
    const key = `${e.code}\u0000${e.path}\u0000${e.line ?? ''}\u0000${JSON.stringify(e.args)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Nothing decisive found: "could not tell" when a file that looked like a manifest did not parse, else not done. */
export function undecided(facts: Pick<Facts, 'orchestration'>, findings: readonly Finding[], evidence: Evidence[] = []): CheckOutcome {
  const broken = unreadableConfigs(findings, facts.orchestration.unparsed);
  return { status: broken.length > 0 ? 'unknown' : 'fail', evidence: ordered([...evidence, ...broken]), missing: [] };
}

/** The repository describes something for an orchestrator to run (not just tool configs). */
export function hasOrchestration(facts: Pick<Facts, 'orchestration'>): boolean {
  const o = facts.orchestration;
  return [...o.resources, ...o.charts, ...o.kustomizations, ...toolsFor(facts, 'orchestrator')].some(isDecisive);
}

export function weakest(a: Confidence, b: Confidence): Confidence {
  const order: Confidence[] = ['strong', 'medium', 'weak'];
  return order[Math.max(order.indexOf(a), order.indexOf(b))]!;
}
