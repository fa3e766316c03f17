import type { ServiceFact } from '../../src/detectors/facts.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { deferKind, kindNow, settleKind } from '../../src/detectors/services/kind.js';
import { deepestEnclosing, type KnownServices } from '../../src/detectors/services/ownership.js';
import { ownedBy } from '../../src/detectors/services/project.js';
import { countUnder, pathsUnder } from '../../src/snapshot/paths.js';

const service = (path: string): ServiceFact => ({
  path, language: 'go', manifest: `${path}/go.mod`, kind: 'library', confidence: 'strong', dockerfiles: [], builders: [], composeServices: [], builtInCi: false, deployed: false,
});

describe('deferred kinds', () => {
  test('reading works the kind out once and leaves plain data', () => {
    let calls = 0;
    const fact = service('api');
    deferKind(fact, () => (calls++, 'app'));
    expect(calls).toBe(0);
    expect([fact.kind, fact.kind]).toEqual(['app', 'app']);
    expect(calls).toBe(1);
    expect(Object.getOwnPropertyDescriptor(fact, 'kind')).toMatchObject({ value: 'app', writable: true });
  });

  test('writing replaces the kind without working it out', () => {
    let calls = 0;
    const fact = service('api');
    deferKind(fact, () => (calls++, 'library'));
    fact.kind = 'app';
    settleKind(fact);
    expect(fact.kind).toBe('app');
    expect(calls).toBe(0);
  });

  test('a known kind is set as it is; settling works out one still deferred', () => {
    const known = service('a');
    deferKind(known, 'app');
    expect(Object.getOwnPropertyDescriptor(known, 'kind')).toMatchObject({ value: 'app' });
    const deferred = service('b');
    deferKind(deferred, () => 'library');
    settleKind(deferred);
    expect(Object.getOwnPropertyDescriptor(deferred, 'kind')).toMatchObject({ value: 'library', writable: true, enumerable: true });
    expect(JSON.parse(JSON.stringify(deferred)).kind).toBe('library');
    expect([kindNow('app'), kindNow(() => 'library')]).toEqual(['app', 'library']);
  });
});

describe('countUnder and pathsUnder', () => {
  const sorted = ['.', 'a-b/x', 'a/b/c', 'a/d', 'a0', 'ab/x', 'b', 'z.txt'].sort();

  test.each<[string, number]>([
    ['.', 7],
    ['a', 2],
    ['a/b', 1],
    ['a-b', 1],
    ['ab', 1],
    ['b', 0],
    ['missing', 0],
  ])('%s', (dir, count) => {
    const scanned = sorted.filter((path) => (dir === '.' ? path !== '.' : path.startsWith(`${dir}/`)));
    expect(countUnder(sorted, dir)).toBe(count);
    expect(pathsUnder(sorted, dir)).toEqual(scanned);
    expect(scanned).toHaveLength(count);
  });
});

describe('RepoSnapshot.filesUnder, a range of the sorted files', () => {
  test('siblings sorting just before and after `dir/` are left out', () => {
    const snapshot = createMemorySnapshot({ 'svc/a.go': '', 'svc/b/c.go': '', 'svc.d/x': '', 'svc-e/x': '', 'svc0/x': '', 'svcf/x': '', svc: '', 'root.txt': '' });
    expect(snapshot.filesUnder('svc')).toEqual(['svc/a.go', 'svc/b/c.go']);
    expect(snapshot.filesUnder('svc/b/')).toEqual(['svc/b/c.go']);
    expect(snapshot.filesUnder('.')).toHaveLength(8);
  });
});

describe('ownedBy', () => {
  test('files of nested projects are not the root\'s; files at the root and in plain subdirectories are', () => {
    const owned = ownedBy('.', ['.', 'svc', 'libs/core']);
    expect(['go.mod', 'cmd/main.go', 'svc/main.go', 'svc/x/y.go', 'svc-gw/main.go', 'libs/core/a.go', 'libs/a.go'].filter(owned)).toEqual(['go.mod', 'cmd/main.go', 'svc-gw/main.go', 'libs/a.go']);
  });

  test('below a project directory, only projects inside it count', () => {
    const owned = ownedBy('svc', ['svc', 'svc/plugin', 'svc-gw', '.']);
    expect(['svc/a.go', 'svc/plugin/b.go', 'svc/plugins/c.go', 'svc/x/plugin/d.go'].filter(owned)).toEqual(['svc/a.go', 'svc/plugins/c.go', 'svc/x/plugin/d.go']);
  });
});

describe('deepestEnclosing', () => {
  const known = (...paths: string[]): KnownServices => {
    const services = paths.map(service);
    return { services, at: (dir) => services.find((s) => s.path === dir) };
  };

  test.each<[string, string[], string | undefined]>([
    ['services/api/docker', ['.', 'services', 'services/api'], 'services/api'],
    ['services/api', ['.', 'services/api'], 'services/api'],
    ['services/api-gw', ['services/api'], undefined],
    ['services/api-gw', ['.', 'services/api'], '.'],
    ['a/b', ['.', 'a'], 'a'],
    ['tools', [], undefined],
  ])('%s among %j', (dir, paths, expected) => {
    expect(deepestEnclosing(dir, known(...paths))?.path).toBe(expected);
  });
});
