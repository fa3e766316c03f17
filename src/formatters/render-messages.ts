import { evidenceMessage } from '../messages/evidence.js';
import { findingMessage } from '../messages/findings.js';
import type { EvidenceReport, FindingReport } from '../report/types.js';

export function location(item: { path: string; line?: number; column?: number }): string {
  if (item.line === undefined) return item.path;
  return item.column === undefined ? `${item.path}:${item.line}` : `${item.path}:${item.line}:${item.column}`;
}

export const describeEvidence = (evidence: EvidenceReport): string => evidenceMessage(evidence.code, evidence.args);
export const describeFinding = (finding: FindingReport): string => findingMessage(finding.code, finding.args);
