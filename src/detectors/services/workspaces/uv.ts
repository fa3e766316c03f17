import { dirOf } from '../../../snapshot/paths.js';
import { tomlAt, tomlOf } from '../../../parsers/toml.js';
import { stringsOf } from '../project.js';
import { defineWorkspaceReader } from './define.js';
import { globMembers } from './members.js';

/** `[tool.uv.workspace] members` and `exclude` (https://docs.astral.sh/uv/concepts/projects/workspaces/). */
export const uvWorkspace = defineWorkspaceReader({
  tool: 'uv',
  files: ['**/pyproject.toml'],
  names: ['pyproject.toml'],
  read(snapshot, path) {
    // Nearly every pyproject.toml declares no workspace: without the word in its text it is not parsed here.
    if (!(snapshot.text(path) ?? '').includes('workspace')) return undefined;
    const workspace = tomlAt(tomlOf(snapshot, path)?.value, 'tool', 'uv', 'workspace');
    if (workspace === undefined) return undefined;
    const root = dirOf(path);
    const members = globMembers(snapshot, root, stringsOf(tomlAt(workspace, 'members')), ['pyproject.toml'], stringsOf(tomlAt(workspace, 'exclude')));
    return { tool: 'uv', root, file: path, members: members.filter((dir) => dir !== root) };
  },
});
