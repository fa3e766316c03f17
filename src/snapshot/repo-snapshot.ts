import { pathsUnder, sortedIncludes } from './paths.js';
import { parseYaml, type ParsedYaml } from '../parsers/yaml.js';
import { parseDockerfile, type ParsedDockerfile } from '../parsers/dockerfile.js';
import { parseJsonc, type ParsedJson } from '../parsers/jsonc.js';
import type { Finding } from '../findings/finding.js';

/** Files above this size are never read whole: parsers would choke and no real config is that big. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; reason: 'missing' | 'too-large' | 'binary' | 'unreadable'; detail?: string };

/** Something the walk could not look at; surfaced as a finding so nothing is skipped silently. */
export interface ScanNote {
  path: string;
  reason:
    | 'unreadable-directory'
    | 'unreadable-file'
    | 'symlink-outside-root'
    | 'symlink-to-directory'
    | 'symlink-loop'
    | 'broken-symlink'
    | 'special-file'; // FIFO, socket or device: never opened, a read could block or have side effects
}

/** Reads raw bytes of a path relative to the root; the only I/O a snapshot needs after the walk. */
export interface FileSource {
  /** In code-unit order (`Array.prototype.sort`'s), so the files under a directory are one contiguous run. */
  readonly files: readonly string[];
  readonly notes: readonly ScanNote[];
  /** The whole file when it has at most `maxBytes`; a larger one is not read, its size comes back. */
  readBytes(path: string, maxBytes: number): Buffer | { error: string } | { tooLarge: number };
  /**
   * The files grouped by name and by directory ('.' for the root), lists in any order, when the
   * source has them at hand anyway (the walk does); the snapshot builds them otherwise. Must list
   * exactly `files`.
   */
  readonly index?: NameIndex;
}

/**
 * The read-only view of a repository that every detector works from: one walk, contents read
 * lazily, each file decoded and parsed at most once.
 */
export class RepoSnapshot {
  /** In code-unit order, so the files under a directory are one contiguous run. */
  readonly files: readonly string[];
  readonly notes: readonly ScanNote[];
  private readonly textCache = new Map<string, ReadResult>();
  private readonly yamlCache = new Map<string, ParsedYaml | undefined>();
  private readonly dockerfileCache = new Map<string, ParsedDockerfile | undefined>();
  private readonly jsonCache = new Map<string, ParsedJson | undefined>();
  private index?: NameIndex;

  constructor(
    readonly name: string,
    private readonly source: FileSource,
    readonly maxFileBytes: number = DEFAULT_MAX_FILE_BYTES,
  ) {
    this.files = source.files;
    this.notes = source.notes;
  }

  has(path: string): boolean {
    // A binary search rather than a Set: a Set of 50,000 paths costs more to build than all lookups.
    return sortedIncludes(this.files, path);
  }

  /**
   * Paths of files directly or indirectly under a directory ('.' is the root), in sorted order.
   * A binary search, not a scan: detectors ask this once or more per service, and a scan per
   * service made a 300-service, 50,000-file monorepo take seconds.
   */
  filesUnder(dir: string): string[] {
    if (dir === '.' || dir === '') return [...this.files];
    return pathsUnder(this.files, dir);
  }

  /**
   * Paths of files with one of these exact names, anywhere, sorted. From an index built once per
   * snapshot, so a detector looking for `pom.xml` does not test 50,000 paths again.
   */
  filesNamed(...names: string[]): string[] {
    const { byName } = this.nameIndex();
    if (names.length === 1) return sortedCopy(byName.get(names[0]!));
    return names.flatMap((name) => byName.get(name) ?? []).sort();
  }

  /**
   * Paths of files whose name passes `test`, a predicate or a pattern (suffix patterns such as
   * `*.csproj`), sorted. The test runs once per distinct file name, not once per file.
   */
  filesNamedLike(test: RegExp | ((name: string) => boolean)): string[] {
    const passes = typeof test === 'function' ? test : (name: string) => test.test(name);
    const matched: string[] = [];
    // forEach, not for-of: no [key, value] pair per entry, and a big repository has thousands of names.
    this.nameIndex().byName.forEach((paths, name) => {
      if (passes(name)) matched.push(...paths);
    });
    return matched.sort();
  }

  /** Paths of the files directly in a directory ('.' is the root), sorted. */
  filesIn(dir: string): string[] {
    return sortedCopy(this.nameIndex().byDirectory.get(dir === '' ? '.' : dir));
  }

  /** Paths of the files directly in the directories that pass `test` (`.devcontainer/`, `bin/`), sorted. */
  filesInDirectoriesLike(test: (dir: string) => boolean): string[] {
    const matched: string[] = [];
    this.nameIndex().byDirectory.forEach((paths, dir) => {
      if (test(dir)) matched.push(...paths);
    });
    return matched.sort();
  }

  /** Every directory that directly holds a file ('.' for the root), sorted. */
  directories(): string[] {
    return [...this.nameIndex().byDirectory.keys()].sort();
  }

  read(path: string): ReadResult {
    let result = this.textCache.get(path);
    if (!result) {
      result = this.readUncached(path);
      this.textCache.set(path, result);
    }
    return result;
  }

  /** Text of a file, or undefined when it cannot be read as text (the reason shows in `fileFindings`). */
  text(path: string): string | undefined {
    const result = this.read(path);
    return result.ok ? result.text : undefined;
  }

  yaml(path: string): ParsedYaml | undefined {
    return this.cached(this.yamlCache, path, parseYaml);
  }

  dockerfile(path: string): ParsedDockerfile | undefined {
    return this.cached(this.dockerfileCache, path, parseDockerfile);
  }

  json(path: string): ParsedJson | undefined {
    return this.cached(this.jsonCache, path, parseJsonc);
  }

  /** Findings for files a detector wanted but could not read, so a skip is never silent. */
  readFindings(): Finding[] {
    const findings: Finding[] = [];
    for (const [path, result] of this.textCache) {
      if (result.ok || result.reason === 'missing') continue;
      const code = result.reason === 'too-large' ? 'file-too-large' : result.reason === 'binary' ? 'file-binary' : 'file-unreadable';
      findings.push({ code, severity: 'warning', path, args: { limit: this.maxFileBytes, detail: result.detail ?? '' } });
    }
    return findings;
  }

  private nameIndex(): NameIndex {
    if (this.index) return this.index;
    if (this.source.index) return (this.index = this.source.index);
    const byName = new Map<string, string[]>();
    const byDirectory = new Map<string, string[]>();
    for (const path of this.files) {
      const slash = path.lastIndexOf('/');
      const name = path.slice(slash + 1);
      const dir = slash === -1 ? '.' : path.slice(0, slash);
      const named = byName.get(name);
      if (named) named.push(path);
      else byName.set(name, [path]);
      const inDir = byDirectory.get(dir);
      if (inDir) inDir.push(path);
      else byDirectory.set(dir, [path]);
    }
    return (this.index = { byName, byDirectory });
  }

  private cached<T>(cache: Map<string, T | undefined>, path: string, parse: (text: string) => T): T | undefined {
    if (cache.has(path)) return cache.get(path);
    const text = this.text(path);
    const parsed = text === undefined ? undefined : parse(text);
    cache.set(path, parsed);
    return parsed;
  }

  private readUncached(path: string): ReadResult {
    if (!this.has(path)) return { ok: false, reason: 'missing' };
    const bytes = this.source.readBytes(path, this.maxFileBytes);
    if ('tooLarge' in bytes) return { ok: false, reason: 'too-large', detail: String(bytes.tooLarge) };
    if (!Buffer.isBuffer(bytes)) return { ok: false, reason: 'unreadable', detail: bytes.error };
    if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary' };
    return { ok: true, text: decodeText(bytes) };
  }
}

/** Paths by file name and by directory, each list in any order (sorted where it is handed out). */
export interface NameIndex {
  byName: Map<string, string[]>;
  byDirectory: Map<string, string[]>;
}

/**
 * A copy of one index list, which is sorted in place the first time it is handed out, not all at
 * once: a big repository has thousands of names and directories, and a run asks for a few dozen.
 */
function sortedCopy(list: string[] | undefined): string[] {
  if (!list) return [];
  if (list.length > 1 && !isSorted(list)) list.sort();
  return [...list];
}

function isSorted(files: readonly string[]): boolean {
  for (let index = 1; index < files.length; index++) if (files[index - 1]! > files[index]!) return false;
  return true;
}

function decodeText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
