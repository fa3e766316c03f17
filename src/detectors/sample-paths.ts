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

export function isSampleDirectory(dir: string, { docs }: SampleOptions): boolean {
  if (dir === '.' || dir === '') return false;
  return dir.split('/').some((segment) => SAMPLE_SEGMENT.test(segment) || (docs && DOCS_SEGMENT.test(segment)));
}

export function confidenceOfDirectory(dir: string, options: SampleOptions = { docs: true }): Confidence {
  return isSampleDirectory(dir, options) ? 'weak' : 'strong';
}

/** Confidence of a file by the directory it sits in. */
export function confidenceOfFile(path: string, options: SampleOptions = { docs: true }): Confidence {
  return confidenceOfDirectory(dirOf(path), options);
}
