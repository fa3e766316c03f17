import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { inspectTargets, ScaffoldWriteError, writeFiles } from '../../src/scaffold/write.js';
import { unifiedDiff } from '../../src/scaffold/diff.js';
import { renderPreview } from '../../src/scaffold/diff.js';
import type { GeneratedFile } from '../../src/scaffold/types.js';
import { TempTrees } from '../helpers/disk-tree.js';

const trees = new TempTrees();
afterAll(() => trees.cleanup());

const file = (path: string, content: string): GeneratedFile => ({ path, content, kind: 'dockerfile' });
const listAll = (root: string): string[] =>
  readdirSync(root, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listAll(join(root, e.name)).map((p) => `${e.name}/${p}`) : [e.name])).sort();

describe('the scaffolding writer', () => {
  test('creates files and their directories, and leaves no temporary file behind', () => {
    const root = trees.make({ 'package.json': '{}' });
    const results = writeFiles(root, [file('Dockerfile', 'FROM a:1\n'), file('.github/workflows/containers.yml', 'name: x\n')], { force: false });
    expect(results).toEqual([{ path: 'Dockerfile', status: 'created' }, { path: '.github/workflows/containers.yml', status: 'created' }]);
    expect(listAll(root)).toEqual(['.github/workflows/containers.yml', 'Dockerfile', 'package.json']);
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toBe('FROM a:1\n');
  });

  test('keeps an existing file with other content unless forced; the same content is unchanged', () => {
    const root = trees.make({ Dockerfile: 'FROM mine:1\n', 'compose.yaml': 'services: {}\n' });
    const planned = [file('Dockerfile', 'FROM generated:1\n'), file('compose.yaml', 'services: {}\n')];
    expect(writeFiles(root, planned, { force: false })).toEqual([{ path: 'Dockerfile', status: 'kept' }, { path: 'compose.yaml', status: 'unchanged' }]);
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toBe('FROM mine:1\n');
    expect(writeFiles(root, planned, { force: true })).toEqual([{ path: 'Dockerfile', status: 'overwritten' }, { path: 'compose.yaml', status: 'unchanged' }]);
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).toBe('FROM generated:1\n');
  });

  test('an overwritten file keeps its permissions', () => {
    const root = trees.make({ 'run.sh': '#!/bin/sh\n' });
    chmodSync(join(root, 'run.sh'), 0o755);
    writeFiles(root, [file('run.sh', '#!/bin/sh\necho hi\n')], { force: true });
    expect(statSync(join(root, 'run.sh')).mode & 0o777).toBe(0o755);
  });

  test.each(['../outside', '/etc/passwd', 'a/../../b', ''])('refuses the path %j', (path) => {
    const root = trees.make({});
    expect(() => writeFiles(root, [file(path, 'x')], { force: true })).toThrow(ScaffoldWriteError);
  });

  test('refuses to write through a directory that links out of the repository, or over a link', () => {
    const outside = trees.make({});
    const root = trees.make({ target: 'x' });
    symlinkSync(outside, join(root, 'escape'));
    symlinkSync(join(root, 'target'), join(root, 'link'));
    expect(() => writeFiles(root, [file('escape/Dockerfile', 'FROM a:1\n')], { force: true })).toThrow(/leads out of the repository/);
    expect(() => inspectTargets(root, [file('link', 'x')])).toThrow(/not a regular file/);
    expect(listAll(outside)).toEqual([]);
  });

  test('a write that fails leaves the old file and no temporary file', () => {
    const root = trees.make({ 'locked/Dockerfile': 'FROM old:1\n' });
    if (process.getuid?.() === 0) return; // root writes anywhere
    trees.lock(join(root, 'locked'));
    expect(() => writeFiles(root, [file('locked/Dockerfile', 'FROM new:1\n')], { force: true })).toThrow(ScaffoldWriteError);
  });
});

describe('previews and diffs', () => {
  test('a unified diff with hunks and context', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n') + '\n';
    const after = ['a', 'B', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].join('\n') + '\n';
    expect(unifiedDiff('x.txt', before, after)).toBe(
      ['--- a/x.txt', '+++ b/x.txt', '@@ -1,5 +1,5 @@', ' a', '-b', '+B', ' c', ' d', ' e', '@@ -8,3 +8,4 @@', ' h', ' i', ' j', '+k', ''].join('\n'),
    );
    expect(unifiedDiff('x.txt', before, before)).toBe('');
  });

  test('new files in full, existing ones as a diff, equal ones as one line', () => {
    const root = trees.make({ 'compose.yaml': 'services:\n  a: {}\n', 'same.txt': 'same\n' });
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'sub/keep'), '');
    const states = inspectTargets(root, [file('Dockerfile', 'FROM a:1\n'), file('compose.yaml', 'services:\n  b: {}\n'), file('same.txt', 'same\n')]);
    expect(renderPreview(states, false).split('\n')).toEqual([
      '==> Dockerfile (new)', 'FROM a:1', '',
      '==> compose.yaml (exists, kept without --force)', '--- a/compose.yaml', '+++ b/compose.yaml', '@@ -1,2 +1,2 @@', ' services:', '-  a: {}', '+  b: {}', '',
      '==> same.txt (unchanged)', '',
    ]);
  });
});
