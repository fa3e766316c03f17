#!/usr/bin/env node
'use strict';
// CommonJS, not ESM: an ES module entry makes Node start its module loader first, ~10 ms of every
// run. Kept to syntax every Node since 12 parses, so an old Node gets this message instead of a
// SyntaxError.
var major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  process.stderr.write('containerize-check: needs Node.js 20 or newer (this is ' + process.version + ')\n');
  process.exit(2);
}

var fs = require('node:fs');
var path = require('node:path');
var args = process.argv.slice(2);
var packageRoot = path.join(__dirname, '..');

try {
  // `--version` alone prints what commander would, without loading the application.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    // Through the descriptor, as the application writes (src/cli/stdout.ts): no stream to set up.
    writeQuietly(JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version + '\n');
  } else {
    var bundle = path.join(packageRoot, 'dist', 'cli.bundle.cjs');
    var modules = path.join(packageRoot, 'dist', 'cli', 'run.js');
    // The bundle unless tsc's output is newer: a tsc-only rebuild, as while developing, must not run
    // stale code. npm pack gives every file the same time.
    var bundleTime = modifiedTime(bundle);
    if (bundleTime === undefined || bundleTime < (modifiedTime(modules) || 0)) {
      import(require('node:url').pathToFileURL(modules).href).catch(internalError);
    } else {
      require('./load-bundle.cjs').runBundle(bundle);
    }
  }
} catch (error) {
  internalError(error);
}

/** The application could not even load (a broken install): one line, exit 3, as for any internal error. */
function internalError(error) {
  process.stderr.write('containerize-check: internal error: ' + String((error && error.message) || error).split('\n')[0] + '\n');
  if (process.env.CONTAINERIZE_CHECK_DEBUG) process.stderr.write(String(error && error.stack) + '\n');
  process.exitCode = 3;
}

/** A reader that goes away (`| head`) is no failure: the rest has nowhere to go. */
function writeQuietly(text) {
  try {
    fs.writeSync(1, text);
  } catch (error) {
    if (error.code !== 'EPIPE') throw error;
  }
}

function modifiedTime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch (error) {
    return undefined;
  }
}
