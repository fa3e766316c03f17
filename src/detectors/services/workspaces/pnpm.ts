import { dirOf } from '../../../snapshot/paths.js';
import { stringsOf } from '../project.js';
import { defineWorkspaceReader } from './define.js';
import { globMembers } from './members.js';
import { isRecord } from '../../../parsers/record.js';

/** `packages` in pnpm-workspace.yaml (https://pnpm.io/pnpm-workspace_yaml). */
export const pnpmWorkspace = defineWorkspaceReader({
  tool: 'pnpm',
  files: ['**/pnpm-workspace.yaml'],
  names: ['pnpm-workspace.yaml'],
  read(snapshot, path) {
    const document = snapshot.yaml(path)?.documents[0];
    const patterns = isRecord(document) ? stringsOf(document.packages) : [];
    const root = dirOf(path);
    return { tool: 'pnpm', root, file: path, members: globMembers(snapshot, root, patterns, ['package.json']) };
  },
});
