import { dirOf } from '../../../snapshot/paths.js';
import { defineWorkspaceReader } from './define.js';
import { isRecord } from '../../../parsers/record.js';

/**
 * A root turbo.json marks a Turborepo (https://turborepo.com/docs/reference/configuration); its
 * packages are the package manager's workspaces. A package's own turbo.json (`"extends": ["//"]`) is not a root.
 */
export const turborepo = defineWorkspaceReader({
  tool: 'turborepo',
  files: ['**/turbo.json'],
  names: ['turbo.json'],
  read(snapshot, path) {
    const config = snapshot.json(path)?.value;
    if (isRecord(config) && config.extends !== undefined) return undefined;
    return { tool: 'turborepo', root: dirOf(path), file: path, members: [] };
  },
});
