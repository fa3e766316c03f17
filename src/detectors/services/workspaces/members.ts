import picomatch from 'picomatch';
import type { RepoSnapshot } from '../../../snapshot/repo-snapshot.js';
import { dirOf, isWithin, resolveInRepo } from '../../../snapshot/paths.js';
import { relativeTo } from '../project.js';

/**
 * Directories below `root` holding one of `manifests` whose path (relative to the root) matches
 * the member globs; `!pattern` and `exclude` leave directories out, as npm, pnpm, Cargo and uv do.
 */
export function globMembers(snapshot: RepoSnapshot, root: string, patterns: readonly string[], manifests: readonly string[], exclude: readonly string[] = []): string[] {
  const clean = (pattern: string) => pattern.trim().replace(/^\.\//, '').replace(/\/+$/, '') || '.';
  const included = patterns.filter((p) => !p.startsWith('!')).map(clean);
  const excluded = [...patterns.filter((p) => p.startsWith('!')).map((p) => clean(p.slice(1))), ...exclude.map(clean)];
  if (included.length === 0) return [];
  const isIncluded = picomatch(included, { dot: false });
  const isExcluded = excluded.length > 0 ? picomatch(excluded, { dot: false }) : () => false;
  const members = new Set<string>();
  for (const file of snapshot.filesNamed(...manifests)) {
    const dir = dirOf(file);
    if (!isWithin(dir, root) || dir.split('/').includes('node_modules')) continue;
    const relative = dir === root ? '.' : relativeTo(root, dir);
    if (isIncluded(relative) && !isExcluded(relative)) members.add(dir);
  }
  return [...members].sort();
}

/** Explicit member paths (go.work `use`, Maven `<module>`, solution projects), kept when they exist. */
export function pathMembers(snapshot: RepoSnapshot, root: string, paths: readonly string[]): string[] {
  const members = new Set<string>();
  for (const path of paths) {
    const resolved = resolveInRepo(root, path.replace(/\\/g, '/'));
    if (resolved !== undefined && (resolved === '.' || snapshot.filesUnder(resolved).length > 0)) members.add(resolved);
  }
  return [...members].sort();
}
