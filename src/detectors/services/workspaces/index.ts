import { compareText } from '../../../compare-text.js';
import type { RepoSnapshot } from '../../../snapshot/repo-snapshot.js';
import { filesWithNames } from '../project.js';
import type { Workspace, WorkspaceReader, WorkspaceTool } from './define.js';
import { cargoWorkspace } from './cargo.js';
import { denoWorkspace } from './deno.js';
import { dotnetSolution } from './dotnet-solution.js';
import { goWork } from './go-work.js';
import { gradleSettings } from './gradle.js';
import { lernaWorkspace } from './lerna.js';
import { mavenModules } from './maven.js';
import { mixUmbrella } from './mix-umbrella.js';
import { nodeWorkspaces } from './node-workspaces.js';
import { nxWorkspace } from './nx.js';
import { pnpmWorkspace } from './pnpm.js';
import { turborepo } from './turborepo.js';
import { uvWorkspace } from './uv.js';

const READERS = {
  cargo: cargoWorkspace,
  deno: denoWorkspace,
  'dotnet-solution': dotnetSolution,
  'go-work': goWork,
  gradle: gradleSettings,
  lerna: lernaWorkspace,
  maven: mavenModules,
  'mix-umbrella': mixUmbrella,
  'npm-workspaces': nodeWorkspaces,
  nx: nxWorkspace,
  pnpm: pnpmWorkspace,
  turborepo,
  uv: uvWorkspace,
} satisfies Record<WorkspaceTool, WorkspaceReader>;

/** Sorted by tool. */
export const WORKSPACE_READERS: readonly WorkspaceReader[] = Object.values(READERS).sort((a, b) => compareText(a.tool, b.tool));

/** The repository's workspace layout: every root and the members it lists. */
export class WorkspaceLayout {
  constructor(readonly workspaces: readonly Workspace[]) {}

  static of(snapshot: RepoSnapshot): WorkspaceLayout {
    const workspaces: Workspace[] = [];
    for (const reader of WORKSPACE_READERS) {
      for (const path of filesWithNames(snapshot, reader.names)) {
        const workspace = reader.read(snapshot, path);
        if (workspace) workspaces.push(workspace);
      }
    }
    return new WorkspaceLayout(workspaces);
  }

  rootOf(dir: string): Workspace[] {
    return this.workspaces.filter((workspace) => workspace.root === dir);
  }

  memberOf(dir: string): Workspace[] {
    return this.workspaces.filter((workspace) => workspace.members.includes(dir) && workspace.root !== dir);
  }
}
