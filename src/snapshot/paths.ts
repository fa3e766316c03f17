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
