import { accessSync, constants, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { RepoSnapshot, DEFAULT_MAX_FILE_BYTES } from './repo-snapshot.js';
import { DiskSource } from './walk.js';
import { excludeFiles } from './exclude.js';

/** The path given is not a directory we can scan; the message is one line, safe to print. */
export class RepositoryPathError extends Error {
  override readonly name = 'RepositoryPathError';
}

/** Walks the repository once; nothing under `root` (or anywhere else) is ever written. */
export function createDiskSnapshot(root: string, options: { maxFileBytes?: number; exclude?: readonly string[] } = {}): RepoSnapshot {
  const absolute = resolve(root);
  const problem = rootProblem(absolute);
  if (problem) throw new RepositoryPathError(`${problem}: ${printable(root)}`);
  const source = excludeFiles(new DiskSource(absolute), options.exclude ?? []);
  return new RepoSnapshot(basename(absolute) || absolute, source, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
}

function rootProblem(absolute: string): string | undefined {
  try {
    if (!statSync(absolute).isDirectory()) return 'not a directory';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'no such directory' : `cannot access directory (${code ?? 'error'})`;
  }
  try {
    accessSync(absolute, constants.R_OK | constants.X_OK);
  } catch {
    return 'cannot read directory';
  }
  return undefined;
}

/** Control characters escaped, so a path with a newline or an escape sequence cannot break the line or drive the terminal. */
function printable(path: string): string {
  return path.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
