// Bundles the CLI into dist/cli.bundle.cjs: one file to load instead of ~150 modules, with the
// runtime dependencies inside, so `npx containerize-check` starts fast and needs no node_modules.
// The unbundled dist/ stays for the programmatic API (`exports`). It bundles tsc's output, so the
// CLI and the API run the same code. CommonJS, not ESM: only a script can be given V8's code cache
// on Node 20 (see bin/load-bundle.cjs), which scripts/code-cache.js then makes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/**
 * zod exports every locale through `z.locales`, a third of the bundle; the tool only speaks
 * English (zod's default), so in the bundle that namespace holds `en` alone.
 */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: join(dirname(args.importer), '../locales/en.js'), namespace: 'zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * commander loads node:child_process at start (for executable subcommands, which this CLI does not
 * have), and with it net, dgram and the socket layer: in the bundle it gets a stand-in that loads
 * the real module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(?:node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

/**
 * jsonc-parser's modules build formatting tables at load (string-intern.js: 1,200 strings) that only
 * its formatter uses; marked free of side effects, the bundle leaves out what the parser does not need.
 */
const pureJsoncParser = {
  name: 'pure-jsonc-parser',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'pure-jsonc-parser') return undefined;
      if (args.path !== 'jsonc-parser' && !/[\\/]node_modules[\\/]jsonc-parser[\\/]/.test(args.importer)) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'pure-jsonc-parser' });
      return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path, sideEffects: false };
    });
  },
};

/**
 * zod and chalk cost ~10 ms to evaluate at start (zod builds its core, chalk probes the terminal's
 * colours, which the tool decides itself): in the bundle each sits behind a stand-in that
 * evaluates it on first use, so a run that validates nothing, or prints JSON, never pays. The
 * stand-ins cover what src/ uses: zod's `z` namespace and `config`, chalk's `Chalk` class,
 * js-yaml's `loadAll`, `Schema`, `Type` and `YAMLException` (for instanceof only).
 * zod is not even in the CLI's bundle: a fifth of its code, whose namespaces alone took ~3 ms to
 * set up at each start. It has a bundle of its own (dist/zod.bundle.cjs, built below), which
 * bin/load-bundle.cjs loads with its own code cache.
 */
const LAZY_STAND_INS = {
  zod: `
    let loaded;
    const pending = [];
    function load() {
      if (!loaded) {
        const { join } = require('node:path');
        loaded = require(join(__dirname, '..', 'bin', 'load-bundle.cjs')).requireBundle(join(__dirname, 'zod.bundle.cjs'));
        for (const settings of pending.splice(0)) loaded.config(settings);
      }
      return loaded;
    }
    export const z = new Proxy({}, { get: (_, key) => load().z[key], has: (_, key) => key in load().z });
    // zod reads its settings when a schema is built, so settings made before the first load wait for it.
    export function config(settings) {
      if (loaded) return loaded.config(settings);
      if (settings) pending.push(settings);
      return undefined;
    }`,
  chalk: `
    let loaded;
    export function Chalk(options) {
      return new (loaded ??= require('chalk')).Chalk(options);
    }`,
  // Its default schemas are built at load (~1 ms): only a repository with YAML to read needs them.
  // A parse failure is told by instanceof, which must not load it either: nothing loaded, nothing thrown.
  'js-yaml': `
    let loaded;
    const load = () => (loaded ??= require('js-yaml'));
    export function loadAll(...args) { return load().loadAll(...args); }
    export function Schema(...args) { return new (load().Schema)(...args); }
    export function Type(...args) { return new (load().Type)(...args); }
    export const YAMLException = { [Symbol.hasInstance]: (value) => loaded !== undefined && value instanceof loaded.YAMLException };`,
};
const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    const names = Object.keys(LAZY_STAND_INS);
    build.onResolve({ filter: new RegExp(`^(?:${names.join('|')})$`) }, async (args) => {
      if (/[\\/]node_modules[\\/]/.test(args.importer) || args.pluginData === 'lazy-package') return undefined;
      if (args.namespace !== 'lazy-package') return { path: args.path, namespace: 'lazy-package' };
      // The stand-in's require() gets the ES module build, as an import would: the same code as
      // the rest of the bundle, not the package's CommonJS twin.
      const resolved = await build.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, pluginData: 'lazy-package' });
      return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({ contents: LAZY_STAND_INS[args.path], loader: 'js', resolveDir: root }));
  },
};

const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // ESM builds first: jsonc-parser's `main` is UMD, whose factory require()s files esbuild cannot see.
  mainFields: ['module', 'main'],
  minify: process.env.BUNDLE_MINIFY !== '0',
  // Non-ASCII characters escaped, so that bin/load-bundle.cjs may read the bundle as latin1.
  charset: 'ascii',
  legalComments: 'none', // the licenses of what is bundled go to cli.bundle.licenses.txt instead
  metafile: true,
  logLevel: 'warning',
};

/**
 * Builds one bundle, checks what it leaves outside, and writes its id on the first line. A bundle
 * may require Node built-ins, nothing from node_modules, and may not import() at all (a script run
 * by vm needs a loader for that, which Node 20.0 lacks).
 */
async function bundle(name, options) {
  const outfile = join(dist, `${name}.bundle.cjs`);
  rmSync(join(dist, `${name}.bundle.cache`), { force: true });
  const result = await build({ ...BUNDLE_OPTIONS, ...options, outfile });
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const stray = Object.values(result.metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((i) => i.external && (!builtins.has(i.path) || i.kind === 'dynamic-import'));
  if (stray.length > 0) {
    console.error(`bundle: imports left outside ${name}.bundle.cjs: ${[...new Set(stray.map((i) => `${i.path} (${i.kind})`))].join(', ')}`);
    process.exit(1);
  }
  const code = readFileSync(outfile, 'utf8');
  // esbuild escapes non-ASCII in code (charset: 'ascii'), not in the comments an unminified build
  // keeps, where latin1 reading changes nothing that runs.
  if (process.env.BUNDLE_MINIFY !== '0' && /[^\x00-\x7f]/.test(code)) {
    console.error(`bundle: non-ASCII characters in ${name}.bundle.cjs, which bin/load-bundle.cjs reads as latin1`);
    process.exit(1);
  }
  // The build's id, for bin/load-bundle.cjs to match the code cache with.
  writeFileSync(outfile, `// containerize-check bundle ${createHash('sha256').update(code).digest('hex').slice(0, 16)}\n${code}`);
  return result;
}

const results = [
  await bundle('cli', {
    entryPoints: [join(dist, 'cli/run.js')],
    plugins: [lazyPackages, lazyChildProcess, pureJsoncParser],
    // src/package-root.ts finds package.json from its own directory, in the bundle the bundle's;
    // import.meta.url, the bundle's URL, is only built when something asks for it.
    define: { 'import.meta.url': '__bundleMeta.url', __BUNDLE_DIRECTORY__: '__dirname' },
    banner: { js: "var __bundleMeta={get url(){return require('node:url').pathToFileURL(__filename).href}};" },
  }),
  // What the zod stand-in above uses, from the ES module build, as the unbundled dist/ imports it.
  await bundle('zod', {
    stdin: { contents: "export { z, config } from 'zod';", resolveDir: root, sourcefile: 'zod-entry.js' },
    plugins: [englishOnlyZod],
  }),
];
// The runs' reports go to standard output through the descriptor (src/cli/stdout.ts): nowhere.
execFileSync(process.execPath, [join(root, 'scripts/code-cache.js')], { stdio: ['ignore', 'ignore', 'inherit'] });

// MIT and the like ask for their notice to travel with the code.
const packages = new Map();
for (const input of results.flatMap((result) => Object.keys(result.metafile.inputs))) {
  const match = /(?:^|[\\/])node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(input);
  if (match) packages.set(match[1].replace(/\\/g, '/'), join(input.slice(0, match.index + match[0].length)));
}
const notices = [...packages].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, dir]) => {
  const absolute = join(root, dir);
  const pkg = JSON.parse(readFileSync(join(absolute, 'package.json'), 'utf8'));
  const license = readdirSync(absolute).find((file) => /^licen[cs]e(?:[.-]|$)/i.test(file));
  return `${name}@${pkg.version} (${pkg.license ?? 'see package'})\n\n${license ? readFileSync(join(absolute, license), 'utf8').trim() : 'no license file shipped'}\n`;
});
writeFileSync(join(dist, 'cli.bundle.licenses.txt'), `Third-party code bundled into cli.bundle.cjs and zod.bundle.cjs\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`);
