import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory holding this package's package.json and checklists/. Found by walking up from
 * this module rather than by a fixed `../..`, because the same code runs from three depths:
 * src/ (tests), dist/<unit>/ (the programmatic API) and dist/cli.bundle.js (the CLI bundle, where
 * every module shares the bundle's own URL). The first package.json up is ours: src/ and dist/
 * have none, and an installed copy has its own in node_modules/containerize-check/.
 */
function findPackageRoot(start: string): string {
  for (let dir = start, depth = 0; depth < 4; depth++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`containerize-check: cannot find its package.json above ${start}`);
}

/**
 * In the CLI bundle, scripts/bundle.js defines this as the bundle's own directory: the same place
 * as import.meta.url's, without building a URL and parsing it back at every start (~1 ms).
 */
declare const __BUNDLE_DIRECTORY__: string | undefined;

export const PACKAGE_ROOT = findPackageRoot(typeof __BUNDLE_DIRECTORY__ === 'string' ? __BUNDLE_DIRECTORY__ : dirname(fileURLToPath(import.meta.url)));
