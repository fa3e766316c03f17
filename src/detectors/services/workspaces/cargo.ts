import { dirOf } from '../../../snapshot/paths.js';
import { tomlAt, tomlOf } from '../../../parsers/toml.js';
import { stringsOf } from '../project.js';
import { defineWorkspaceReader } from './define.js';
import { globMembers } from './members.js';

/** `[workspace] members` and `exclude` of a Cargo.toml (https://doc.rust-lang.org/cargo/reference/workspaces.html). */
export const cargoWorkspace = defineWorkspaceReader({
  tool: 'cargo',
  files: ['**/Cargo.toml'],
  names: ['Cargo.toml'],
  read(snapshot, path) {
    const manifest = tomlOf(snapshot, path)?.value;
    const workspace = tomlAt(manifest, 'workspace');
    if (workspace === undefined) return undefined;
    const root = dirOf(path);
    const members = globMembers(snapshot, root, stringsOf(tomlAt(workspace, 'members')), ['Cargo.toml'], stringsOf(tomlAt(workspace, 'exclude')));
    return { tool: 'cargo', root, file: path, members: members.filter((dir) => dir !== root) };
  },
});
