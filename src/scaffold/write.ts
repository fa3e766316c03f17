import { nodeCrypto } from '../node-builtins.js';
import { lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { GeneratedFile } from './types.js';

/** A generated file that cannot be written where it should go; one line, safe to print. */
export class ScaffoldWriteError extends Error {}

/** What a write would do, or did: `kept` is an existing file left alone because --force was not given. */
export type WriteStatus = 'created' | 'overwritten' | 'unchanged' | 'kept';

export interface TargetState {
  file: GeneratedFile;
  /** The current content, when the file exists. */
  existing?: string;
}

export interface WriteResult {
  path: string;
  status: WriteStatus;
}

/** Reads what is on disk where each file would go, refusing paths that leave the repository. */
export function inspectTargets(root: string, files: readonly GeneratedFile[]): TargetState[] {
  return files.map((file) => {
    const target = targetPath(root, file.path);
    let existing: string | undefined;
    try {
      const stats = lstatSync(target);
      if (stats.isSymbolicLink() || !stats.isFile()) throw new ScaffoldWriteError(`${file.path}: exists and is not a regular file; not touching it`);
      existing = readFileSync(target, 'utf8');
    } catch (error) {
      if (error instanceof ScaffoldWriteError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new ScaffoldWriteError(`${file.path}: cannot read (${code ?? 'error'})`);
    }
    return existing === undefined ? { file } : { file, existing };
  });
}

export function plannedStatus(state: TargetState, force: boolean): WriteStatus {
  if (state.existing === undefined) return 'created';
  if (state.existing === state.file.content) return 'unchanged';
  return force ? 'overwritten' : 'kept';
}

/**
 * The only place scaffolding writes. Each file is written beside its target and renamed into
 * place, so an interrupted run leaves either the old file or the new one, never half of it; an
 * existing file with other content is overwritten only with `force`.
 */
export function writeFiles(root: string, files: readonly GeneratedFile[], options: { force: boolean }): WriteResult[] {
  return inspectTargets(root, files).map((state) => {
    const status = plannedStatus(state, options.force);
    if (status === 'created' || status === 'overwritten') writeAtomically(targetPath(root, state.file.path), state.file.content);
    return { path: state.file.path, status };
  });
}

function writeAtomically(target: string, content: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
  try {
    const mode = existingMode(target);
    writeFileSync(temporary, content, { flag: 'wx', mode: mode ?? 0o644 });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new ScaffoldWriteError(`${target}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function existingMode(target: string): number | undefined {
  try {
    return statSync(target).mode & 0o777;
  } catch {
    return undefined;
  }
}

/**
 * The absolute path of a repo-relative one. Refuses absolute paths, `..`, and directories that
 * are symbolic links out of the repository: a generated file lands inside the repository or nowhere.
 */
function targetPath(root: string, path: string): string {
  if (path === '' || isAbsolute(path) || path.split('/').some((part) => part === '..' || part === '')) {
    throw new ScaffoldWriteError(`${path}: not a path inside the repository`);
  }
  const realRoot = realpathSync(resolve(root));
  const target = join(realRoot, ...path.split('/'));
  let ancestor = dirname(target);
  while (!exists(ancestor)) ancestor = dirname(ancestor);
  const inside = relative(realRoot, realpathSync(ancestor));
  if (inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) {
    throw new ScaffoldWriteError(`${path}: its directory leads out of the repository; not writing there`);
  }
  return target;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
