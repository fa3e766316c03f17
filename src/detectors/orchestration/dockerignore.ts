import { posix } from 'node:path';
import { compileGlob } from '../../parsers/glob.js';
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

const IGNORES_NOTHING: DockerIgnore = { ignores: () => false };

/**
 * The ignore file BuildKit uses for a build: `<Dockerfile>.dockerignore` next to the Dockerfile
 * wins over `.dockerignore` at the context root. Patterns follow
 * https://docs.docker.com/build/concepts/context/#dockerignore-files: rooted at the context, a
 * pattern that matches a directory excludes what is in it, `!` re-includes, the last match wins.
 * The loader serves many builds: each ignore file is looked up by name once and loaded once.
 */
export function dockerignoreLoader(snapshot: RepoSnapshot): (dockerfile: string, context: string) => DockerIgnore {
  const present = new Set(snapshot.filesNamedLike((name) => name.endsWith('.dockerignore')));
  const loaded = new Map<string, DockerIgnore>();
  return (dockerfile, context) => {
    const path = [`${dockerfile}.dockerignore`, resolveInRepo(context, '.dockerignore')].find((candidate) => candidate !== undefined && present.has(candidate));
    if (path === undefined) return IGNORES_NOTHING;
    let ignore = loaded.get(path);
    if (!ignore) {
      ignore = lazyDockerignore(snapshot, path);
      loaded.set(path, ignore);
    }
    return ignore;
  };
}

/**
 * Read and compiled on the first question: most builds copy nothing that could be a secret and
 * never ask. An ignore file that cannot be read as text ignores nothing (the snapshot reports why).
 */
function lazyDockerignore(snapshot: RepoSnapshot, path: string): DockerIgnore {
  let rules: Rule[] | undefined;
  return {
    path,
    ignores(relativePath) {
      rules ??= (snapshot.text(path) ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('#'))
        .map(toRule)
        .filter((rule): rule is Rule => rule !== undefined);
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
  return { negate, matches: compileGlob(pattern, { dot: true }) };
}
