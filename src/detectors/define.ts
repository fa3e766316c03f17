import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';
import type { Finding } from '../findings/finding.js';
import type { FactKey, Facts } from './facts.js';

/** What the team's config says about the repository's layout; detectors treat it as data. */
export interface DetectorOptions {
  /** Directories (globs) that are services even though nothing marks them as such. */
  includeServices?: readonly string[];
  /** Directories (globs) that are not services: tools, scripts, internal packages. */
  excludeServices?: readonly string[];
}

export interface DetectorContext {
  readonly snapshot: RepoSnapshot;
  readonly options: DetectorOptions;
  /** Facts of detectors that run earlier in the registry; asking for a later one is a bug. */
  fact<K extends FactKey>(key: K): Facts[K];
  /**
   * Whether a check of this run reads the fact (Check.reads), or the caller wants every fact. A
   * detector may leave out work that only fills a fact nobody reads and no later detector asks for;
   * never work that reports findings, which the report shows whatever the checklist.
   */
  wanted(key: FactKey): boolean;
  report(finding: Finding): void;
}

export interface Detector<K extends FactKey = FactKey> {
  /** The fact it fills; kebab-case file name matches. */
  id: K;
  /** Files it reads, as globs: documentation for users and for `explain`, not used to filter. */
  files: readonly string[];
  detect(context: DetectorContext): Facts[K];
}

/** Typed identity helper, so each detector file is checked against its fact's type. */
export function defineDetector<K extends FactKey>(detector: Detector<K>): Detector<K> {
  return detector;
}
