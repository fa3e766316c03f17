import { compareText } from '../../compare-text.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import type { ServiceFact } from '../../detectors/facts.js';
import { isRecord } from '../../parsers/record.js';

/** Files read when looking for a port or an entry point: enough for any real service, bounded for huge ones. */
const MAX_SOURCE_FILES = 200;

/**
 * A service's directory seen from the snapshot: paths relative to the service, read lazily
 * through the snapshot's cache. Templates read the project only through this.
 */
export interface ServiceFiles {
  readonly service: ServiceFact;
  readonly dir: string;
  /** Name of the repository (the snapshot's root directory). */
  readonly repoName: string;
  /** Repo-relative path of a path relative to the service. */
  path(relative: string): string;
  has(relative: string): boolean;
  text(relative: string): string | undefined;
  json(relative: string): unknown;
  /** Paths relative to the service, sorted. */
  list(): string[];
  /** Source files with one of these extensions, shallowest first, at most a couple of hundred. */
  sources(extensions: readonly string[]): string[];
}

export function serviceFiles(snapshot: RepoSnapshot, service: ServiceFact): ServiceFiles {
  const dir = service.path;
  const path = (relative: string) => (dir === '.' ? relative : `${dir}/${relative}`);
  let listed: string[] | undefined;
  const list = () => (listed ??= snapshot.filesUnder(dir).map((file) => (dir === '.' ? file : file.slice(dir.length + 1))).sort());
  return {
    service,
    dir,
    repoName: snapshot.name,
    path,
    has: (relative) => snapshot.has(path(relative)),
    text: (relative) => snapshot.text(path(relative)),
    json: (relative) => snapshot.json(path(relative))?.value,
    list,
    sources(extensions) {
      const depth = (file: string) => file.split('/').length;
      return list()
        .filter((file) => extensions.some((extension) => file.endsWith(extension)))
        .filter((file) => !/(?:^|\/)(?:node_modules|vendor|dist|build|target|\.venv|venv|test|tests|__tests__|spec)\//.test(file))
        .sort((a, b) => depth(a) - depth(b) || compareText(a, b))
        .slice(0, MAX_SOURCE_FILES);
    },
  };
}

/** A string-valued key of a JSON object, or undefined. */
export function stringAt(value: unknown, ...keys: string[]): string | undefined {
  let current: unknown = value;
  for (const key of keys) current = isRecord(current) ? current[key] : undefined;
  return typeof current === 'string' ? current : undefined;
}
