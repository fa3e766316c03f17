import { dirOf } from '../../../snapshot/paths.js';
import { stringsOf } from '../project.js';
import { defineWorkspaceReader } from './define.js';
import { globMembers } from './members.js';
import { isRecord } from '../../../parsers/record.js';

/** `workspace` in deno.json (https://docs.deno.com/runtime/fundamentals/workspaces/): member directories, globs allowed. */
export const denoWorkspace = defineWorkspaceReader({
  tool: 'deno',
  files: ['**/deno.json', '**/deno.jsonc'],
  names: ['deno.json', 'deno.jsonc'],
  read(snapshot, path) {
    const config = snapshot.json(path)?.value;
    if (!isRecord(config) || config.workspace === undefined) return undefined;
    const patterns = isRecord(config.workspace) ? stringsOf(config.workspace.members) : stringsOf(config.workspace);
    const root = dirOf(path);
    return { tool: 'deno', root, file: path, members: globMembers(snapshot, root, patterns, ['deno.json', 'deno.jsonc', 'package.json']) };
  },
});
