import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';
import { baseName } from '../snapshot/paths.js';

/**
 * Paths by file name, built once per snapshot: detectors that look for `pom.xml` or `.ko.yaml`
 * anywhere ask this instead of testing every path of a large monorepo again.
 */
const indexes = new WeakMap<RepoSnapshot, Map<string, string[]>>();

export function filesNamed(snapshot: RepoSnapshot, ...names: string[]): string[] {
  let index = indexes.get(snapshot);
  if (!index) {
    index = new Map();
    for (const path of snapshot.files) {
      const name = baseName(path);
      const list = index.get(name);
      if (list) list.push(path);
      else index.set(name, [path]);
    }
    indexes.set(snapshot, index);
  }
  if (names.length === 1) return index.get(names[0]!) ?? [];
  return names.flatMap((name) => index!.get(name) ?? []).sort();
}

/** Paths whose file name passes `test` (suffix patterns such as `*.csproj`): one test per distinct name. */
export function filesNamedLike(snapshot: RepoSnapshot, test: (name: string) => boolean): string[] {
  filesNamed(snapshot, '');
  const index = indexes.get(snapshot)!;
  return [...index.entries()].filter(([name]) => test(name)).flatMap(([, paths]) => paths).sort();
}
