import type { RepoSnapshot } from '../../../snapshot/repo-snapshot.js';

export type WorkspaceTool =
  | 'cargo' | 'deno' | 'dotnet-solution' | 'go-work' | 'gradle' | 'lerna' | 'maven' | 'mix-umbrella'
  | 'npm-workspaces' | 'nx' | 'pnpm' | 'turborepo' | 'uv';

/** A workspace root and the member directories it lists. */
export interface Workspace {
  tool: WorkspaceTool;
  /** Directory of the workspace root. */
  root: string;
  /** The file that declares it. */
  file: string;
  /** Member directories, repo-relative; may be empty for a marker-only tool (Turborepo relies on the package manager's list). */
  members: string[];
  /** Members ship inside the root's artifact (an Elixir umbrella released from its root): they are not services of their own. */
  bundled?: boolean;
}

/** One workspace format: which files declare it and how to read its members. */
export interface WorkspaceReader {
  tool: WorkspaceTool;
  /** Globs of the files it reads, for documentation. */
  files: readonly string[];
  /** Names of the files it declares workspaces with: exact, or `*.ext` suffixes. */
  names: readonly string[];
  read(snapshot: RepoSnapshot, path: string): Workspace | undefined;
}

/** Typed identity helper. */
export function defineWorkspaceReader(reader: WorkspaceReader): WorkspaceReader {
  return reader;
}
