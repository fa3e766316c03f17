import { lazy } from '../lazy.js';
import picomatch from 'picomatch';
import { z } from 'zod';
import type { Evidence } from '../detectors/facts.js';
import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';

/** Evidence items listed per check, so a glob matching thousands of files keeps reports small. */
export const MAX_LISTED = 20;

const glob = lazy(() =>
  z
    .string()
    .min(1)
    .refine((g) => !g.startsWith('/') && !g.split('/').includes('..'), 'must be relative to the repository root, like "**/Dockerfile"'),
);

/** `glob: x` or `globs: [x, y]`, matched against repository-relative paths (`*.md` is the root only). */
export const globParams = lazy(() => ({ glob: glob().optional(), globs: z.array(glob()).min(1).optional() }));

export function exactlyOneGlob(params: { glob?: string; globs?: string[] }): boolean {
  return (params.glob === undefined) !== (params.globs === undefined);
}
export const ONE_GLOB = { message: 'give either glob or globs', path: ['glob'] };

/** `any`: one file (or service) passing is enough; `every`: all of them must pass. */
export const scopeParam = lazy(() => z.enum(['any', 'every']));

export function globsOf(params: { glob?: string; globs?: string[] }): string[] {
  return params.glob !== undefined ? [params.glob] : (params.globs ?? []);
}

/** Files of the snapshot matching any of the globs, in path order (none without a snapshot). */
export function filesMatching(snapshot: RepoSnapshot | undefined, globs: readonly string[]): string[] {
  const matches = picomatch([...globs], { dot: true });
  return (snapshot?.files ?? []).filter((file) => matches(file));
}

/** The stand-in for "no file matched": located at the root, since no file is there to point at. */
export function noFileMatched(globs: readonly string[], extra: Evidence['args'] = {}): Evidence {
  return { code: 'file-missing', path: '.', args: { glob: globs.join(', '), ...extra }, confidence: 'strong' };
}

/** A file the check wanted but could not read or parse: "could not tell" for that file. */
export function notUnderstood(path: string, why: string, line?: number): Evidence {
  return { code: 'config-not-understood', path, line, args: { finding: why }, confidence: 'strong' };
}

/**
 * The outcome of a per-file (or per-service) test under `any`/`every`: every item passing is a pass,
 * some is partial under `every`, none is a fail — or "could not tell" when only unreadable files failed.
 */
export function scopedStatus(scope: 'any' | 'every', passed: number, failed: number, unreadable: number): 'pass' | 'partial' | 'fail' | 'unknown' {
  if (passed > 0 && (scope === 'any' || failed + unreadable === 0)) return 'pass';
  if (passed > 0) return 'partial';
  return unreadable > 0 && failed === 0 ? 'unknown' : 'fail';
}
