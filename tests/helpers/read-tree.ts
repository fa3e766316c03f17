import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A directory on disk as a `{ path: content }` map, for memory snapshots of the fixture repositories. */
export function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return files;
}
