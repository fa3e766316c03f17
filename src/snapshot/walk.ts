import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { FileSource, ScanNote } from './repo-snapshot.js';

/** Directories that never hold a project's own configuration, whatever .gitignore says. */
const ALWAYS_SKIPPED = new Set([
  '.git', '.hg', '.svn', 'node_modules', 'bower_components', 'jspm_packages', 'vendor',
  '__pycache__', '.venv', 'venv', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache',
  '.gradle', '.idea', '.terraform', '.next', '.nuxt', '.svelte-kit', '.turbo', '.parcel-cache',
]);

/**
 * Build-output directory names, skipped only beside the manifest whose build writes them:
 * `build/` in a Go repository is where golang-standards keeps its Dockerfiles, so it stays.
 */
const OUTPUT_DIRS: Record<string, readonly string[]> = {
  dist: ['package.json', 'pyproject.toml', 'setup.py'],
  build: ['package.json', 'build.gradle', 'build.gradle.kts', 'setup.py', 'pyproject.toml', 'CMakeLists.txt'],
  target: ['Cargo.toml', 'pom.xml', 'build.sbt'],
  out: ['package.json'],
  bin: ['.csproj'],
  obj: ['.csproj'],
};

const GITIGNORE_MAX_BYTES = 256 * 1024;

interface WalkEntry {
  size: number;
  absolute: string;
}

interface IgnoreScope {
  base: string;
  matcher: Ignore;
}

export class DiskSource implements FileSource {
  readonly files: string[] = [];
  readonly notes: ScanNote[] = [];
  private readonly entries = new Map<string, WalkEntry>();
  private readonly realRoot: string;

  constructor(private readonly root: string) {
    this.realRoot = realpathSync(root);
    this.walk();
    this.files.sort();
  }

  size(path: string): number | undefined {
    return this.entries.get(path)?.size;
  }

  readBytes(path: string, maxBytes: number): Buffer | { error: string } {
    const entry = this.entries.get(path);
    if (!entry) return { error: 'not in snapshot' };
    let fd: number | undefined;
    try {
      // O_NONBLOCK: should the file have become a FIFO since the walk, opening it must not hang.
      fd = openSync(entry.absolute, constants.O_RDONLY | constants.O_NONBLOCK);
      if (!fstatSync(fd).isFile()) return { error: 'not a regular file' };
      const buffer = Buffer.alloc(Math.min(entry.size, maxBytes));
      const length = readSync(fd, buffer, 0, buffer.length, 0);
      return buffer.subarray(0, length);
    } catch (error) {
      return { error: (error as NodeJS.ErrnoException).code ?? 'read error' };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  private walk(): void {
    const stack: Array<{ dir: string; scopes: IgnoreScope[] }> = [{ dir: '', scopes: [] }];
    while (stack.length > 0) {
      const { dir, scopes: parentScopes } = stack.pop()!;
      const absoluteDir = join(this.root, dir);
      let dirents: Dirent[];
      try {
        dirents = readdirSync(absoluteDir, { withFileTypes: true });
      } catch {
        this.notes.push({ path: dir || '.', reason: 'unreadable-directory' });
        continue;
      }
      const names = new Set(dirents.map((d) => d.name));
      const scopes = names.has('.gitignore') ? [...parentScopes, ...this.loadGitignore(dir)] : parentScopes;
      for (const dirent of dirents) {
        const path = dir ? `${dir}/${dirent.name}` : dirent.name;
        if (dirent.isDirectory()) {
          if (this.skipDirectory(dirent.name, names, path, scopes)) continue;
          stack.push({ dir: path, scopes });
        } else if (dirent.isFile()) {
          if (isIgnored(path, false, scopes)) continue;
          this.addFile(path, join(absoluteDir, dirent.name));
        } else if (dirent.isSymbolicLink()) {
          if (isIgnored(path, false, scopes)) continue;
          this.addSymlink(path, join(absoluteDir, dirent.name));
        } else {
          this.notes.push({ path, reason: 'special-file' });
        }
      }
    }
  }

  private skipDirectory(name: string, siblings: Set<string>, path: string, scopes: IgnoreScope[]): boolean {
    if (ALWAYS_SKIPPED.has(name)) return true;
    const manifests = OUTPUT_DIRS[name];
    if (manifests?.some((m) => (m.startsWith('.') ? [...siblings].some((s) => s.endsWith(m)) : siblings.has(m)))) return true;
    return isIgnored(path, true, scopes);
  }

  private addFile(path: string, absolute: string): void {
    try {
      this.entries.set(path, { size: statSync(absolute).size, absolute });
      this.files.push(path);
    } catch {
      this.notes.push({ path, reason: 'unreadable-file' });
    }
  }

  /** Symlinked files inside the root are read; links leaving the root or to directories never are. */
  private addSymlink(path: string, absolute: string): void {
    let target: string;
    try {
      target = realpathSync(absolute);
    } catch {
      this.notes.push({ path, reason: 'unreadable-file' });
      return;
    }
    const fromRoot = relative(this.realRoot, target);
    if (fromRoot.startsWith('..') || fromRoot === '' || fromRoot.split(sep)[0] === '..' || /^[a-zA-Z]:/.test(fromRoot) || fromRoot.startsWith(sep)) {
      this.notes.push({ path, reason: 'symlink-outside-root' });
      return;
    }
    let stats;
    try {
      stats = statSync(target);
    } catch {
      this.notes.push({ path, reason: 'unreadable-file' });
      return;
    }
    if (stats.isDirectory()) this.notes.push({ path, reason: 'symlink-to-directory' });
    else if (stats.isFile()) {
      this.entries.set(path, { size: stats.size, absolute: target });
      this.files.push(path);
    } else this.notes.push({ path, reason: 'special-file' });
  }

  private loadGitignore(dir: string): IgnoreScope[] {
    const path = dir ? `${dir}/.gitignore` : '.gitignore';
    const absolute = join(this.root, path);
    let size: number;
    try {
      size = statSync(absolute).size;
    } catch {
      return [];
    }
    const entry = { size, absolute };
    this.entries.set(path, entry);
    const bytes = this.readBytes(path, GITIGNORE_MAX_BYTES);
    if (!Buffer.isBuffer(bytes)) return [];
    return [{ base: dir, matcher: ignore({ allowRelativePaths: true }).add(bytes.toString('utf8')) }];
  }
}

function isIgnored(path: string, isDirectory: boolean, scopes: IgnoreScope[]): boolean {
  let ignored = false;
  for (const scope of scopes) {
    const local = scope.base ? path.slice(scope.base.length + 1) : path;
    const result = scope.matcher.test(isDirectory ? `${local}/` : local);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}
