#!/usr/bin/env node
// Kept to syntax every Node version parses, so an old Node gets this message instead of a SyntaxError.
var major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  process.stderr.write('containerize-check: needs Node.js 20 or newer (this is ' + process.version + ')\n');
  process.exit(2);
}
import('../dist/cli/run.js');
