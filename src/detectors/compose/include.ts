import type { ParsedYaml } from '../../parsers/yaml.js';
import { dirOf, resolveInRepo } from '../../snapshot/paths.js';
import { isRecord } from '../../parsers/record.js';

/**
 * One entry of `include:` (https://docs.docker.com/reference/compose-file/include/): a file, or
 * several merged in order, loaded as an application model of its own whose relative paths resolve
 * against `project_directory`, by default the first file's directory.
 */
export interface IncludeEntry {
  files: string[];
  projectDirectory?: string;
  line?: number;
}

/** Local includes only: a remote one (`oci://`, a Git URL) is not code of this repository. */
export function includesOf(document: unknown, file: string, yaml: ParsedYaml): IncludeEntry[] {
  if (!isRecord(document) || !Array.isArray(document.include)) return [];
  const dir = dirOf(file);
  const entries: IncludeEntry[] = [];
  document.include.forEach((raw, index) => {
    const line = yaml.lineOf(['include', index]);
    const written = typeof raw === 'string' ? [raw] : isRecord(raw) ? pathsOf(raw.path) : [];
    const files = written.map((path) => resolveInRepo(dir, path));
    if (files.length === 0 || files.some((path) => path === undefined)) return;
    const projectDirectory = isRecord(raw) && typeof raw.project_directory === 'string' ? resolveInRepo(dir, raw.project_directory) : undefined;
    entries.push({ files: files as string[], projectDirectory, line });
  });
  return entries;
}

function pathsOf(raw: unknown): string[] {
  if (typeof raw === 'string') return [raw];
  return Array.isArray(raw) ? raw.filter((path): path is string => typeof path === 'string') : [];
}
