import { dirOf } from '../../../snapshot/paths.js';
import { stringsOf } from '../project.js';
import { defineWorkspaceReader } from './define.js';
import { globMembers } from './members.js';
import { isRecord } from '../../../parsers/record.js';

/** `workspaces` in package.json: npm, Yarn and Bun (https://docs.npmjs.com/cli/using-npm/workspaces). */
export const nodeWorkspaces = defineWorkspaceReader({
  tool: 'npm-workspaces',
  files: ['**/package.json'],
  names: ['package.json'],
  read(snapshot, path) {
    const pkg = snapshot.json(path)?.value;
    if (!isRecord(pkg) || pkg.workspaces === undefined) return undefined;
    const patterns = isRecord(pkg.workspaces) ? stringsOf(pkg.workspaces.packages) : stringsOf(pkg.workspaces);
    const root = dirOf(path);
    return { tool: 'npm-workspaces', root, file: path, members: globMembers(snapshot, root, patterns, ['package.json']) };
  },
});
