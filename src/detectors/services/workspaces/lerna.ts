import { dirOf } from '../../../snapshot/paths.js';
import { stringsOf } from '../project.js';
import { defineWorkspaceReader } from './define.js';
import { globMembers } from './members.js';
import { isRecord } from '../../../parsers/record.js';

/** `packages` in lerna.json, `packages/*` by default (https://lerna.js.org/docs/api-reference/configuration). */
export const lernaWorkspace = defineWorkspaceReader({
  tool: 'lerna',
  files: ['**/lerna.json'],
  names: ['lerna.json'],
  read(snapshot, path) {
    const config = snapshot.json(path)?.value;
    const written = isRecord(config) ? stringsOf(config.packages) : [];
    const root = dirOf(path);
    return { tool: 'lerna', root, file: path, members: globMembers(snapshot, root, written.length > 0 ? written : ['packages/*'], ['package.json']) };
  },
});
