import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { baseName, dirOf, resolveInRepo } from '../../snapshot/paths.js';
import { scriptLines } from './script-lines.js';

/**
 * Compose files used together, as a script, CI job or `.env` names them: `docker compose -f a.yml
 * -f b.yml up`, `COMPOSE_FILE=a.yml:b.yml`. The later files merge over the first, and every
 * relative path in them resolves against the first file's directory
 * (https://docs.docker.com/compose/how-tos/multiple-compose-files/merge/).
 */
export interface ComposeFileSet {
  files: string[];
  path: string;
  line: number;
}

const COMPOSE_COMMAND = /(?:^|[^\w-])(?:docker[ \t]+compose|docker-compose|podman[ \t]+compose|podman-compose)(?=[ \t]|$)(.*)$/;
/** Global options that take a value, besides `-f`/`--file` (https://docs.docker.com/reference/cli/docker/compose/). */
const VALUED_OPTIONS = new Set(['-p', '--project-name', '--project-directory', '--env-file', '--profile', '--ansi', '--progress', '--parallel']);
const COMPOSE_FILE_VARIABLE = /\bCOMPOSE_FILE[ \t]*[=:][ \t]*["']?([^\s"'#]+)/;

export function composeFileSets(snapshot: RepoSnapshot): ComposeFileSet[] {
  const sets: ComposeFileSet[] = [];
  for (const script of scriptLines(snapshot)) {
    const written = filesOfCommand(script.text) ?? filesOfVariable(script.text);
    if (!written || written.length === 0) continue;
    const files = resolveAll(snapshot, written, script.cwds);
    if (files) sets.push({ files, path: script.path, line: script.line });
  }
  for (const path of snapshot.filesNamed('.env')) {
    (snapshot.text(path) ?? '').split(/\r?\n/).forEach((text, index) => {
      const written = /^\s*(?:export\s+)?COMPOSE_FILE\s*=/.test(text) ? filesOfVariable(text) : undefined;
      const files = written && resolveAll(snapshot, written, [dirOf(path)]);
      if (files) sets.push({ files, path, line: index + 1 });
    });
  }
  return sets;
}

/** The `-f` files of a Compose command, in order; undefined when it names none. */
export function filesOfCommand(text: string): string[] | undefined {
  const match = COMPOSE_COMMAND.exec(text);
  if (!match) return undefined;
  const tokens = (match[1] ?? '').trim().split(/[ \t]+/).map(unquote);
  const files: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const inline = /^(?:--file=|-f=?)(.+)$/.exec(token);
    if (inline && token !== '-f') files.push(inline[1] ?? '');
    else if (token === '-f' || token === '--file') files.push(tokens[++i] ?? '');
    else if (VALUED_OPTIONS.has(token)) i++;
    else if (!token.startsWith('-')) break;
  }
  return files.length > 0 ? files : undefined;
}

/** `COMPOSE_FILE=a.yml:b.yml` (`;` on Windows). */
function filesOfVariable(text: string): string[] | undefined {
  const value = COMPOSE_FILE_VARIABLE.exec(text)?.[1];
  return value?.split(/[:;]/).filter(Boolean);
}

/**
 * Every file must resolve, in the first directory where all of them exist; a variable leaves the
 * set out. A CI step may run in a `working-directory` this reading does not follow: then a path
 * that only one file of the repository ends with is that file.
 */
function resolveAll(snapshot: RepoSnapshot, written: string[], cwds: string[]): string[] | undefined {
  if (written.some((file) => file === '' || file === '-' || file.includes('$'))) return undefined;
  for (const cwd of cwds) {
    const files = written.map((file) => resolveInRepo(cwd, file));
    if (files.every((file): file is string => file !== undefined && snapshot.has(file))) return files;
  }
  const bySuffix = written.map((file) => {
    const suffix = `/${file.replace(/^\.\//, '')}`;
    // A path ending with the suffix has the suffix's last segment as its name.
    const found = file.startsWith('../') ? [] : snapshot.filesNamed(baseName(suffix)).filter((path) => path.endsWith(suffix));
    return found.length === 1 ? found[0] : undefined;
  });
  return bySuffix.every((file): file is string => file !== undefined) ? bySuffix : undefined;
}

function unquote(token: string): string {
  return token.replace(/^["']|["']$/g, '');
}
