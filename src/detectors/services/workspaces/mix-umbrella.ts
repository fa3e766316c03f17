import { dirOf, resolveInRepo } from '../../../snapshot/paths.js';
import { defineWorkspaceReader } from './define.js';
import { globMembers } from './members.js';

/**
 * An Elixir umbrella project (https://hexdocs.pm/elixir/dependencies-and-umbrella-projects.html):
 * `apps_path` holds the child apps. When the root declares `releases`, the children ship inside
 * the root's release and are not services of their own.
 */
export const mixUmbrella = defineWorkspaceReader({
  tool: 'mix-umbrella',
  files: ['**/mix.exs'],
  names: ['mix.exs'],
  read(snapshot, path) {
    const text = snapshot.text(path) ?? '';
    const appsPath = /apps_path:\s*"([^"]+)"/.exec(text)?.[1];
    if (appsPath === undefined) return undefined;
    const root = dirOf(path);
    const appsDir = resolveInRepo(root, appsPath);
    const members = appsDir === undefined ? [] : globMembers(snapshot, appsDir, ['*'], ['mix.exs']);
    return { tool: 'mix-umbrella', root, file: path, members, bundled: /\breleases:/.test(text) };
  },
});
