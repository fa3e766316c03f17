import { createHash } from 'node:crypto';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { basename, join } from 'node:path';
import { createDiskSnapshot, RepositoryPathError } from '../../src/snapshot/disk.js';
import { runDetectors } from '../../src/detectors/run.js';
import { RepoSnapshot } from '../../src/snapshot/repo-snapshot.js';
import { TempTrees, lines, snapshotFindings } from '../helpers/disk-tree.js';

const trees = new TempTrees();
afterAll(() => trees.cleanup());

const DOCKERFILE = lines('FROM alpine:3.20', 'USER 1000');
const posixOnly = process.platform === 'win32' ? test.skip : test;

describe('symlinks', () => {
  const secret = 'TOP SECRET, outside the repository';
  let outside: string;
  let root: string;

  beforeAll(() => {
    outside = trees.make({ 'secret.txt': secret });
    root = trees.make({
      'real/Dockerfile': DOCKERFILE,
      'a/file.txt': 'inside',
      'a/loop': { symlink: '..' },
      'root-link': { symlink: '.' },
      etc: { symlink: '/etc' },
      'leak.txt': { symlink: join(outside, 'secret.txt') },
      'leak-relative.txt': { symlink: `../${basename(outside)}/secret.txt` },
      Dockerfile: { symlink: 'real/Dockerfile' },
      dangling: { symlink: 'nowhere' },
      self: { symlink: 'self' },
      '..data/app.conf': 'inside too',
      'app.conf': { symlink: '..data/app.conf' },
    });
  });

  test('directory links are never followed, links out of the root never read, links inside read', () => {
    const snapshot = createDiskSnapshot(root);
    expect(snapshot.files).toEqual(['..data/app.conf', 'Dockerfile', 'a/file.txt', 'app.conf', 'real/Dockerfile']);
    expect(snapshot.notes).toEqual([
      { path: 'a/loop', reason: 'symlink-to-directory' },
      { path: 'dangling', reason: 'broken-symlink' },
      { path: 'etc', reason: 'symlink-outside-root' },
      { path: 'leak-relative.txt', reason: 'symlink-outside-root' },
      { path: 'leak.txt', reason: 'symlink-outside-root' },
      { path: 'root-link', reason: 'symlink-to-directory' },
      { path: 'self', reason: 'symlink-loop' },
    ]);
    expect(snapshot.read('Dockerfile')).toEqual({ ok: true, text: DOCKERFILE });
    expect(snapshot.read('app.conf')).toEqual({ ok: true, text: 'inside too' });
    expect(snapshot.read('leak.txt')).toEqual({ ok: false, reason: 'missing' });
  });

  test('detectors see linked files and a finding per skipped link, and never the outside content', () => {
    const result = runDetectors(createDiskSnapshot(root));
    expect(result.facts.dockerfiles.map((d) => d.path)).toEqual(['Dockerfile', 'real/Dockerfile']);
    expect(snapshotFindings(result.findings).map((f) => [f.code, f.path, f.args['reason']])).toEqual([
      ['scan-skipped', 'a/loop', 'symlink-to-directory'],
      ['scan-skipped', 'dangling', 'broken-symlink'],
      ['scan-skipped', 'etc', 'symlink-outside-root'],
      ['scan-skipped', 'leak-relative.txt', 'symlink-outside-root'],
      ['scan-skipped', 'leak.txt', 'symlink-outside-root'],
      ['scan-skipped', 'root-link', 'symlink-to-directory'],
      ['scan-skipped', 'self', 'symlink-loop'],
    ]);
    expect(JSON.stringify(result)).not.toContain('TOP SECRET');
  });

  test('a root reached through a symlink is scanned the same way', () => {
    const parent = trees.make();
    symlinkSync(root, join(parent, 'repo'));
    const snapshot = createDiskSnapshot(join(parent, 'repo'));
    expect(snapshot.files).toEqual(createDiskSnapshot(root).files);
    expect(snapshot.read('Dockerfile')).toEqual({ ok: true, text: DOCKERFILE });
  });

  describe('the name index the walk builds', () => {
    /** What the snapshot would build from the file list alone, for comparison. */
    function indexFromFiles(files: readonly string[]) {
      const memory = new RepoSnapshot('files', { files, notes: [], readBytes: () => ({ error: 'unused' }) });
      return {
        names: [...new Set(files.map((f) => f.slice(f.lastIndexOf('/') + 1)))].sort().map((name) => [name, memory.filesNamed(name)]),
        dirs: memory.directories().map((dir) => [dir, memory.filesIn(dir)]),
      };
    }

    test('lists exactly the walked files: accepted links in, skipped links and special files out', () => {
      const snapshot = createDiskSnapshot(root);
      const expected = indexFromFiles(snapshot.files);
      expect(expected.names.map(([name, paths]) => [name, snapshot.filesNamed(name as string)])).toEqual(expected.names);
      expect(snapshot.directories()).toEqual(expected.dirs.map(([dir]) => dir));
      expect(expected.dirs.map(([dir, paths]) => [dir, snapshot.filesIn(dir as string)])).toEqual(expected.dirs);
      expect(snapshot.filesNamed('leak.txt', 'dangling', 'self', 'loop')).toEqual([]);
      expect(snapshot.filesNamed('app.conf')).toEqual(['..data/app.conf', 'app.conf']);
    });

    test('the config\'s exclude globs drop files from the index too', () => {
      const snapshot = createDiskSnapshot(root, { exclude: ['real'] });
      expect(snapshot.files).not.toContain('real/Dockerfile');
      expect(snapshot.filesNamed('Dockerfile')).toEqual(['Dockerfile']);
      expect(snapshot.directories()).not.toContain('real');
    });
  });

});

describe('special files', () => {
  let writer: ChildProcess | undefined;
  let server: Server | undefined;
  afterAll(() => {
    writer?.kill();
    server?.close();
  });

  posixOnly(
    'FIFOs and sockets are noted and never opened',
    async () => {
      const root = trees.make({ Dockerfile: DOCKERFILE, 'link-to-fifo': { symlink: 'pipes/Dockerfile' } });
      execFileSync('mkdir', [join(root, 'pipes')]);
      execFileSync('mkfifo', [join(root, 'pipes/Dockerfile')]);
      const socketPath = join(root, 'app.sock');
      server = createServer();
      await new Promise<void>((resolve) => server!.listen(socketPath, resolve));
      // A writer blocked on the FIFO: it only finishes once someone opens the FIFO for reading,
      // so a reader that did open it would not hang and would leave the writer finished.
      writer = spawn('sh', ['-c', 'printf "FROM evil\\n" > "$0"', join(root, 'pipes/Dockerfile')], { stdio: 'ignore' });

      const snapshot = createDiskSnapshot(root);
      const result = runDetectors(snapshot);
      expect(snapshot.files).toEqual(['Dockerfile']);
      expect(snapshot.notes).toEqual([
        { path: 'app.sock', reason: 'special-file' },
        { path: 'link-to-fifo', reason: 'special-file' },
        { path: 'pipes/Dockerfile', reason: 'special-file' },
      ]);
      expect(result.facts.dockerfiles.map((d) => d.path)).toEqual(['Dockerfile']);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(writer.exitCode).toBeNull();
    },
    15_000,
  );
});

describe('permissions', () => {
  posixOnly('an unreadable directory and file are noted and the scan goes on (as root they are simply read)', () => {
    const root = trees.make({
      'locked/Dockerfile': DOCKERFILE,
      'api/Dockerfile': DOCKERFILE,
      'web/Dockerfile': DOCKERFILE,
      'web/.gitignore': '*.tmp\n',
      'web/scratch.tmp': '',
    });
    trees.lock(join(root, 'api/Dockerfile'));
    trees.lock(join(root, 'web/.gitignore'));
    trees.lock(join(root, 'locked'));
    const privileged = canRead(join(root, 'locked')); // root, or CAP_DAC_OVERRIDE: chmod does not stop reads

    const snapshot = createDiskSnapshot(root);
    const { facts, findings } = runDetectors(snapshot);
    if (privileged) {
      expect(snapshot.files).toEqual(['api/Dockerfile', 'locked/Dockerfile', 'web/.gitignore', 'web/Dockerfile']);
      expect(snapshot.notes).toEqual([]);
      expect(facts.dockerfiles.map((d) => d.path)).toEqual(['api/Dockerfile', 'locked/Dockerfile', 'web/Dockerfile']);
      expect(snapshotFindings(findings)).toEqual([]);
    } else {
      // An ignore file that cannot be read is noted, and what it would have hidden is listed.
      expect(snapshot.files).toEqual(['api/Dockerfile', 'web/.gitignore', 'web/Dockerfile', 'web/scratch.tmp']);
      expect(snapshot.notes).toEqual([
        { path: 'locked', reason: 'unreadable-directory' },
        { path: 'web/.gitignore', reason: 'unreadable-file' },
      ]);
      expect(facts.dockerfiles.map((d) => d.path)).toEqual(['web/Dockerfile']);
      expect(snapshotFindings(findings).map((f) => [f.code, f.path, f.args['detail'] ?? f.args['reason']])).toEqual([
        ['file-unreadable', 'api/Dockerfile', 'EACCES'],
        ['scan-skipped', 'locked', 'unreadable-directory'],
        ['scan-skipped', 'web/.gitignore', 'unreadable-file'],
      ]);
    }
  });

  posixOnly('an unreadable root is a RepositoryPathError unless chmod cannot stop us', () => {
    const root = trees.make({ Dockerfile: DOCKERFILE });
    trees.lock(root);
    if (canRead(root)) expect(createDiskSnapshot(root).files).toEqual(['Dockerfile']);
    else expect(() => createDiskSnapshot(root)).toThrow(RepositoryPathError);
  });
});

describe('the scan writes nothing', () => {
  test('every file hash, mode and mtime and every directory listing is unchanged after a full run', () => {
    const root = trees.make({
      '.gitignore': lines('*.log', 'dist/'),
      '.git/info/exclude': 'secret.txt\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
      'package.json': JSON.stringify({ name: 'web', scripts: { build: 'tsc' } }),
      'Dockerfile': DOCKERFILE,
      'compose.yaml': lines('services:', '  web:', '    build: .', '    ports: ["8080:8080"]'),
      '.github/workflows/ci.yml': lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - run: docker build .'),
      'api/Dockerfile': '\ufeffFROM node:20\r\nUSER node\r\n',
      'api/pyproject.toml': '[project]\nname = "api"\n',
      'api/requirements.txt': 'flask\n',
      'app.log': 'ignored',
      'secret.txt': 'excluded',
      'dist/bundle.js': '',
      'node_modules/x/index.js': '',
      'linked.Dockerfile': { symlink: 'Dockerfile' },
    });
    const before = fingerprint(root);
    const snapshot = createDiskSnapshot(root);
    runDetectors(snapshot);
    for (const file of snapshot.files) snapshot.read(file);
    expect(fingerprint(root)).toEqual(before);
  });
});

describe('the root', () => {
  test.each([
    ['a path that does not exist', (dir: string) => join(dir, 'missing')],
    ['a file', (dir: string) => join(dir, 'Dockerfile')],
    ['a path through a file', (dir: string) => join(dir, 'Dockerfile', 'x')],
    ['a missing path with a newline and an escape in its name', (dir: string) => join(dir, 'evil\n\u001b[2Jname')],
  ])('%s is a RepositoryPathError with a one-line message', (_, pathIn) => {
    const dir = trees.make({ Dockerfile: DOCKERFILE });
    const root = pathIn(dir);
    let error: unknown;
    try {
      createDiskSnapshot(root);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RepositoryPathError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(message).toContain(dir);
  });
});

function canRead(directory: string): boolean {
  try {
    readdirSync(directory);
    return true;
  } catch {
    return false;
  }
}

/** Content hash, mode and mtime of every entry below `root`, without following links. */
function fingerprint(root: string): Record<string, string> {
  const result: Record<string, string> = {};
  const stack = [''];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = dir ? `${dir}/${name}` : name;
      const absolute = join(root, path);
      const stats = lstatSync(absolute);
      const meta = `${stats.mode}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.size}`;
      if (stats.isDirectory()) {
        result[`${path}/`] = `${meta}:${readdirSync(absolute).sort().join('|')}`;
        stack.push(path);
      } else if (stats.isSymbolicLink()) result[path] = `${meta}:${readlinkSync(absolute)}`;
      else result[path] = `${meta}:${createHash('sha256').update(readFileSync(absolute)).digest('hex')}`;
    }
  }
  result['./'] = String(lstatSync(root).mtimeMs);
  return result;
}
