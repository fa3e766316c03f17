import { loadConfig } from '../config/load.js';
import { runDetectors } from '../detectors/run.js';
import type { Facts } from '../detectors/facts.js';
import { createDiskSnapshot } from '../snapshot/disk.js';
import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';
import { planScaffold, type PlanOptions } from './plan.js';
import type { ScaffoldPlan } from './types.js';
import { inspectTargets, type TargetState } from './write.js';

export interface Project {
  snapshot: RepoSnapshot;
  facts: Facts;
}

/** The repository as the planner sees it: the same snapshot and detectors as a scan, with the config's service rules. */
export function loadProject(root: string, configPath?: string): Project {
  const { config } = loadConfig(root, configPath);
  const snapshot = createDiskSnapshot(root, { exclude: config.exclude });
  const { facts } = runDetectors(snapshot, undefined, { includeServices: config.services?.include, excludeServices: config.services?.exclude });
  return { snapshot, facts };
}

export interface RepositoryPlan extends Project {
  plan: ScaffoldPlan;
  /** What is on disk where each planned file would go. */
  states: TargetState[];
}

/** Reads the repository, plans the files, and looks at what they would replace: what `init` and `walk` preview. */
export function planRepository(root: string, options: PlanOptions & { configPath?: string }): RepositoryPlan {
  const project = loadProject(root, options.configPath);
  const plan = planScaffold(project.snapshot, project.facts, options);
  return { ...project, plan, states: inspectTargets(root, plan.files) };
}
