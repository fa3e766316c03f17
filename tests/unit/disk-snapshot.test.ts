import { closeSync, ftruncateSync, mkdirSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createDiskSnapshot } from '../../src/snapshot/disk.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { DiskSource } from '../../src/snapshot/walk.js';
import { ignoreScope } from '../../src/snapshot/ignore-rules.js';
import { RepoSnapshot, type FileSource } from '../../src/snapshot/repo-snapshot.js';
import { runDetectors } from '../../src/detectors/run.js';
import { TempTrees, lines, snapshotFindings } from '../helpers/disk-tree.js';

const trees = new TempTrees();
afterAll(() => trees.cleanup());

const MiB = 1024 * 1024;
const DOCKERFILE = lines('FROM alpine:3.20', 'USER 1000');
const hasMkfifo = process.platform !== 'win32';

function filesOf(entries: Parameters<TempTrees['make']>[0]): readonly string[] {
  return createDiskSnapshot(trees.make(entries)).files;
}

describe('ignore rules', () => {
  test('root and nested .gitignore files: globs, negation, anchored and directory-only patterns', () => {
    const files = filesOf({
      '.gitignore': lines('# comment', '*.log', '!important.log', '/secret.env', 'cache/', 'generated/*', '!generated/Dockerfile'),
      'app.log': '',
      'important.log': '',
      'secret.env': '',
      'api/secret.env': '',
      'cache/Dockerfile': DOCKERFILE,
      'api/cache/Dockerfile': DOCKERFILE,
      'web/cache': 'a file, so the directory-only pattern does not apply',
      'generated/Dockerfile': DOCKERFILE,
      'generated/other.txt': '',
      'api/.gitignore': lines('!debug.log', '/local.txt'),
      'api/debug.log': '',
      'api/trace.log': '',
      'api/local.txt': '',
      'api/nested/local.txt': '',
      'web/debug.log': '',
    });
    expect(files).toEqual([
      '.gitignore',
      'api/.gitignore',
      'api/debug.log',
      'api/nested/local.txt',
      'api/secret.env',
      'generated/Dockerfile',
      'important.log',
      'web/cache',
    ]);
  });

  test('a whitelist .gitignore (ignore everything, re-include directories and Dockerfiles) works', () => {
    const files = filesOf({ '.gitignore': lines('*', '!*/', '!Dockerfile', '!.gitignore'), Dockerfile: DOCKERFILE, 'src/Dockerfile': DOCKERFILE, 'src/main.go': '', 'README.md': '' });
    expect(files).toEqual(['.gitignore', 'Dockerfile', 'src/Dockerfile']);
  });

  test('.git/info/exclude applies, below .gitignore in precedence', () => {
    const files = filesOf({
      '.git/info/exclude': lines('*.tmp', 'scratch/'),
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': lines('!keep.tmp'),
      'a.tmp': '',
      'keep.tmp': '',
      'scratch/Dockerfile': DOCKERFILE,
      'sub/b.tmp': '',
      Dockerfile: DOCKERFILE,
    });
    expect(files).toEqual(['.gitignore', 'Dockerfile', 'keep.tmp']);
  });

  test('ignore files of comments and blank lines add no scope; any pattern, even one starting with spaces, does', () => {
    // `git init` writes a .git/info/exclude of comments only: as a scope it would cost a match per path.
    expect(ignoreScope('', Buffer.from('# git ls-files --others --exclude-from=.git/info/exclude\n#   *.tmp\n\n   \r\n'), false)).toBeUndefined();
    expect(ignoreScope('', Buffer.from('\ufeff# only a comment\r\n'), false)).toBeUndefined();
    expect(ignoreScope('', Buffer.from(''), false)).toBeUndefined();
    for (const text of ['*.tmp\n', '# comment\n\\#not-a-comment\n', '  spaced\n', '!keep\n']) expect(ignoreScope('', Buffer.from(text), false)).toBeDefined();
    const files = filesOf({
      '.git/info/exclude': lines('# exclude patterns', '# *.tmp'),
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': lines('# nothing here', ''),
      'sub/.gitignore': lines('#  leading-comment', '  spaced'),
      'a.tmp': '',
      'sub/  spaced': '',
      'sub/spaced': '',
    });
    expect(files).toEqual(['.gitignore', 'a.tmp', 'sub/.gitignore', 'sub/spaced']);
  });

  test('a .gitignore with a BOM and CRLF line endings still applies', () => {
    const files = filesOf({ '.gitignore': '\ufeff/first.txt\r\n*.log\r\n', 'first.txt': '', 'a.log': '', 'b.txt': '' });
    expect(files).toEqual(['.gitignore', 'b.txt']);
  });

  test('patterns are case-sensitive, as git is on Linux', () => {
    if (process.platform !== 'linux') return;
    expect(filesOf({ '.gitignore': lines('Secret.txt', 'BUILD/'), 'secret.txt': '', 'build/x.txt': '' })).toEqual([
      '.gitignore',
      'build/x.txt',
      'secret.txt',
    ]);
  });

  test('a symlinked .gitignore is not followed (git does not either)', () => {
    const outside = trees.make({ ignore: '*\n' });
    const snapshot = createDiskSnapshot(trees.make({ '.gitignore': { symlink: join(outside, 'ignore') }, Dockerfile: DOCKERFILE }));
    expect(snapshot.files).toEqual(['Dockerfile']);
    expect(snapshot.notes).toEqual([{ path: '.gitignore', reason: 'symlink-outside-root' }]);
  });

  test('a directory named .gitignore is walked, not read', () => {
    expect(filesOf({ '.gitignore/Dockerfile': DOCKERFILE, 'a.log': '' })).toEqual(['.gitignore/Dockerfile', 'a.log']);
  });
});

describe('skipped directories', () => {
  test('VCS, dependency, virtualenv and cache directories are never walked', () => {
    const files = filesOf({
      '.git/Dockerfile': DOCKERFILE,
      'node_modules/pkg/Dockerfile': DOCKERFILE,
      'web/node_modules/pkg/Dockerfile': DOCKERFILE,
      'vendor/github.com/x/Dockerfile': DOCKERFILE,
      '.venv/lib/Dockerfile': DOCKERFILE,
      'tools/py311/pyvenv.cfg': 'home = /usr/bin\n',
      'tools/py311/lib/site-packages/x/Dockerfile': DOCKERFILE,
      'tools/setup.cfg': '',
      '__pycache__/mod.pyc': '',
      '.terraform/modules/Dockerfile': DOCKERFILE,
      'sub/.git': 'gitdir: ../.git/modules/sub\n',
      'sub/Dockerfile': DOCKERFILE,
      Dockerfile: DOCKERFILE,
    });
    expect(files).toEqual(['Dockerfile', 'sub/Dockerfile', 'tools/setup.cfg']);
  });

  test('a pyvenv.cfg at the root does not hide the repository', () => {
    expect(filesOf({ 'pyvenv.cfg': '', Dockerfile: DOCKERFILE })).toEqual(['Dockerfile', 'pyvenv.cfg']);
  });

  test('build output is skipped only beside the manifest whose build writes it', () => {
    const files = filesOf({
      'web/package.json': '{}',
      'web/dist/Dockerfile': DOCKERFILE,
      'web/build/index.js': '',
      'web/out/index.html': '',
      'web/src/index.ts': '',
      'docs/dist/Dockerfile': DOCKERFILE,
      'rust/Cargo.toml': '',
      'rust/target/Dockerfile': DOCKERFILE,
      'java/pom.xml': '',
      'java/target/classes/App.class': '',
      'api/Api.csproj': '<Project/>',
      'api/bin/Debug/Dockerfile': DOCKERFILE,
      'api/obj/project.assets.json': '{}',
      'api/Dockerfile': DOCKERFILE,
      'fs/App.fsproj': '<Project/>',
      'fs/bin/Release/app.dll': '',
      'scripts/bin/run.sh': '',
      'misc/notes.csproj.bak': '',
      'misc/bin/tool': '',
    });
    expect(files).toEqual([
      'api/Api.csproj',
      'api/Dockerfile',
      'docs/dist/Dockerfile',
      'fs/App.fsproj',
      'java/pom.xml',
      'misc/bin/tool',
      'misc/notes.csproj.bak',
      'rust/Cargo.toml',
      'scripts/bin/run.sh',
      'web/package.json',
      'web/src/index.ts',
    ]);
  });

  test('in a Go repository build/package/Dockerfile is kept and detected', () => {
    const snapshot = createDiskSnapshot(trees.make({ 'go.mod': 'module example.com/app\n', 'build/package/Dockerfile': DOCKERFILE, 'cmd/app/main.go': '' }));
    expect(snapshot.files).toContain('build/package/Dockerfile');
    expect(runDetectors(snapshot).facts.dockerfiles.map((d) => d.path)).toEqual(['build/package/Dockerfile']);
  });

  test('directories named like Object.prototype members are walked like any other', () => {
    expect(filesOf({ 'constructor/a': '', '__proto__/b': '', 'toString/c': '', 'hasOwnProperty/d': '' })).toEqual([
      '__proto__/b',
      'constructor/a',
      'hasOwnProperty/d',
      'toString/c',
    ]);
  });
});

describe('names and shapes', () => {
  test('names with spaces, newlines, unicode and escape sequences are listed verbatim', () => {
    const names = [
      'with space/Docker file.txt',
      'line\nbreak/Dockerfile',
      'ünïcødé/日本語.txt',
      '\u001b[31mred\u001b[0m/Dockerfile',
      'tab\there.txt',
      '-rf',
      '..data/config',
      '...',
    ];
    const snapshot = createDiskSnapshot(trees.make(Object.fromEntries(names.map((name) => [name, DOCKERFILE]))));
    expect(snapshot.files).toEqual([...names].sort());
    expect(snapshot.notes).toEqual([]);
    expect(snapshot.read('line\nbreak/Dockerfile')).toEqual({ ok: true, text: DOCKERFILE });
    expect(runDetectors(snapshot).facts.dockerfiles.map((d) => d.path)).toEqual(['\u001b[31mred\u001b[0m/Dockerfile', 'line\nbreak/Dockerfile']);
  });

  test('a name that is not valid UTF-8 is noted, not a crash', () => {
    if (process.platform !== 'linux') return;
    const root = trees.make({ Dockerfile: DOCKERFILE });
    writeFileSync(Buffer.concat([Buffer.from(`${root}/caf`), Buffer.from([0xe9])]), '');
    const snapshot = createDiskSnapshot(root);
    expect(snapshot.files).toEqual(['Dockerfile']);
    expect(snapshot.notes).toEqual([{ path: 'caf\ufffd', reason: 'unreadable-file' }]);
  });

  test('a tree 300 directories deep is walked without recursion', () => {
    const deep = Array.from({ length: 300 }, () => 'd').join('/');
    const snapshot = createDiskSnapshot(trees.make({ [`${deep}/Dockerfile`]: DOCKERFILE, [`${deep}/.gitignore`]: 'ignored.txt\n', [`${deep}/ignored.txt`]: '' }));
    expect(snapshot.files).toEqual([`${deep}/.gitignore`, `${deep}/Dockerfile`]);
    expect(runDetectors(snapshot).facts.dockerfiles).toEqual([expect.objectContaining({ path: `${deep}/Dockerfile`, valid: true })]);
  });

  test('files are sorted and notes are in path order, whatever order the file system lists them in', () => {
    const root = trees.make({ 'b/x': '', 'a/y': '', c: '', 'z-link': { symlink: '/' }, 'a-link': { symlink: '/' } });
    const snapshot = createDiskSnapshot(root);
    expect(snapshot.files).toEqual(['a/y', 'b/x', 'c']);
    expect(snapshot.notes.map((n) => n.path)).toEqual(['a-link', 'z-link']);
  });
});

describe('file contents', () => {
  test('a 2 MiB Dockerfile is reported as too large and not read', () => {
    const snapshot = createDiskSnapshot(trees.make({ Dockerfile: `FROM alpine:3.20\n${'#'.repeat(2 * MiB)}\n` }));
    expect(snapshot.read('Dockerfile')).toEqual({ ok: false, reason: 'too-large', detail: String(2 * MiB + 18) });
    const { facts, findings } = runDetectors(snapshot);
    expect(facts.dockerfiles).toEqual([]);
    expect(snapshotFindings(findings)).toEqual([expect.objectContaining({ code: 'file-too-large', path: 'Dockerfile', args: expect.objectContaining({ limit: MiB }) })]);
  });

  test('the content of a file over the limit is never read: the source answers with its size', () => {
    const source = new DiskSource(trees.make({ Dockerfile: `FROM alpine:3.20\n${'#'.repeat(2 * MiB)}\n` }));
    const answers: unknown[] = [];
    const spy: FileSource = {
      files: source.files,
      notes: source.notes,
      readBytes: (path, maxBytes) => {
        const answer = source.readBytes(path, maxBytes);
        answers.push(Buffer.isBuffer(answer) ? 'bytes' : answer);
        return answer;
      },
    };
    const { findings } = runDetectors(new RepoSnapshot('spy', spy));
    expect(snapshotFindings(findings).map((f) => f.code)).toEqual(['file-too-large']);
    expect(answers).toEqual([{ tooLarge: 2 * MiB + 18 }]);
  });

  test('a larger limit lets the same file be read', () => {
    const snapshot = createDiskSnapshot(trees.make({ Dockerfile: `FROM alpine:3.20\n${'#'.repeat(2 * MiB)}\n` }), { maxFileBytes: 4 * MiB });
    expect(runDetectors(snapshot).facts.dockerfiles.map((d) => d.path)).toEqual(['Dockerfile']);
  });

  test('a 64 GiB (sparse) file costs nothing: reading it whole would throw', () => {
    const root = trees.make({ 'huge/.keep': '' });
    const fd = openSync(join(root, 'huge/Dockerfile'), 'w');
    ftruncateSync(fd, 64 * 1024 * MiB);
    closeSync(fd);
    const { findings } = runDetectors(createDiskSnapshot(root));
    expect(snapshotFindings(findings).map((f) => [f.code, f.path])).toEqual([['file-too-large', 'huge/Dockerfile']]);
  });

  test('the source reads a file whole up to the limit, and only says how big a larger one is', () => {
    const root = trees.make({ big: 'x'.repeat(100_000), small: 'abc', exact: 'x'.repeat(16) });
    const source = new DiskSource(root);
    expect(source.readBytes('big', 16)).toEqual({ tooLarge: 100_000 });
    expect((source.readBytes('big', 100_000) as Buffer).length).toBe(100_000);
    expect((source.readBytes('exact', 16) as Buffer).length).toBe(16);
    expect((source.readBytes('small', 16) as Buffer).toString()).toBe('abc');
    expect(source.readBytes('missing', 16)).toEqual({ error: expect.any(String) });
  });

  test('an in-memory snapshot applies the same limit', () => {
    const snapshot = createMemorySnapshot({ big: 'x'.repeat(100), small: 'abc' }, { maxFileBytes: 16 });
    expect(snapshot.read('big')).toEqual({ ok: false, reason: 'too-large', detail: '100' });
    expect(snapshot.text('small')).toBe('abc');
  });

  test('binary content is a finding, not text', () => {
    const snapshot = createDiskSnapshot(trees.make({ Dockerfile: Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01, 0xff, 0xfe]) }));
    expect(snapshot.read('Dockerfile')).toEqual({ ok: false, reason: 'binary' });
    expect(snapshotFindings(runDetectors(snapshot).findings).map((f) => [f.code, f.path])).toEqual([['file-binary', 'Dockerfile']]);
  });

  test('a Dockerfile with a UTF-8 BOM and CRLF line endings parses: stages, tags and user found', () => {
    const text = '\ufeffFROM node:20-alpine AS build\r\nRUN npm ci \\\r\n  && npm run build\r\nFROM alpine:3.20\r\nEXPOSE 8080\r\nUSER 1000\r\n';
    const snapshot = createDiskSnapshot(trees.make({ Dockerfile: text }));
    expect(snapshot.text('Dockerfile')?.startsWith('FROM')).toBe(true);
    const { facts, findings } = runDetectors(snapshot);
    expect(facts.dockerfiles).toEqual([expect.objectContaining({ path: 'Dockerfile', valid: true, exposedPorts: ['8080'], finalUser: '1000' })]);
    expect(facts.dockerfiles[0]?.stages.map((s) => [s.name, s.imageName, s.tag, s.line])).toEqual([
      ['build', 'node', '20-alpine', 1],
      [undefined, 'alpine', '3.20', 4],
    ]);
    expect(findings.filter((f) => f.code.startsWith('dockerfile-') || f.code.startsWith('file-'))).toEqual([]);
  });

  test('a file replaced by a FIFO after the walk is not waited on', () => {
    if (!hasMkfifo) return;
    const root = trees.make({ Dockerfile: DOCKERFILE });
    const snapshot = createDiskSnapshot(root);
    rmSync(join(root, 'Dockerfile'));
    execFileSync('mkfifo', [join(root, 'Dockerfile')]);
    expect(snapshot.read('Dockerfile')).toEqual({ ok: false, reason: 'unreadable', detail: expect.any(String) });
  }, 10_000);

  test('a file replaced by a symlink after the walk is not followed', () => {
    const outside = trees.make({ secret: 'FROM secret:1\n' });
    const root = trees.make({ Dockerfile: DOCKERFILE });
    const snapshot = createDiskSnapshot(root);
    rmSync(join(root, 'Dockerfile'));
    symlinkSync(join(outside, 'secret'), join(root, 'Dockerfile'));
    expect(snapshot.read('Dockerfile')).toEqual({ ok: false, reason: 'unreadable', detail: expect.any(String) });
  });

  test('an empty directory and an empty file are fine', () => {
    const root = trees.make({ 'empty.txt': '' });
    mkdirSync(join(root, 'nothing-here'));
    writeFileSync(join(root, 'Dockerfile'), '');
    const snapshot = createDiskSnapshot(root);
    expect(snapshot.files).toEqual(['Dockerfile', 'empty.txt']);
    expect(snapshot.read('empty.txt')).toEqual({ ok: true, text: '' });
  });
});
