'use strict';
// Runs dist/cli.bundle.cjs with the V8 code cache made at build time (scripts/bundle.js), so a
// start skips parsing and compiling most of the bundle. Node 20 has no compile cache for modules
// (module.enableCompileCache came in 22) and the tool never writes one at run time; without a
// usable cache (another V8 version or other V8 flags), V8 compiles as usual and nothing changes.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

/**
 * The bundle's first line names its build (a hash of its content, written by scripts/bundle.js);
 * a cache file starts with the id of the build it was made from. V8 itself only compares the
 * source's length: a cache from another build of the same size would run the wrong code.
 */
const ID_LINE = /^\/\/ containerize-check bundle ([0-9a-f]{16})\n/;
const ID_BYTES = 16;

function bundleId(source) {
  const match = ID_LINE.exec(source);
  return match ? match[1] : undefined;
}

function readCache(cachePath, id) {
  let bytes;
  try {
    bytes = readFileSync(cachePath);
  } catch {
    return undefined;
  }
  return id !== undefined && bytes.length > ID_BYTES && bytes.toString('latin1', 0, ID_BYTES) === id ? bytes.subarray(ID_BYTES) : undefined;
}

/** The bundle compiled as the CommonJS module it is, with the cache when it fits. */
function compileBundle(bundlePath, cachePath) {
  // ASCII only (scripts/bundle.js makes sure), so latin1: the same string, without UTF-8 decoding.
  const source = readFileSync(bundlePath, 'latin1');
  const id = bundleId(source);
  const cachedData = cachePath === undefined ? undefined : readCache(cachePath, id);
  const importModuleDynamically = vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const script = new vm.Script(Module.wrap(source), { filename: bundlePath, cachedData, importModuleDynamically });
  return { script, id, cacheUsed: cachedData !== undefined && script.cachedDataRejected !== true };
}

function evaluateBundle(script, bundlePath) {
  const module = { exports: {}, filename: bundlePath };
  script.runInThisContext()(module.exports, Module.createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return module.exports;
}

/** `dist/cli.bundle.cjs` goes with `dist/cli.bundle.cache`. */
function cachePathOf(bundlePath) {
  return bundlePath.replace(/\.cjs$/, '.cache');
}

/** For scripts/code-cache.js: what a cache file holds, read back by readCache. Made after the runs it is to cover. */
function cacheContents(compiled) {
  if (compiled.id === undefined) throw new Error('code cache: the bundle has no id line');
  return Buffer.concat([Buffer.from(compiled.id, 'latin1'), compiled.script.createCachedData()]);
}

const loadedBundles = new Map();
let recordedBundles;

/**
 * A library the CLI's bundle leaves in a bundle of its own (zod: a fifth of the code, which most
 * runs never touch), loaded on first use, with its own code cache, once per process.
 */
function requireBundle(bundlePath) {
  let exports = loadedBundles.get(bundlePath);
  if (exports === undefined) {
    const cachePath = cachePathOf(bundlePath);
    const compiled = compileBundle(bundlePath, recordedBundles === undefined ? cachePath : undefined);
    recordedBundles?.push({ cachePath, ...compiled });
    exports = evaluateBundle(compiled.script, bundlePath);
    loadedBundles.set(bundlePath, exports);
  }
  return exports;
}

/**
 * For scripts/code-cache.js: from now on, bundles loaded through requireBundle are compiled without
 * a cache and listed in the array returned, so that their caches can be made after the runs.
 */
function recordBundles() {
  recordedBundles = [];
  return recordedBundles;
}

/** What bin/ does: compile (from the cache if it fits) and run the CLI. */
function runBundle(bundlePath) {
  const compiled = compileBundle(bundlePath, cachePathOf(bundlePath));
  evaluateBundle(compiled.script, bundlePath);
  return compiled;
}

module.exports = { compileBundle, evaluateBundle, runBundle, requireBundle, recordBundles, cachePathOf, cacheContents };
