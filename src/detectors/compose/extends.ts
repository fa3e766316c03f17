import { dirOf, resolveInRepo } from '../../snapshot/paths.js';
import { mergeParts } from './merge.js';
import { readParts, type ComposeSource, type ServiceParts } from './service.js';
import { isRecord } from '../../parsers/record.js';

/** `extends` chains longer than this are cut short: real files nest two or three levels. */
const MAX_EXTENDS_DEPTH = 8;

export type SourceLoader = (path: string) => ComposeSource | undefined;

/** A file named by `extends.file`, and where: reported as a reference of that file. */
export interface ExtendsReference {
  target: string;
  path: string;
  line?: number;
}

/**
 * A service with what it `extends` merged in, in the same file or in another
 * (https://docs.docker.com/compose/how-tos/multiple-compose-files/extends/). Relative paths of a
 * service from another file resolve against that file's directory, as Compose rewrites them.
 * Cycles and missing services end the chain; the service keeps what it says itself.
 */
export function resolveService(
  load: SourceLoader,
  file: string,
  name: string,
  dir: string,
  references: ExtendsReference[] = [],
  seen: ReadonlySet<string> = new Set(),
): ServiceParts | undefined {
  const source = load(file);
  const key = `${file}\0${name}`;
  if (!source || seen.has(key) || seen.size > MAX_EXTENDS_DEPTH) return undefined;
  const own = readParts(source, name, dir);
  const target = extendsOf(source.services[name]);
  if (!own || !target) return own;
  let parentFile = file;
  let parentDir = dir;
  if (target.file !== undefined) {
    const resolved = resolveInRepo(dirOf(file), target.file);
    if (resolved === undefined) return own;
    parentFile = resolved;
    parentDir = dirOf(resolved);
    references.push({ target: resolved, path: file, line: source.yaml.lineOf(['services', name, 'extends']) });
  }
  const parent = resolveService(load, parentFile, target.service, parentDir, references, new Set([...seen, key]));
  return parent ? mergeParts(parent, own) : own;
}

function extendsOf(raw: unknown): { service: string; file?: string } | undefined {
  if (!isRecord(raw)) return undefined;
  if (typeof raw.extends === 'string') return { service: raw.extends };
  if (!isRecord(raw.extends) || typeof raw.extends.service !== 'string') return undefined;
  return { service: raw.extends.service, file: typeof raw.extends.file === 'string' ? raw.extends.file : undefined };
}
