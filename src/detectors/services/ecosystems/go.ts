import { isWithin } from '../../../snapshot/paths.js';
import type { RepoSnapshot } from '../../../snapshot/repo-snapshot.js';
import { ownFiles, relativeTo, textOf } from '../project.js';
import { defineEcosystem } from './define.js';

/** Directories whose `package main` files are examples, generators and tools, not the module's product. */
const NOT_PRODUCT = /^(?:examples?|_examples|samples?|testdata|hack|tools|scripts|docs?|internal\/tools|vendor)(?:\/|$)|\/(?:examples?|_examples|testdata)\//;
/** `//go:build ignore` files are `go run` generators. */
const IGNORED_BUILD = /^\/\/\s*(?:go:build|\+build)\s+ignore\b/m;

/** Directories of nested go.mod files, listed once per snapshot: once per module was 0.35 s on 80 modules in 50,000 files. */
const moduleDirsCache = new WeakMap<RepoSnapshot, string[]>();

function moduleDirs(snapshot: RepoSnapshot): string[] {
  let dirs = moduleDirsCache.get(snapshot);
  if (!dirs) moduleDirsCache.set(snapshot, (dirs = snapshot.files.filter((file) => file.endsWith('/go.mod')).map((file) => file.slice(0, -'/go.mod'.length))));
  return dirs;
}

/**
 * A Go module (https://go.dev/ref/mod) is an app when it has a `package main` of its own: at its
 * root, under `cmd/`, or anywhere but examples, testdata and tool directories. Files of nested
 * modules belong to them.
 */
export const go = defineEcosystem({
  id: 'go',
  manifests: ['go.mod'],
  rank: 3,
  classify(project) {
    const { snapshot, dir } = project;
    const nestedModules = moduleDirs(snapshot).filter((other) => other !== dir && isWithin(other, dir));
    const goFiles = ownFiles(snapshot, dir, [...project.projectDirs, ...nestedModules]).filter((file) => file.endsWith('.go') && !file.endsWith('_test.go'));
    const isMain = goFiles.some((file) => {
      const relative = relativeTo(dir, file);
      if (NOT_PRODUCT.test(relative) && !relative.startsWith('cmd/')) return false;
      const text = textOf(snapshot, file);
      return /^package main\b/m.test(text) && !IGNORED_BUILD.test(text);
    });
    return { kind: isMain ? 'app' : 'library', language: 'go' };
  },
});
