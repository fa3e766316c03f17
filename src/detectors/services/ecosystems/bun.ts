import { hasFile, textOf } from '../project.js';
import { classifyPackage } from './node.js';
import { defineEcosystem } from './define.js';
import { isRecord } from '../../../parsers/record.js';

const BUN_MARKERS = ['bun.lockb', 'bun.lock', 'bunfig.toml'];
/** `bun run src/index.ts`, `bun --watch server.ts`, `bun src/index.ts`: Bun runs the package's own code. */
const BUN_RUNS = /(?:^|[\s;&])bun\s+(?:run\s+|--watch\s+|--hot\s+)*[\w./-]+\.[cm]?[jt]sx?\b/;

/**
 * A package.json run by Bun (https://bun.sh/docs/runtime/bunfig): a Bun lockfile or bunfig.toml
 * here or at the repository root. Read as Node's, plus the signs of a Bun server: a script running
 * a file with `bun`, or `Bun.serve(` in the module it starts from.
 */
export const bun = defineEcosystem({
  id: 'bun',
  manifests: ['package.json'],
  rank: 1.5,
  classify(project) {
    const { snapshot, dir, manifest } = project;
    if (!BUN_MARKERS.some((name) => hasFile(snapshot, dir, name) || snapshot.has(name))) return undefined;
    const pkg = snapshot.json(manifest)?.value;
    const scripts = isRecord(pkg) && isRecord(pkg.scripts) ? Object.values(pkg.scripts).filter((s): s is string => typeof s === 'string') : [];
    const entry = isRecord(pkg) ? [pkg.module, pkg.main].find((e): e is string => typeof e === 'string') : undefined;
    const serves = scripts.some((script) => BUN_RUNS.test(script)) || (entry !== undefined && /\bBun\.serve\s*\(/.test(textOf(snapshot, dir === '.' ? entry : `${dir}/${entry}`)));
    return classifyPackage(project, serves);
  },
});
