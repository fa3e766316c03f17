import { dirOf } from '../../../snapshot/paths.js';
import { defineWorkspaceReader } from './define.js';
import { pathMembers } from './members.js';

/** `use` directives of go.work, single or in a block (https://go.dev/ref/mod#go-work-file-use). */
export const goWork = defineWorkspaceReader({
  tool: 'go-work',
  files: ['**/go.work'],
  names: ['go.work'],
  read(snapshot, path) {
    const text = (snapshot.text(path) ?? '').replace(/\/\/[^\n]*/g, '');
    const paths: string[] = [];
    for (const match of text.matchAll(/^\s*use\s+(?:\(([^)]*)\)|(\S+))/gm)) {
      const written = match[1] !== undefined ? match[1].split(/\s+/) : [match[2] ?? ''];
      paths.push(...written.map((p) => p.replace(/^"|"$/g, '')).filter(Boolean));
    }
    const root = dirOf(path);
    return { tool: 'go-work', root, file: path, members: pathMembers(snapshot, root, paths) };
  },
});
