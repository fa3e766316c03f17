import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { dirOf, isWithin } from '../../snapshot/paths.js';

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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Path of `file` relative to `dir` (which contains it). */
export function relativeTo(dir: string, file: string): string {
  return dir === '.' ? file : file.slice(dir.length + 1);
}

/**
 * Files of a project directory that belong to it and not to a nested project: files under any of
 * `nested` (directories of other projects inside it) are left out. Each file's ancestors are looked
 * up in a set, so a root with hundreds of nested projects costs one pass over its files.
 */
export function ownFiles(snapshot: RepoSnapshot, dir: string, nested: readonly string[]): string[] {
  const inner = new Set(nested.filter((other) => other !== dir && isWithin(other, dir)));
  const files = snapshot.filesUnder(dir);
  if (inner.size === 0) return files;
  return files.filter((file) => {
    for (let ancestor = dirOf(file); ancestor !== dir && ancestor !== '.'; ancestor = dirOf(ancestor)) {
      if (inner.has(ancestor)) return false;
    }
    return true;
  });
}

