import { compileGlob } from '../../parsers/glob.js';
import { unionSorted } from '../../snapshot/paths.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';

/**
 * The paths among `candidates` that `pattern` matches, sorted and each once. A provider takes its
 * candidates from the snapshot's index (files with a name, files in or under a directory): a few
 * dozen paths rather than every file of a monorepo. Its full-path pattern still decides.
 */
export function matching(pattern: RegExp, ...candidates: ReadonlyArray<readonly string[]>): string[] {
  return unionSorted(...candidates).filter((path) => pattern.test(path));
}

/**
 * Files a glob matches (picomatch, dotfiles included), sorted. A glob whose last segment is a plain
 * name (`**\/Dockerfile`, Azure's default) can only match files of that name: only those are tested.
 */
export function filesMatchingGlob(snapshot: RepoSnapshot, glob: string): string[] {
  const matches = compileGlob(glob, { dot: true });
  const name = glob.slice(glob.lastIndexOf('/') + 1);
  const candidates = /^[\w.-]+$/.test(name) && !glob.startsWith('!') ? snapshot.filesNamed(name) : snapshot.filesUnder('.');
  return candidates.filter((path) => matches(path));
}
