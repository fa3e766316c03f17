import { lazy } from '../lazy.js';
import type { z } from 'zod';
import type { Evidence, FactKey, Facts } from '../detectors/facts.js';
import type { Finding } from '../findings/finding.js';
import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';

/**
 * `unknown` is "could not tell" (the file that decides it did not parse): its own outcome,
 * never silently a failure.
 */
export type CheckStatus = 'pass' | 'partial' | 'fail' | 'unknown';

export interface CheckInput<R extends FactKey = FactKey> {
  /** Only the facts the check lists in `reads`, as far as the compiler lets it see. */
  facts: Pick<Facts, R>;
  findings: readonly Finding[];
  /**
   * The read-only repository, for the check primitives a checklist uses without code (file
   * exists, file contains, YAML path…); built-in checks read facts only. The engine always passes
   * it; unit tests that build facts by hand may leave it out, and primitives then see no files.
   */
  snapshot?: RepoSnapshot;
}

export interface CheckOutcome {
  status: CheckStatus;
  /** What was found, strongest first. */
  evidence: Evidence[];
  /** What is missing, with the path it concerns (a service without a Dockerfile…). */
  missing: Evidence[];
}

export interface Check<P extends z.ZodType = z.ZodType> {
  /** kebab-case, matches the file name and the `check:` key in checklist YAML. */
  id: string;
  /** One line for `list` and docs: what passing means. */
  description: string;
  /** For `explain`: which files and signals decide it, in a sentence or two. */
  howDetected: string;
  /** For `explain`: how a checklist uses it (YAML); by default `- check: <id>` with its defaults. */
  example?: string;
  /** A building block for checklists of your own (README "Check primitives"), not used by a built-in one. */
  primitive?: boolean;
  /** Parameters accepted under `with:` in a checklist; validated when the checklist loads. */
  params: P;
  /**
   * The facts `run` reads. A run gathers only the facts the checks of its checklist read: the
   * orchestration facts alone cost a tenth of a big repository's scan (see DetectorContext.wanted).
   */
  reads: readonly FactKey[];
  run(input: CheckInput, params: z.output<P>): CheckOutcome;
}

/**
 * What a check file writes: the parameter schema as a function, built on first use, and `run`
 * typed to see only the facts listed in `reads`, so that the list cannot fall behind the code.
 */
export interface CheckDefinition<P extends z.ZodType, R extends FactKey> extends Omit<Check<P>, 'params' | 'reads' | 'run'> {
  params: () => P;
  reads: readonly R[];
  run(input: CheckInput<R>, params: z.output<P>): CheckOutcome;
}

/**
 * Typed helper: each check file is checked against its own parameter schema. The schema is built
 * when first asked for, not when the module loads: every check is loaded at each start, and a run
 * uses only the checks of its checklist.
 */
export function defineCheck<P extends z.ZodType, const R extends FactKey = never>(definition: CheckDefinition<P, R>): Check<P> {
  const params = lazy(definition.params);
  return Object.defineProperty({ ...definition }, 'params', { get: params, enumerable: true }) as unknown as Check<P>;
}

/** Evidence at or above medium confidence decides; weak evidence is shown but never passes a check. */
export function isDecisive(evidence: { confidence: Evidence['confidence'] }): boolean {
  return evidence.confidence !== 'weak';
}

/** Config files among `paths` that failed to parse, as evidence for an `unknown` outcome. */
export function unreadableConfigs(findings: readonly Finding[], paths: Iterable<string>): Evidence[] {
  const wanted = new Set(paths);
  return findings
    .filter((f) => wanted.has(f.path) && f.severity === 'error')
    .map((f) => ({ code: 'config-not-understood', path: f.path, line: f.line, args: { finding: f.code }, confidence: 'strong' }));
}
