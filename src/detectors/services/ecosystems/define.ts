import type { Language } from '../../facts.js';
import type { RepoSnapshot } from '../../../snapshot/repo-snapshot.js';
import type { DeferredKind, ProjectKind } from '../kind.js';
import type { Workspace } from '../workspaces/define.js';

/** What a classifier is given about one directory with one of its ecosystem's manifests. */
export interface ProjectContext {
  snapshot: RepoSnapshot;
  dir: string;
  manifest: string;
  /** Workspaces rooted at this directory: its own code must show an entry point to be a service. */
  rootOf: readonly Workspace[];
  /** Workspaces that list this directory as a member. */
  memberOf: readonly Workspace[];
  /** Directories of every project in the repository, to keep a project's files apart from nested ones. */
  projectDirs: readonly string[];
}

export type Classification =
  | {
      /** Deferred when only reading sources can tell (see `DeferredKind`). */
      kind: ProjectKind | DeferredKind;
      language: Language;
      /**
       * A front-end bundle (an SPA built by Vite, webpack…) or a package with no sign of a server:
       * inside a backend app, it is that app's asset tooling rather than a service of its own.
       */
      frontend?: boolean;
    }
  /** A workspace root that builds nothing itself. */
  | { kind: 'workspace-root' };

export interface Ecosystem {
  /** kebab-case, matches the file name. */
  id: string;
  /** Manifest file names (or `*.ext` suffixes) that make a directory a project of this ecosystem. */
  manifests: readonly string[];
  /**
   * Backend ecosystems (3) outrank Nx project files (2), Bun and Deno (1.5) and package.json (1) in
   * the same directory: a Rails or Django app with a package.json is one Ruby or Python service.
   */
  rank: number;
  /** Undefined when the directory is not this ecosystem's project after all (a `project.json` that is not Nx's). */
  classify(project: ProjectContext): Classification | undefined;
}

/** Typed identity helper: each ecosystem file is checked against the interface. */
export function defineEcosystem(ecosystem: Ecosystem): Ecosystem {
  return ecosystem;
}
