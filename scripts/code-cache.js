// Writes dist/cli.bundle.cache, and a cache for each bundle it loads on first use
// (dist/zod.bundle.cache): V8's compiled code for the functions a few typical runs of the bundles
// use, made by this fresh process with Node's default flags (V8 rejects a cache made under other
// flags). Run by scripts/bundle.js, with standard output going nowhere.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { cacheContents, cachePathOf, compileBundle, evaluateBundle, recordBundles } = require('../bin/load-bundle.cjs');
const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));

const bundle = path('../dist/cli.bundle.cjs');
const RUNS = [
  [path('../tests/fixtures/monorepo-partial'), '--format', 'json'],
  [path('../tests/fixtures/gitlab-pipeline')],
  [path('../tests/fixtures/github-pipeline'), '--checklist', 'orchestration', '--json'],
  [path('../tests/fixtures/broken-input'), '--verbose'],
  // A checklist file, not a built-in name: parsed and validated with zod, as a team's own is.
  [path('../tests/fixtures/monorepo-partial'), '--checklist', path('../checklists/containerization.yaml'), '--format', 'sarif'],
  ['--help'],
];

process.stdout.write = () => true;
process.stderr.write = () => true;
const compiled = compileBundle(bundle, undefined);
const furtherBundles = recordBundles();
for (const args of RUNS) {
  process.argv = [process.execPath, path('../bin/containerize-check.cjs'), ...args];
  evaluateBundle(compiled.script, bundle);
  // The CLI finishes within a few ticks of being loaded; the next run must not overlap it.
  await new Promise((resolve) => setTimeout(resolve, 100));
}
process.exitCode = 0;
if (furtherBundles.length === 0) throw new Error('code-cache: no run loaded zod.bundle.cjs');
for (const { cachePath, ...made } of [{ cachePath: cachePathOf(bundle), ...compiled }, ...furtherBundles]) writeFileSync(cachePath, cacheContents(made));
