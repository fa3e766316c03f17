import type { Confidence } from './facts.js';
import { dirOf } from '../snapshot/paths.js';

/**
 * Teaching material, test data and vendored code: what lives here is listed with weak confidence
 * and never decides a step, or a repository's own test fixtures would mark it containerized.
 */
const SAMPLE_SEGMENT = /^(?:examples?|_examples|samples?|demos?|testdata|test-data|fixtures?|__fixtures__|__tests__|tests?|third[_-]party)$/i;
/** Docs hold sample services too, but also the dev guides that step 4 looks for. */
const DOCS_SEGMENT = /^docs?$/i;

export interface SampleOptions {
  /** Count `docs/` as sample material (true for services and manifests, false for dev guides). */
  docs: boolean;
}

/**
 * Answers per directory, remembered: detectors ask for nearly every file of a tree, and a large
 * monorepo has far fewer directories than files. Bounded so a long-lived process cannot grow it forever.
 */
const MAX_REMEMBERED = 20_000;
const remembered = { docs: new Map<string, boolean>(), noDocs: new Map<string, boolean>() };

export function isSampleDirectory(dir: string, { docs }: SampleOptions): boolean {
  if (dir === '.' || dir === '') return false;
  const cache = docs ? remembered.docs : remembered.noDocs;
  let sample = cache.get(dir);
  if (sample === undefined) {
    sample = dir.split('/').some((segment) => SAMPLE_SEGMENT.test(segment) || (docs && DOCS_SEGMENT.test(segment)));
    if (cache.size >= MAX_REMEMBERED) cache.clear();
    cache.set(dir, sample);
  }
  return sample;
}

export function confidenceOfDirectory(dir: string, options: SampleOptions = { docs: true }): Confidence {
  return isSampleDirectory(dir, options) ? 'weak' : 'strong';
}

/** Confidence of a file by the directory it sits in. */
export function confidenceOfFile(path: string, options: SampleOptions = { docs: true }): Confidence {
  return confidenceOfDirectory(dirOf(path), options);
}
