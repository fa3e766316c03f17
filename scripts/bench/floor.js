// The benchmark's floor: the least any tool must do to look at a repository the way
// containerize-check does — list every directory once, skip what git and the tool skip, keep the
// paths. It uses the real ignore rules (the compiled dist/snapshot/ignore-rules.js on
// .git/info/exclude and every .gitignore, and the walk's ALWAYS_SKIPPED set), without the walk's
// safety work (symlink checks, notes, build-output rules, which the generated tree never needs).
// Prints the number of files, which the runner compares with the tool's own walk.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ignoreScope, isIgnored } from '../../dist/snapshot/ignore-rules.js';
import { ALWAYS_SKIPPED } from '../../dist/snapshot/walk.js';

const root = process.argv[2];
const files = [];
const scope = (base, path) => {
  const found = ignoreScope(base, readFileSync(path), false);
  return found ? [found] : [];
};
const exclude = join(root, '.git/info/exclude');
const stack = [{ dir: '', scopes: existsSync(exclude) ? scope('', exclude) : [] }];
while (stack.length > 0) {
  const { dir, scopes: inherited } = stack.pop();
  const dirents = readdirSync(join(root, dir), { withFileTypes: true });
  const hasGitignore = dirents.some((d) => d.name === '.gitignore' && d.isFile());
  const scopes = hasGitignore ? [...inherited, ...scope(dir, join(root, dir, '.gitignore'))] : inherited;
  for (const dirent of dirents) {
    if (ALWAYS_SKIPPED.has(dirent.name)) continue;
    const path = dir ? `${dir}/${dirent.name}` : dirent.name;
    const isDirectory = dirent.isDirectory();
    if (isIgnored(path, isDirectory, scopes)) continue;
    if (isDirectory) stack.push({ dir: path, scopes });
    else files.push(path);
  }
}
files.sort();
process.stdout.write(`${files.length}\n`);
