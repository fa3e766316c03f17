import { RepoSnapshot, DEFAULT_MAX_FILE_BYTES, type FileSource } from './repo-snapshot.js';

/** A snapshot built from a `{ path: content }` map, for tests and for previews of generated files. */
export function createMemorySnapshot(
  files: Record<string, string>,
  options: { name?: string; maxFileBytes?: number } = {},
): RepoSnapshot {
  const contents = new Map(Object.entries(files).map(([path, content]) => [path, Buffer.from(content, 'utf8')]));
  const source: FileSource = {
    files: [...contents.keys()].sort(),
    notes: [],
    size: (path) => contents.get(path)?.length,
    readBytes: (path, maxBytes) => contents.get(path)?.subarray(0, maxBytes) ?? { error: 'missing' },
  };
  return new RepoSnapshot(options.name ?? 'memory', source, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
}
