import { dirOf } from '../../../snapshot/paths.js';
import { defineWorkspaceReader } from './define.js';
import { globMembers } from './members.js';

/** nx.json marks an Nx workspace; its projects are the directories with a project.json (https://nx.dev/reference/project-configuration). */
export const nxWorkspace = defineWorkspaceReader({
  tool: 'nx',
  files: ['**/nx.json', '**/project.json'],
  names: ['nx.json'],
  read(snapshot, path) {
    const root = dirOf(path);
    return { tool: 'nx', root, file: path, members: globMembers(snapshot, root, ['**'], ['project.json']).filter((dir) => dir !== root) };
  },
});
