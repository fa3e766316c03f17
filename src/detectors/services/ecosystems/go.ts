import { lazy } from '../../../lazy.js';
import { baseName } from '../../../snapshot/paths.js';
import { ownedBy, relativeTo } from '../project.js';
import { pathsUnder } from '../../../snapshot/paths.js';
import { defineEcosystem, type ProjectContext } from './define.js';

/** Directories whose `package main` files are examples, generators and tools, not the module's product. */
const NOT_PRODUCT = /^(?:examples?|_examples|samples?|testdata|hack|tools|scripts|docs?|internal\/tools|vendor)(?:\/|$)|\/(?:examples?|_examples|testdata)\//;
const MAIN_PACKAGE = /^package main\b/m;
/** `//go:build ignore` files are `go run` generators. */
const IGNORED_BUILD = /^\/\/\s*(?:go:build|\+build)\s+ignore\b/m;
const BUILD_CONSTRAINT = /^\/\/\s*(?:go:build|\+build)\s/m;
const PACKAGE_CLAUSE = /^package\s+\w+/m;
/**
 * Source files read per module at most. Reading is nearly all this classifier costs, and with one
 * file per package directory (below) a module has to be huge to reach it; past it the module is
 * taken for a library. Directories likely to hold the main package are read first.
 */
const MAX_READS = 256;

/**
 * A Go module (https://go.dev/ref/mod) is an app when it has a `package main` of its own: at its
 * root, under `cmd/`, or anywhere but examples, testdata and tool directories. Files of nested
 * modules belong to them (every directory with a go.mod is among `projectDirs`).
 */
export const go = defineEcosystem({
  id: 'go',
  manifests: ['go.mod'],
  rank: 3,
  classify(project) {
    return { kind: lazy(() => (hasMainPackage(project) ? 'app' : 'library')), language: 'go' };
  },
});

/**
 * Whether the module's own package directories hold a `package main`. All the files of a package
 * that no build constraint leaves out share its package clause (https://go.dev/ref/spec#Package_clause),
 * so one such file answers for its whole directory. Most commands live in a main.go: those, found
 * by name, settle most apps before the module's files are listed.
 */
function hasMainPackage(project: ProjectContext): boolean {
  const budget = { reads: MAX_READS };
  const mainFiles = pathsUnder(project.snapshot.filesNamed('main.go'), project.dir);
  return readsMain(project, productPackages(project, mainFiles), budget) || readsMain(project, productPackages(project, project.snapshot.filesUnder(project.dir)), budget);
}

function readsMain({ snapshot }: ProjectContext, packages: readonly string[][], budget: { reads: number }): boolean {
  for (const files of packages) {
    for (const file of files) {
      if (budget.reads-- <= 0) return false;
      const text = snapshot.text(file);
      if (text === undefined) continue;
      if (MAIN_PACKAGE.test(text) && !IGNORED_BUILD.test(text)) return true;
      if (PACKAGE_CLAUSE.test(text) && !BUILD_CONSTRAINT.test(text)) break;
    }
  }
  return false;
}

/**
 * Of `files` (sorted, under the module's directory), the `.go` files (tests left out) of each
 * package directory of the module that may hold its product, those likeliest to be `package main`
 * first: a directory with a main.go (that file first), then the module root and `cmd/…`, then the
 * rest, each in path order.
 */
function productPackages({ dir, projectDirs }: ProjectContext, files: readonly string[]): string[][] {
  const owned = ownedBy(dir, projectDirs);
  const packages = new Map<string, string[]>();
  for (const file of files) {
    if (!file.endsWith('.go') || file.endsWith('_test.go') || !owned(file)) continue;
    const packageDir = file.slice(0, Math.max(file.lastIndexOf('/'), 0));
    const inPackage = packages.get(packageDir);
    if (inPackage) inPackage.push(file);
    else packages.set(packageDir, [file]);
  }
  const ranked: Array<{ files: string[]; rank: number }> = [];
  for (const inPackage of packages.values()) {
    // The file name never decides the match, so the first file's path stands for its directory's.
    const relative = relativeTo(dir, inPackage[0]!);
    if (NOT_PRODUCT.test(relative) && !relative.startsWith('cmd/')) continue;
    const main = inPackage.findIndex((file) => baseName(file) === 'main.go');
    if (main > 0) inPackage.unshift(...inPackage.splice(main, 1));
    ranked.push({ files: inPackage, rank: main >= 0 ? 0 : !relative.includes('/') || relative.startsWith('cmd/') ? 1 : 2 });
  }
  return ranked.sort((a, b) => a.rank - b.rank).map((entry) => entry.files);
}
