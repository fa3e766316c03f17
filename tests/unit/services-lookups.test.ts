import { detect, lines } from '../helpers/detect.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { runDetectors } from '../../src/detectors/run.js';

/**
 * The services detector finds files through the snapshot's indexes (by name, by directory, by
 * prefix) and reads only the sources that can decide: these cases would fail if a lookup missed a
 * file that a scan of every path found (files at the root, nested directories, names differing in
 * case or holding dots).
 */
type Files = Record<string, string>;
const json = (value: unknown) => JSON.stringify(value);

function kinds(files: Files): Array<[string, string]> {
  return detect(files).facts.services.map((s) => [s.path, s.kind]);
}

describe('Go: which package directories are read', () => {
  test.each<[string, Files, Array<[string, string]>]>([
    ['package main at the module root, in main.go', { 'go.mod': 'module x\n', 'main.go': 'package main\n' }, [['.', 'app']]],
    ['package main in a nested directory, not under cmd/ nor in main.go', { 'go.mod': 'module x\n', 'lib.go': 'package x\n', 'internal/server/run.go': 'package main\n' }, [['.', 'app']]],
    ['a main file named in another case', { 'go.mod': 'module x\n', 'cmd/tool/Main.go': 'package main\n' }, [['.', 'app']]],
    ['a file name with dots', { 'go.mod': 'module x\n', 'cmd/tool/tool.v2.go': 'package main\n' }, [['.', 'app']]],
    ['package main only under a build constraint', { 'go.mod': 'module x\n', 'cmd/tool/tool_linux.go': '//go:build linux\n\npackage main\n' }, [['.', 'app']]],
    ['an ignored generator first, then the real main in the same directory', { 'go.mod': 'module x\n', 'cmd/tool/a_gen.go': '//go:build ignore\n\npackage main\n', 'cmd/tool/tool.go': 'package main\n' }, [['.', 'app']]],
    ['a test file in package main does not count', { 'go.mod': 'module x\n', 'x.go': 'package x\n', 'main_test.go': 'package main\n' }, [['.', 'library']]],
    ['a nested module keeps its own main', { 'go.mod': 'module x\n', 'lib.go': 'package x\n', 'worker/go.mod': 'module w\n', 'worker/main.go': 'package main\n' }, [['.', 'library'], ['worker', 'app']]],
    ['modules in sibling directories whose names share a prefix', { 'api/go.mod': 'module a\n', 'api/lib.go': 'package a\n', 'api-gw/go.mod': 'module g\n', 'api-gw/main.go': 'package main\n' }, [['api', 'library'], ['api-gw', 'app']]],
  ])('%s', (_name, files, expected) => {
    expect(kinds(files)).toEqual(expected);
  });
});

describe('JVM: sources, language and main classes', () => {
  const pom = '<project><packaging>jar</packaging></project>';

  test.each<[string, Files, Array<[string, string]>]>([
    ['a main class in a file not named like an entry point', { 'pom.xml': pom, 'src/main/java/x/Lib.java': 'class Lib {}', 'src/main/java/x/Boot.java': 'class Boot { public static void main(String[] a) {} }' }, [['.', 'app']]],
    ['a main class in a nested module only', { 'pom.xml': pom, 'src/main/java/x/Lib.java': 'class Lib {}', 'sub/pom.xml': pom, 'sub/src/main/java/x/Main.java': 'class Main { public static void main(String[] a) {} }' }, [['.', 'library'], ['sub', 'app']]],
    ['no sources of its own, only a nested module\'s', { 'pom.xml': pom, 'sub/pom.xml': pom, 'sub/src/main/java/x/Lib.java': 'class Lib {}' }, [['.', 'app'], ['sub', 'library']]],
  ])('%s', (_name, files, expected) => {
    expect(kinds(files)).toEqual(expected);
  });

  test('in a large module, a main class in the root package is read before deeper files that sort first', () => {
    const files: Files = { 'pom.xml': pom, 'src/main/java/com/acme/Zeta.java': 'class Zeta { public static void main(String[] a) {} }' };
    for (let index = 0; index < 80; index++) files[`src/main/java/com/acme/Api/Handler${index}.java`] = 'class Handler {}';
    expect(kinds(files)).toEqual([['.', 'app']]);
  });

  test('the language counts files under src/main/<language>/ only, not a sibling sharing the prefix', () => {
    const files = {
      'build.gradle': "plugins { id 'application' }\n",
      'src/main/java/A.java': '', 'src/main/java/B.java': '',
      'src/main/kotlin/A.kt': '', 'src/main/kotlin-extra/B.kt': '', 'src/main/kotlin-extra/C.kt': '', 'src/main/kotlin-extra/D.kt': '',
    };
    expect(detect(files).facts.services.map((s) => [s.path, s.language])).toEqual([['.', 'java']]);
  });
});

describe('kinds worked out only when needed', () => {
  test('a Maven library module with a Dockerfile beside it is an app; one without stays a library', () => {
    const pom = '<project><packaging>jar</packaging></project>';
    const files = {
      'a/pom.xml': pom, 'a/src/main/java/x/Lib.java': 'class Lib {}', 'a/Dockerfile': 'FROM eclipse-temurin:21\n',
      'b/pom.xml': pom, 'b/src/main/java/x/Lib.java': 'class Lib {}',
    };
    expect(kinds(files)).toEqual([['a', 'app'], ['b', 'library']]);
  });

  test('a Dockerfile naming two modules belongs to the one that is an app', () => {
    const files = {
      'a/go.mod': 'module a\n', 'a/main.go': 'package main\n',
      'b/go.mod': 'module b\n', 'b/b.go': 'package b\n',
      Dockerfile: lines('FROM golang:1.23', 'COPY . .', 'RUN go build ./a/... ./b/...'),
    };
    expect(detect(files).facts.services.map((s) => [s.path, s.kind, s.dockerfiles])).toEqual([['a', 'app', ['Dockerfile']], ['b', 'library', []]]);
  });

  test('a front-end bundle inside a Go app is its asset tooling; inside a Go library it is a service', () => {
    const spa = json({ devDependencies: { vite: '6' } });
    expect(kinds({ 'go.mod': 'module x\n', 'main.go': 'package main\n', 'web/package.json': spa })).toEqual([['.', 'app']]);
    expect(kinds({ 'go.mod': 'module x\n', 'x.go': 'package x\n', 'web/package.json': spa })).toEqual([['.', 'library'], ['web', 'app']]);
  });

  test('the facts leave the detector as plain data', () => {
    const [service] = detect({ 'go.mod': 'module x\n', 'x.go': 'package x\n' }).facts.services;
    expect(Object.getOwnPropertyDescriptor(service, 'kind')).toEqual({ value: 'library', writable: true, enumerable: true, configurable: true });
  });
});

describe('Python: pyproject.toml parsed only when the answer needs it', () => {
  test.each<[string, Files, Array<[string, string]>]>([
    ['a uv workspace root with an entry file but no project of its own builds nothing', { 'pyproject.toml': '[tool.uv]\nworkspace = { members = ["svc/*"] }\n', 'main.py': '', 'svc/api/pyproject.toml': '[project]\nname = "api"\ndependencies = ["fastapi"]\n' }, [['svc/api', 'app']]],
    ['the word workspace elsewhere in the file', { 'pyproject.toml': '[project]\nname = "workspace-tools"\n[build-system]\nrequires = ["hatchling"]\n' }, [['.', 'library']]],
    ['a packaged library with a console script', { 'pyproject.toml': '[project]\nname = "cli"\n[project.scripts]\ncli = "cli:main"\n' }, [['.', 'app']]],
  ])('%s', (_name, files, expected) => {
    expect(kinds(files)).toEqual(expected);
  });
});

describe('workspace members and included directories', () => {
  test('members are found by exact manifest name, at any depth, not by a name in another case', () => {
    const files = {
      'package.json': json({ private: true, workspaces: ['packages/*', 'apps/**'] }),
      'packages/a/package.json': json({ name: 'a', exports: './index.js' }),
      'packages/b/Package.json': json({ scripts: { start: 'node .' } }),
      'apps/web/site/package.json': json({ name: 'site', exports: './x.js' }),
    };
    expect(kinds(files)).toEqual([['apps/web/site', 'library'], ['packages/a', 'library']]);
  });

  test('includeServices adds the directories holding files that match, the root included', () => {
    const snapshot = createMemorySnapshot({ 'scripts/a/run.sh': '', 'scripts/b/c/x.py': '', 'README.md': '' });
    const pick = (patterns: string[]) => runDetectors(snapshot, undefined, { includeServices: patterns }).facts.services.map((s) => s.path);
    expect(pick(['scripts/*'])).toEqual(['scripts/a']);
    expect(pick(['scripts/**'])).toEqual(['scripts/a', 'scripts/b/c']);
    expect(pick(['.'])).toEqual(['.']);
  });
});
