import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { RepoSnapshot, DEFAULT_MAX_FILE_BYTES } from './repo-snapshot.js';
import { DiskSource } from './walk.js';

export class RepositoryPathError extends Error {}

/** Walks the repository once; nothing under `root` is ever written. */
export function createDiskSnapshot(root: string, options: { maxFileBytes?: number } = {}): RepoSnapshot {
  const absolute = resolve(root);
  let isDirectory: boolean;
  try {
    isDirectory = statSync(absolute).isDirectory();
  } catch {
    throw new RepositoryPathError(`no such directory: ${root}`);
  }
  if (!isDirectory) throw new RepositoryPathError(`not a directory: ${root}`);
  return new RepoSnapshot(basename(absolute), new DiskSource(absolute), options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
}
