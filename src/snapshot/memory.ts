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
    readBytes: (path, maxBytes) => {
      const content = contents.get(path);
      if (!content) return { error: 'missing' };
      return content.length > maxBytes ? { tooLarge: content.length } : content;
    },
  };
  return new RepoSnapshot(options.name ?? 'memory', source, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
}
