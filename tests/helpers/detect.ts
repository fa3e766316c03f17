import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { runDetectors, type DetectionResult } from '../../src/detectors/run.js';
import type { Detector } from '../../src/detectors/define.js';

/** Runs the detectors (all registered ones by default) over an in-memory repository. */
export function detect(files: Record<string, string>, detectors?: readonly Detector[]): DetectionResult {
  return runDetectors(createMemorySnapshot(files), detectors);
}

/** Joins lines so fixture files in tests read like the files they stand for. */
export function lines(...content: string[]): string {
  return `${content.join('\n')}\n`;
}
