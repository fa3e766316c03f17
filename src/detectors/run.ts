import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';
import type { Finding } from '../findings/finding.js';
import type { Detector, DetectorContext, DetectorOptions } from './define.js';
import type { FactKey, Facts } from './facts.js';
import { DETECTORS } from './registry.js';
import { emptyOrchestrationFacts } from './orchestration/types.js';
import { timed, type Timings } from '../timings.js';

/** What a repository with no matching files yields, so a detector left out of a run reads as "nothing found". */
export function emptyFacts(): Facts {
  return { compose: [], ci: { configs: [], jobs: [] }, dockerfiles: [], imageBuilders: [], services: [], devEnvironment: [], orchestration: emptyOrchestrationFacts() };
}

export interface DetectionResult {
  facts: Facts;
  findings: Finding[];
}

/**
 * Runs detectors in registry order; each sees the facts of those before it. `wanted` lists the
 * facts the caller reads (all by default): a detector may then skip work for the others.
 * `timings`, when given, gets the time of each detector.
 */
export function runDetectors(
  snapshot: RepoSnapshot,
  detectors: readonly Detector[] = DETECTORS,
  options: DetectorOptions = {},
  wanted?: ReadonlySet<FactKey>,
  timings?: Timings,
): DetectionResult {
  const facts = emptyFacts();
  const done = new Set<FactKey>();
  const findings: Finding[] = [];
  const context: DetectorContext = {
    snapshot,
    options,
    fact(key) {
      if (!done.has(key) && detectors.some((d) => d.id === key)) {
        throw new Error(`detector order: '${key}' is asked for before it ran`);
      }
      return facts[key];
    },
    report(finding) {
      findings.push(finding);
    },
    wanted(key) {
      return wanted === undefined || wanted.has(key);
    },
  };
  for (const detector of detectors) {
    (facts as unknown as Record<FactKey, unknown>)[detector.id] = timed(timings, `detector ${detector.id}`, () => detector.detect(context));
    done.add(detector.id);
  }
  findings.push(...snapshot.readFindings(), ...scanNoteFindings(snapshot));
  return { facts, findings };
}

function scanNoteFindings(snapshot: RepoSnapshot): Finding[] {
  return snapshot.notes.map((note) => ({
    code: 'scan-skipped',
    severity: 'info',
    path: note.path,
    args: { reason: note.reason },
  }));
}
