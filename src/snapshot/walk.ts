import { lstatSync, readdirSync, realpathSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { FileSource, ScanNote } from './repo-snapshot.js';
import { ignoreScope, isIgnored, type IgnoreScope } from './ignore-rules.js';
import { readRegularFile } from './read-file.js';
import { sortedIncludes } from './paths.js';
import { compareText } from '../compare-text.js';

/** Entries that never hold a project's own configuration, whatever .gitignore says. */
export const ALWAYS_SKIPPED = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'jspm_packages', 'vendor',
  '__pycache__', '.venv', 'venv', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache',
  '.gradle', '.idea', '.terraform', '.next', '.nuxt', '.svelte-kit', '.turbo', '.parcel-cache',
]);

/** Every virtualenv has one at its top (PEP 405), whatever the directory is called. */
const VIRTUALENV_MARKER = 'pyvenv.cfg';

/**
 * Build-output directory names, skipped only beside a manifest whose build writes them:
 * `build/` in a Go repository is where golang-standards keeps its Dockerfiles, so it stays.
 * `*.ext` matches any file name with that extension (.NET project files are named after the project).
 * A Map, not an object literal: a directory called `constructor` must not find Object.prototype.
 */
const OUTPUT_DIRS = new Map<string, readonly string[]>([
  ['dist', ['package.json', 'pyproject.toml', 'setup.py', '.goreleaser.yaml', '.goreleaser.yml']],
  ['build', ['package.json', 'build.gradle', 'build.gradle.kts', 'setup.py', 'pyproject.toml', 'CMakeLists.txt']],
  ['target', ['Cargo.toml', 'pom.xml', 'build.sbt']],
  ['out', ['package.json']],
  ['bin', ['*.csproj', '*.fsproj', '*.vbproj']],
  ['obj', ['*.csproj', '*.fsproj', '*.vbproj']],
]);

const IGNORE_FILE_MAX_BYTES = 256 * 1024;

/**
 * The one walk of a repository: iterative (any depth), never following directory links, never
 * opening anything but regular files, and noting whatever it could not look at.
 */
export class DiskSource implements FileSource {
  readonly files: string[] = [];
  readonly notes: ScanNote[] = [];
  /** Filled as the walk goes, which has each name and directory in hand (see FileSource.index). */
  readonly index = { byName: new Map<string, string[]>(), byDirectory: new Map<string, string[]>() };
  /** For a symlink, the real path of its target, checked to be inside the root. */
  private readonly linkTargets = new Map<string, string>();
  private readonly realRoot: string;

  constructor(private readonly root: string) {
    this.realRoot = realpathSync.native(root);
    this.walk();
    this.files.sort();
    this.notes.sort((a, b) => compareText(a.path, b.path));
  }

  /**
   * No stat during the walk: most files are never read, and a stat per file made the walk of a
   * 50,000-file tree a third slower. A read learns the size from the open file.
   */
  readBytes(path: string, maxBytes: number): Buffer | { error: string } | { tooLarge: number } {
    return sortedIncludes(this.files, path) ? readRegularFile(this.absolute(path), maxBytes, 'refuse') : { error: 'not in snapshot' };
  }

  private absolute(path: string): string {
    return this.linkTargets.get(path) ?? join(this.root, path);
  }

  private walk(): void {
    const stack: Array<{ dir: string; scopes: readonly IgnoreScope[] }> = [{ dir: '', scopes: this.infoExclude() }];
    while (stack.length > 0) {
      const { dir, scopes: inherited } = stack.pop()!;
      const dirents = this.list(dir);
      if (!dirents) continue;
      if (dir && dirents.some((d) => d.name === VIRTUALENV_MARKER)) continue;
      // Only a regular file: git does not follow a symlinked .gitignore, which could lead out of the root.
      const hasGitignore = dirents.some((d) => d.name === '.gitignore' && d.isFile());
      const scopes = hasGitignore ? [...inherited, ...this.ignoreFile(dir, childPath(dir, '.gitignore'))] : inherited;
      const oddNames = anyNameHasReplacementChar(dirents);
      let filesHere: string[] | undefined;
      for (const dirent of dirents) {
        if (ALWAYS_SKIPPED.has(dirent.name)) continue;
        const path = childPath(dir, dirent.name);
        const isDirectory = dirent.isDirectory();
        if (isIgnored(path, isDirectory, scopes)) continue;
        if (isDirectory) {
          if (!isBuildOutput(dirent.name, dirents)) stack.push({ dir: path, scopes });
          continue;
        }
        let added = false;
        if (dirent.isFile()) added = this.addFile(path, oddNames);
        else if (dirent.isSymbolicLink()) added = this.addSymlink(path, oddNames);
        else this.note(path, 'special-file');
        if (!added) continue;
        (filesHere ??= []).push(path);
        const named = this.index.byName.get(dirent.name);
        if (named) named.push(path);
        else this.index.byName.set(dirent.name, [path]);
      }
      if (filesHere) this.index.byDirectory.set(dir || '.', filesHere);
    }
  }

  private list(dir: string): Dirent[] | undefined {
    try {
      return readdirSync(join(this.root, dir), { withFileTypes: true });
    } catch {
      this.note(dir || '.', 'unreadable-directory');
      return undefined;
    }
  }

  /**
   * A file gone or replaced since it was listed shows when read: the read refuses all but regular
   * files. A name that is not valid UTF-8 comes back with U+FFFD in it and names no file at all;
   * only such names are looked up now.
   */
  private addFile(path: string, oddNames: boolean): boolean {
    if (oddNames && path.includes('\ufffd') && !lstatQuietly(join(this.root, path))?.isFile()) {
      this.note(path, 'unreadable-file');
      return false;
    }
    this.files.push(path);
    return true;
  }

  /** Links to files inside the root are read; links to directories or out of the root never are. */
  private addSymlink(path: string, oddNames: boolean): boolean {
    let target: string;
    try {
      target = realpathSync.native(join(this.root, path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.note(path, code === 'ELOOP' ? 'symlink-loop' : code === 'ENOENT' || code === 'ENOTDIR' ? 'broken-symlink' : 'unreadable-file');
      return false;
    }
    if (!isInside(this.realRoot, target)) {
      this.note(path, 'symlink-outside-root');
      return false;
    }
    const stats = lstatQuietly(target);
    if (!stats) this.note(path, 'unreadable-file');
    else if (stats.isDirectory()) this.note(path, 'symlink-to-directory');
    else if (!stats.isFile()) this.note(path, 'special-file');
    else {
      this.linkTargets.set(path, target);
      return this.addFile(path, oddNames);
    }
    return false;
  }

  /** A clone's private ignore patterns; read only from a real `.git` directory, never through a link. */
  private infoExclude(): IgnoreScope[] {
    if (!lstatQuietly(join(this.root, '.git'))?.isDirectory()) return [];
    if (!lstatQuietly(join(this.root, '.git', 'info'))?.isDirectory()) return [];
    if (!lstatQuietly(join(this.root, '.git', 'info', 'exclude'))) return [];
    return this.ignoreFile('', '.git/info/exclude');
  }

  private ignoreFile(base: string, path: string): IgnoreScope[] {
    const bytes = readRegularFile(join(this.root, path), IGNORE_FILE_MAX_BYTES + 1, 'truncate');
    if (!Buffer.isBuffer(bytes)) {
      this.note(path, 'unreadable-file');
      return [];
    }
    const truncated = bytes.length > IGNORE_FILE_MAX_BYTES;
    const scope = ignoreScope(base, truncated ? bytes.subarray(0, IGNORE_FILE_MAX_BYTES) : bytes, truncated);
    return scope ? [scope] : [];
  }

  private note(path: string, reason: ScanNote['reason']): void {
    this.notes.push({ path, reason });
  }
}

/**
 * Whether a name in the listing came back with U+FFFD (not valid UTF-8). One search per directory:
 * a search per file cost a tenth of the walk, and such names are rare.
 */
function anyNameHasReplacementChar(dirents: readonly Dirent[]): boolean {
  let names = '';
  for (const dirent of dirents) names += dirent.name;
  return names.includes('\ufffd');
}

function childPath(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

function isBuildOutput(name: string, siblings: readonly Dirent[]): boolean {
  const manifests = OUTPUT_DIRS.get(name);
  if (!manifests) return false;
  return manifests.some((manifest) =>
    manifest.startsWith('*.')
      ? siblings.some(({ name: sibling }) => sibling.length > manifest.length - 1 && sibling.toLowerCase().endsWith(manifest.slice(1)))
      : siblings.some((sibling) => sibling.name === manifest),
  );
}

/** `..data` is a fine name inside the root; only `..` as a whole first segment leaves it. */
function isInside(root: string, target: string): boolean {
  const fromRoot = relative(root, target);
  return fromRoot !== '..' && !fromRoot.startsWith(`..${sep}`) && !isAbsolute(fromRoot);
}

function lstatQuietly(absolute: string): Stats | undefined {
  try {
    return lstatSync(absolute);
  } catch {
    return undefined;
  }
}
