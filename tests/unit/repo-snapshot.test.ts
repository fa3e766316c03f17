import { describe, expect, test } from '@jest/globals';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { unionSorted } from '../../src/snapshot/paths.js';
import { excludeFiles } from '../../src/snapshot/exclude.js';

const snapshot = createMemorySnapshot({
  'pom.xml': '<project/>',
  'services/api/pom.xml': '<project/>',
  'services/api/src/Main.java': 'class Main {}',
  'services/api-gateway/Dockerfile': 'FROM nginx',
  'services/web/package.json': '{}',
  'services/web/Dockerfile': 'FROM node',
  'services/web/Dockerfile.dev': 'FROM node',
  'a.csproj': '<Project/>',
  'tools/App.csproj': '<Project/>',
  'README.md': '# hi',
});

describe('RepoSnapshot lookups', () => {
  test('files are in code-unit order whatever order they were given in, and stay so with paths excluded (the binary searches rely on it)', () => {
    const codeUnitOrder = [...snapshot.files].sort();
    expect(snapshot.files).toEqual(codeUnitOrder);
    expect(snapshot.files.indexOf('services/api-gateway/Dockerfile')).toBeLessThan(snapshot.files.indexOf('services/api/pom.xml'));
    const source = excludeFiles({ files: createMemorySnapshot({ 'b/x': '', 'a/y': '', 'B/z': '' }).files, notes: [], readBytes: () => ({ error: 'unused' }) }, ['a/**']);
    expect(source.files).toEqual(['B/z', 'b/x']);
  });

  test('has answers for exact paths only: not directories, not prefixes, not the empty path', () => {
    expect(snapshot.has('services/web/Dockerfile')).toBe(true);
    expect(snapshot.has('README.md')).toBe(true);
    expect(snapshot.has('services/web')).toBe(false);
    expect(snapshot.has('services/web/Docker')).toBe(false);
    expect(snapshot.has('zzz')).toBe(false);
    expect(snapshot.has('')).toBe(false);
    expect(createMemorySnapshot({}).has('a')).toBe(false);
  });

  test('filesUnder takes whole path segments, never a name that only starts alike', () => {
    expect(snapshot.filesUnder('services/api')).toEqual(['services/api/pom.xml', 'services/api/src/Main.java']);
    expect(snapshot.filesUnder('services/api/')).toEqual(['services/api/pom.xml', 'services/api/src/Main.java']);
    expect(snapshot.filesUnder('.')).toHaveLength(10);
    expect(snapshot.filesUnder('nowhere')).toEqual([]);
  });

  test('filesNamed matches exact file names anywhere, sorted, and none that merely end alike', () => {
    expect(snapshot.filesNamed('pom.xml')).toEqual(['pom.xml', 'services/api/pom.xml']);
    expect(snapshot.filesNamed('Dockerfile', 'package.json')).toEqual([
      'services/api-gateway/Dockerfile',
      'services/web/Dockerfile',
      'services/web/package.json',
    ]);
    expect(snapshot.filesNamed('ockerfile')).toEqual([]);
  });

  test('filesNamed hands out a copy: a caller sorting or pushing cannot corrupt the index', () => {
    snapshot.filesNamed('pom.xml').push('evil');
    expect(snapshot.filesNamed('pom.xml')).toEqual(['pom.xml', 'services/api/pom.xml']);
  });

  test('filesNamedLike tests names, once per distinct name', () => {
    const seen: string[] = [];
    const matched = snapshot.filesNamedLike((name) => {
      seen.push(name);
      return name.endsWith('.csproj') || name === 'pom.xml';
    });
    expect(matched).toEqual(['a.csproj', 'pom.xml', 'services/api/pom.xml', 'tools/App.csproj']);
    expect(seen.filter((name) => name === 'pom.xml')).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
  });

  test('filesIn lists only the files directly in a directory; the root is "."', () => {
    expect(snapshot.filesIn('services/web')).toEqual(['services/web/Dockerfile', 'services/web/Dockerfile.dev', 'services/web/package.json']);
    expect(snapshot.filesIn('services')).toEqual([]);
    expect(snapshot.filesIn('.')).toEqual(['README.md', 'a.csproj', 'pom.xml']);
    expect(snapshot.filesIn('')).toEqual(snapshot.filesIn('.'));
  });

  test('filesInDirectoriesLike lists the files directly in each directory that passes, sorted', () => {
    expect(snapshot.filesInDirectoriesLike((dir) => dir.startsWith('services/api'))).toEqual([
      'services/api-gateway/Dockerfile',
      'services/api/pom.xml',
      'services/api/src/Main.java',
    ]);
    expect(snapshot.filesInDirectoriesLike((dir) => dir === 'services')).toEqual([]);
    expect(snapshot.filesInDirectoriesLike((dir) => dir === '.')).toEqual(snapshot.filesIn('.'));
  });

  test('unionSorted keeps each path once, in code-unit order', () => {
    expect(unionSorted(['b', 'a'], [], ['a', 'C'])).toEqual(['C', 'a', 'b']);
    expect(unionSorted()).toEqual([]);
  });

  test('directories lists each directory holding a file, sorted', () => {
    expect(snapshot.directories()).toEqual(['.', 'services/api', 'services/api-gateway', 'services/api/src', 'services/web', 'tools']);
  });

  test('an empty snapshot answers every lookup with nothing', () => {
    const empty = createMemorySnapshot({});
    expect(empty.filesNamed('pom.xml')).toEqual([]);
    expect(empty.filesNamedLike(() => true)).toEqual([]);
    expect(empty.filesIn('.')).toEqual([]);
    expect(empty.directories()).toEqual([]);
  });
});
