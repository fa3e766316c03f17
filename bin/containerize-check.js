#!/usr/bin/env node
// Kept to syntax every Node version parses, so an old Node gets this message instead of a SyntaxError.
var major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  process.stderr.write('containerize-check: needs Node.js 20 or newer (this is ' + process.version + ')\n');
  process.exit(2);
}

// A reader that goes away (`| head`) is no failure: the rest has nowhere to go, the exit code stands.
process.stdout.on('error', function (error) {
  if (error.code === 'EPIPE') return;
  process.stderr.write('containerize-check: cannot write to standard output (' + (error.code || error.message) + ')\n');
  process.exit(3);
});

var args = process.argv.slice(2);
Promise.all([import('node:fs'), import('node:url'), import('node:module')]).then(function (builtins) {
  var fs = builtins[0];
  var fileURLToPath = builtins[1].fileURLToPath;
  var require = builtins[2].createRequire(import.meta.url);
  // `--version` alone prints what commander would, without loading the application.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    var pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(pkg.version + '\n');
    return undefined;
  }
  var bundle = new URL('../dist/cli.bundle.cjs', import.meta.url);
  var modules = new URL('../dist/cli/run.js', import.meta.url);
  // The bundle unless tsc's output is newer: a tsc-only rebuild, as while developing, must not run
  // stale code. npm pack gives every file the same time.
  var bundleTime = modifiedTime(fs, bundle);
  if (bundleTime === undefined || bundleTime < (modifiedTime(fs, modules) || 0)) return import(modules.href);
  // require(), not import(): the ESM loader would first scan the file for its exports.
  require('./load-bundle.cjs').runBundle(fileURLToPath(bundle), fileURLToPath(new URL('../dist/cli.bundle.cache', import.meta.url)));
  return undefined;
}).catch(function (error) {
  // The application could not even load (a broken install): one line, exit 3, as for any internal error.
  process.stderr.write('containerize-check: internal error: ' + String(error && error.message || error).split('\n')[0] + '\n');
  if (process.env.CONTAINERIZE_CHECK_DEBUG) process.stderr.write(String(error && error.stack) + '\n');
  process.exitCode = 3;
});

function modifiedTime(fs, url) {
  try {
    return fs.statSync(url).mtimeMs;
  } catch (error) {
    return undefined;
  }
}
