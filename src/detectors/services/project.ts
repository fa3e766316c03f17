import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { pathsUnder } from '../../snapshot/paths.js';

/** `dir/name`, or `name` at the root. */
export function inDir(dir: string, name: string): string {
  return dir === '.' ? name : `${dir}/${name}`;
}

export function hasFile(snapshot: RepoSnapshot, dir: string, name: string): boolean {
  return snapshot.has(inDir(dir, name));
}

export function textOf(snapshot: RepoSnapshot, path: string): string {
  return snapshot.text(path) ?? '';
}

export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Files with one of these names (exact, or `*.ext` suffixes) anywhere, sorted. Exact names come
 * straight from the snapshot's index; only suffixes need a test, once per distinct file name.
 */
export function filesWithNames(snapshot: RepoSnapshot, names: readonly string[]): string[] {
  if (!names.some((name) => name.startsWith('*'))) return snapshot.filesNamed(...names);
  return snapshot.filesNamedLike((file) => names.some((name) => (name.startsWith('*') ? file.endsWith(name.slice(1)) : file === name)));
}

/** Path of `file` relative to `dir` (which contains it). */
export function relativeTo(dir: string, file: string): string {
  return dir === '.' ? file : file.slice(dir.length + 1);
}

/**
 * Files of a project directory that belong to it and not to a nested project: files under any of
 * `nested` (directories of other projects inside it) are left out.
 */
export function ownFiles(snapshot: RepoSnapshot, dir: string, nested: readonly string[]): string[] {
  const files = snapshot.filesUnder(dir);
  const owned = ownedBy(dir, nested);
  return owned === ownsAll ? files : files.filter(owned);
}

const ownsAll = (): boolean => true;

/**
 * Whether a file under `dir` belongs to it rather than to one of the `nested` projects. Each file's
 * ancestors are looked up in a set, once per directory (sorted files come a directory at a time),
 * so a root with hundreds of nested projects costs one pass over its files.
 */
export function ownedBy(dir: string, nested: readonly string[]): (file: string) => boolean {
  const inner = new Set(pathsUnder(sortedOnce(nested), dir));
  if (inner.size === 0) return ownsAll;
  let lastDir: string | undefined;
  let lastOwned = true;
  return (file) => {
    const fileDir = parentOf(file);
    if (fileDir !== lastDir) {
      lastDir = fileDir;
      lastOwned = true;
      for (let ancestor = fileDir; ancestor !== dir && ancestor !== '.'; ancestor = parentOf(ancestor)) {
        if (inner.has(ancestor)) {
          lastOwned = false;
          break;
        }
      }
    }
    return lastOwned;
  };
}

/**
 * Every project asks for the projects inside it, always of the same list: sorted once, each asks
 * with a binary search rather than testing every other project's directory.
 */
const sortedLists = new WeakMap<readonly string[], readonly string[]>();

function sortedOnce(paths: readonly string[]): readonly string[] {
  let sorted = sortedLists.get(paths);
  if (!sorted) sortedLists.set(paths, (sorted = [...paths].sort()));
  return sorted;
}

/** `dirOf` for the normalized paths of a snapshot, without `posix.dirname`'s checks: called per file. */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}
