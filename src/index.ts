/** Programmatic API: the same pipeline the CLI runs. */
export { scanRepository, scanSnapshot } from './engine/scan.js';
export { loadConfig, ConfigError } from './config/load.js';
export { loadChecklist, parseChecklist, ChecklistError, BUILT_IN_CHECKLISTS } from './checklist/load.js';
export { createDiskSnapshot } from './snapshot/disk.js';
export { createMemorySnapshot } from './snapshot/memory.js';
export { evaluateGate } from './gate/gate.js';
export { formatJson, toJsonReport } from './formatters/json.js';
export { formatText } from './formatters/text.js';
export { reportSchema } from './report/schema.js';
export type { Report } from './report/types.js';
export { FORMATTERS, FORMAT_NAMES } from './formatters/registry.js';
export type { FormatName, FormatOptions } from './formatters/registry.js';
