import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { resolveInRepo } from '../../snapshot/paths.js';

export interface DockerIgnore {
  /** The file that applies, if any. */
  path?: string;
  /** Whether a path relative to the build context is left out of the context. */
  ignores(relativePath: string): boolean;
}

interface Rule {
  negate: boolean;
  matches: (path: string) => boolean;
}

/**
 * The ignore file BuildKit uses for a build: `<Dockerfile>.dockerignore` next to the Dockerfile
 * wins over `.dockerignore` at the context root. Patterns follow
 * https://docs.docker.com/build/concepts/context/#dockerignore-files: rooted at the context, a
 * pattern that matches a directory excludes what is in it, `!` re-includes, the last match wins.
 */
export function loadDockerignore(snapshot: RepoSnapshot, dockerfile: string, context: string): DockerIgnore {
  const candidates = [`${dockerfile}.dockerignore`, resolveInRepo(context, '.dockerignore')].filter((p): p is string => p !== undefined);
  const path = candidates.find((candidate) => snapshot.has(candidate));
  const text = path ? snapshot.text(path) : undefined;
  if (!path || text === undefined) return { ignores: () => false };
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map(toRule)
    .filter((rule): rule is Rule => rule !== undefined);
  return {
    path,
    ignores(relativePath) {
      const parts = relativePath.split('/');
      let ignored = false;
      for (const rule of rules) {
        for (let length = 1; length <= parts.length; length++) {
          if (rule.matches(parts.slice(0, length).join('/'))) {
            ignored = !rule.negate;
            break;
          }
        }
      }
      return ignored;
    },
  };
}

function toRule(line: string): Rule | undefined {
  const negate = line.startsWith('!');
  const raw = (negate ? line.slice(1) : line).trim().replace(/^\/+/, '');
  const pattern = posix.normalize(raw || '.').replace(/\/+$/, '');
  if (pattern === '.' || pattern === '') return undefined;
  return { negate, matches: picomatch(pattern, { dot: true }) };
}
