import { dirOf } from '../../../snapshot/paths.js';
import { defineWorkspaceReader } from './define.js';
import { pathMembers } from './members.js';

const INCLUDE = /^\s*include\s*\(?([^)\n]*)\)?/gm;
const PROJECT_DIR = /project\s*\(\s*["'](:[\w:.-]+)["']\s*\)\s*\.projectDir\s*=\s*(?:file|File)\s*\(\s*["']([^"']+)["']/g;

/**
 * `include` of settings.gradle(.kts) (https://docs.gradle.org/current/userguide/multi_project_builds.html):
 * `:services:api` lives in `services/api` unless a `projectDir` says otherwise.
 */
export const gradleSettings = defineWorkspaceReader({
  tool: 'gradle',
  files: ['**/settings.gradle', '**/settings.gradle.kts'],
  names: ['settings.gradle', 'settings.gradle.kts'],
  read(snapshot, path) {
    const text = (snapshot.text(path) ?? '').replace(/\/\*[\s\S]*?\*\/|(^|\s)\/\/[^\n]*/g, '$1');
    const moved = new Map([...text.matchAll(PROJECT_DIR)].map((match) => [match[1] ?? '', match[2] ?? '']));
    const projects = [...text.matchAll(INCLUDE)].flatMap((match) => [...(match[1] ?? '').matchAll(/["']([^"']+)["']/g)].map((name) => name[1] ?? ''));
    if (projects.length === 0) return undefined;
    const paths = projects.map((project) => {
      const key = project.startsWith(':') ? project : `:${project}`;
      return moved.get(key) ?? key.slice(1).split(':').join('/');
    });
    const root = dirOf(path);
    return { tool: 'gradle', root, file: path, members: pathMembers(snapshot, root, paths) };
  },
});
