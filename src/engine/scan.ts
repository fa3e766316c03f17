import { createDiskSnapshot } from '../snapshot/disk.js';
import { runDetectors } from '../detectors/run.js';
import { loadChecklist, type Checklist } from '../checklist/load.js';
import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';
import type { Report } from '../report/types.js';
import { evaluate } from './evaluate.js';
import { TOOL } from '../version.js';

/** The whole pipeline for one snapshot: detect, then apply the checklist. */
export function scanSnapshot(snapshot: RepoSnapshot, checklist: Checklist): Report {
  const { facts, findings } = runDetectors(snapshot);
  return evaluate({ checklist, facts, findings, rootName: snapshot.name, tool: TOOL });
}

export function scanDirectory(root: string, checklistName: string): Report {
  const checklist = loadChecklist(checklistName);
  return scanSnapshot(createDiskSnapshot(root), checklist);
}
