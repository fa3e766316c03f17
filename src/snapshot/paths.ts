import { posix } from 'node:path';

/** Directory of a repo-relative path; `.` for files at the root. */
export function dirOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === '' ? '.' : dir;
}

/** Called for nearly every file by several detectors, hence the slice rather than posix.basename. */
export function baseName(path: string): string {
  return path.endsWith('/') ? posix.basename(path) : path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Resolves `relative` (as written in a config file in `fromDir`) to a repo-relative path.
 * Returns undefined for absolute paths, URLs and paths that leave the repository.
 */
export function resolveInRepo(fromDir: string, relative: string): string | undefined {
  const cleaned = relative.trim();
  if (cleaned === '') return fromDir;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(cleaned) || cleaned.startsWith('/') || cleaned.includes('${')) return undefined;
  const joined = posix.normalize(posix.join(fromDir === '.' ? '' : fromDir, cleaned));
  if (joined === '..' || joined.startsWith('../')) return undefined;
  const trimmed = joined.replace(/\/+$/, '');
  return trimmed === '' || trimmed === '.' ? '.' : trimmed;
}

/** True when `path` is `dir` or lies beneath it. */
export function isWithin(path: string, dir: string): boolean {
  return dir === '.' || path === dir || path.startsWith(`${dir}/`);
}

/** Index of the first entry of `sorted` (code-unit order) not below `value`: a binary search. */
export function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether `sorted` (code-unit order) holds `value`, without a Set. */
export function sortedIncludes(sorted: readonly string[], value: string): boolean {
  return sorted[lowerBound(sorted, value)] === value;
}

/**
 * The paths of `sorted` (code-unit order) strictly under `dir` ('.' is the root): they run from
 * `dir/` up to, not including, `dir0`, '0' being the code unit after '/'.
 */
export function pathsUnder(sorted: readonly string[], dir: string): string[] {
  if (dir === '.' || dir === '') return sorted.filter((path) => path !== '.');
  const base = dir.endsWith('/') ? dir.slice(0, -1) : dir;
  return sorted.slice(lowerBound(sorted, `${base}/`), lowerBound(sorted, `${base}0`));
}

/** How many paths of `sorted` lie strictly under `dir`, without copying them. */
export function countUnder(sorted: readonly string[], dir: string): number {
  if (dir === '.' || dir === '') return sorted.length - (sortedIncludes(sorted, '.') ? 1 : 0);
  const base = dir.endsWith('/') ? dir.slice(0, -1) : dir;
  return lowerBound(sorted, `${base}0`) - lowerBound(sorted, `${base}/`);
}

/** Every path of the lists, each once, sorted: candidates gathered by name and by directory. */
export function unionSorted(...lists: ReadonlyArray<readonly string[]>): string[] {
  return [...new Set(lists.flat())].sort();
}
