import { dirOf } from '../../../snapshot/paths.js';
import { defineWorkspaceReader } from './define.js';
import { pathMembers } from './members.js';

const SLN_PROJECT = /^Project\("\{[^}]+\}"\)\s*=\s*"[^"]*",\s*"([^"]+\.(?:cs|fs|vb)proj)"/gm;
const SLNX_PROJECT = /<Project\s+Path="([^"]+\.(?:cs|fs|vb)proj)"/g;

/** Projects of a .NET solution, `.sln` or the XML `.slnx` (https://learn.microsoft.com/visualstudio/ide/solutions-and-projects-in-visual-studio). */
export const dotnetSolution = defineWorkspaceReader({
  tool: 'dotnet-solution',
  files: ['**/*.sln', '**/*.slnx'],
  names: ['*.sln', '*.slnx'],
  read(snapshot, path) {
    const text = snapshot.text(path) ?? '';
    const projects = [...text.matchAll(path.endsWith('.slnx') ? SLNX_PROJECT : SLN_PROJECT)].map((match) => dirOf((match[1] ?? '').replace(/\\/g, '/')));
    if (projects.length === 0) return undefined;
    const root = dirOf(path);
    return { tool: 'dotnet-solution', root, file: path, members: pathMembers(snapshot, root, projects) };
  },
});
