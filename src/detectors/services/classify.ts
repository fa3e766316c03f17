import { compareText } from '../../compare-text.js';
import type { Language } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { isWithin } from '../../snapshot/paths.js';
import { ECOSYSTEMS } from './ecosystems/index.js';
import type { Classification, Ecosystem } from './ecosystems/define.js';
import { gradle } from './ecosystems/gradle.js';
import { kindNow, type DeferredKind, type ProjectKind } from './kind.js';
import { filesWithNames, parentOf } from './project.js';
import type { WorkspaceLayout } from './workspaces/index.js';

/** A directory that builds something of its own: an app or a library. */
export interface Project {
  dir: string;
  manifest: string;
  kind: ProjectKind | DeferredKind;
  language: Language;
  /** Rank of the ecosystem that classified it: backends (3) absorb front-end bundles nested in them. */
  rank: number;
  frontend: boolean;
}

interface Candidate {
  ecosystem: Ecosystem;
  manifest: string;
}

/**
 * Every project directory, classified by the highest-ranked ecosystem with a manifest there.
 * Workspace roots that build nothing are left out, and so are front-end bundles nested in a
 * backend app (`assets/`, `frontend/` of a Django, Rails or Phoenix app) unless something builds
 * an image of them (`containerized`).
 */
export function findProjects(snapshot: RepoSnapshot, layout: WorkspaceLayout, containerized: readonly string[]): Project[] {
  const candidates = manifestCandidates(snapshot, layout);
  const projectDirs = [...candidates.keys()];
  const projects: Project[] = [];
  for (const [dir, list] of candidates) {
    const classified = classifyDirectory(list, (ecosystem, manifest) =>
      ecosystem.classify({ snapshot, dir, manifest, rootOf: layout.rootOf(dir), memberOf: layout.memberOf(dir), projectDirs }),
    );
    if (!classified) continue;
    const { result, candidate } = classified;
    const bundled = layout.memberOf(dir).some((workspace) => workspace.bundled);
    projects.push({
      dir, manifest: candidate.manifest, kind: bundled ? 'library' : result.kind, language: result.language,
      rank: candidate.ecosystem.rank, frontend: result.frontend === true,
    });
  }
  return projects.filter((project) => !isBackendAsset(project, projects, containerized));
}

function manifestCandidates(snapshot: RepoSnapshot, layout: WorkspaceLayout): Map<string, Candidate[]> {
  const byDir = new Map<string, Candidate[]>();
  const add = (dir: string, candidate: Candidate) => {
    const list = byDir.get(dir) ?? [];
    if (!list.some((entry) => entry.ecosystem === candidate.ecosystem)) list.push(candidate);
    byDir.set(dir, list);
  };
  for (const ecosystem of ECOSYSTEMS) {
    for (const file of filesWithNames(snapshot, ecosystem.manifests)) add(parentOf(file), { ecosystem, manifest: file });
  }
  // Gradle projects included by the settings may have no build file: the root's configures them.
  for (const workspace of layout.workspaces.filter((w) => w.tool === 'gradle')) {
    for (const member of workspace.members) if (!byDir.get(member)?.some((c) => c.ecosystem === gradle)) add(member, { ecosystem: gradle, manifest: workspace.file });
  }
  return byDir;
}

/** After a workspace-root answer, a lower-ranked ecosystem in the same directory counts only when it is an app. */
function classifyDirectory(candidates: Candidate[], classify: (ecosystem: Ecosystem, manifest: string) => Classification | undefined) {
  const ranked = [...candidates].sort((a, b) => b.ecosystem.rank - a.ecosystem.rank || compareText(a.ecosystem.id, b.ecosystem.id));
  let sawWorkspaceRoot = false;
  for (const candidate of ranked) {
    const result = classify(candidate.ecosystem, candidate.manifest);
    if (!result) continue;
    if (result.kind === 'workspace-root') {
      sawWorkspaceRoot = true;
      continue;
    }
    if (sawWorkspaceRoot && candidate.ecosystem.rank < 3 && kindNow(result.kind) !== 'app') return undefined;
    return { result, candidate };
  }
  return undefined;
}

function isBackendAsset(project: Project, projects: readonly Project[], containerized: readonly string[]): boolean {
  if (!project.frontend) return false;
  if (containerized.some((dir) => isWithin(dir, project.dir))) return false;
  return projects.some((other) => other.rank >= 3 && other.dir !== project.dir && isWithin(project.dir, other.dir) && kindNow(other.kind) === 'app');
}
