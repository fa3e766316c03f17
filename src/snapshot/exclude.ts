import picomatch from 'picomatch';
import type { FileSource } from './repo-snapshot.js';

/**
 * The config's `exclude` globs, applied to the one walk's result. A pattern naming a directory
 * (`legacy`, `tools/*`) excludes everything under it, as users expect from .gitignore.
 */
export function excludeFiles(source: FileSource, patterns: readonly string[]): FileSource {
  if (patterns.length === 0) return source;
  const matches = picomatch(patterns.flatMap((p) => [p, `${p.replace(/\/+$/, '')}/**`]), { dot: true });
  const files = source.files.filter((file) => !matches(file));
  return {
    files,
    notes: source.notes.filter((note) => !matches(note.path)),
    readBytes: (path, maxBytes) => source.readBytes(path, maxBytes),
  };
}
