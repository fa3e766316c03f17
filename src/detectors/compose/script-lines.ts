import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { baseName, dirOf, unionSorted } from '../../snapshot/paths.js';
import { isRecord } from '../../parsers/record.js';

/** One command line of a script, task runner or CI file, continuations joined. */
export interface ScriptLine {
  path: string;
  line: number;
  text: string;
  /** Directories the command plausibly runs in, most likely first: relative paths resolve against them. */
  cwds: string[];
}

const TASK_RUNNER = /^(?:GNUmakefile|[Mm]akefile|[\w.-]+\.mk|[Jj]ustfile|\.justfile|[Tt]askfile(?:\.dist)?\.ya?ml)$/;
const SHELL_SCRIPT = /\.(?:sh|bash)$/;
/** CI configs run their scripts from the repository root (a checkout), whatever directory they live in. */
const CI_FILE = /^(?:\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.yml|\.circleci\/config\.ya?ml|Jenkinsfile[^/]*|azure-pipelines[^/]*\.ya?ml|bitbucket-pipelines\.yml|cloudbuild[^/]*\.ya?ml|\.travis\.yml|\.drone\.ya?ml|buildspec[^/]*\.ya?ml)$/;

export const SCRIPT_LINE_GLOBS = ['**/Makefile', '**/*.mk', '**/justfile', '**/Taskfile.{yml,yaml}', '**/package.json', '**/*.{sh,bash}', '(CI config files)'] as const;

/** Lines of every script-like file, read once per snapshot (the compose and image-builder detectors share them). */
const cache = new WeakMap<RepoSnapshot, ScriptLine[]>();

export function scriptLines(snapshot: RepoSnapshot): ScriptLine[] {
  const cached = cache.get(snapshot);
  if (cached) return cached;
  const lines: ScriptLine[] = [];
  for (const path of scriptFiles(snapshot)) {
    const name = baseName(path);
    const dir = dirOf(path);
    if (name === 'package.json') lines.push(...packageScripts(snapshot, path));
    else if (CI_FILE.test(path)) lines.push(...fileLines(snapshot, path, ['.']));
    else if (TASK_RUNNER.test(name)) lines.push(...fileLines(snapshot, path, [dir]));
    else if (SHELL_SCRIPT.test(name)) lines.push(...fileLines(snapshot, path, dir === '.' ? ['.'] : [dir, '.']));
  }
  cache.set(snapshot, lines);
  return lines;
}

/**
 * Every path the loop above reads, in path order, from the name index: CI_FILE only names files at
 * the root, in `.github/workflows` and in `.circleci`.
 */
function scriptFiles(snapshot: RepoSnapshot): string[] {
  const byName = snapshot.filesNamedLike((name) => name === 'package.json' || TASK_RUNNER.test(name) || SHELL_SCRIPT.test(name));
  const ciFiles = [...snapshot.filesIn('.'), ...snapshot.filesIn('.github/workflows'), ...snapshot.filesIn('.circleci')].filter((path) => CI_FILE.test(path));
  return unionSorted(byName, ciFiles);
}

function fileLines(snapshot: RepoSnapshot, path: string, cwds: string[]): ScriptLine[] {
  const text = snapshot.text(path);
  if (text === undefined) return [];
  const result: ScriptLine[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const continued = /\\\s*$/.test(raw);
    const piece = raw.replace(/\\\s*$/, ' ');
    pending = pending ? { ...pending, text: `${pending.text} ${piece.trim()}` } : { text: piece, line: index + 1 };
    if (continued) return;
    result.push({ path, line: pending.line, text: pending.text, cwds });
    pending = undefined;
  });
  if (pending) result.push({ path, line: pending.line, text: pending.text, cwds });
  return result;
}

/** `scripts` run in the package's directory; the line is that of the script's key. */
function packageScripts(snapshot: RepoSnapshot, path: string): ScriptLine[] {
  const manifest = snapshot.json(path)?.value;
  if (!isRecord(manifest) || !isRecord(manifest.scripts)) return [];
  const text = snapshot.text(path) ?? '';
  const keyLines = text.split(/\r?\n/);
  const result: ScriptLine[] = [];
  for (const [name, script] of Object.entries(manifest.scripts)) {
    if (typeof script !== 'string') continue;
    const index = keyLines.findIndex((line) => line.includes(`${JSON.stringify(name)}`) && /:\s*/.test(line));
    result.push({ path, line: index + 1 || 1, text: script, cwds: [dirOf(path)] });
  }
  return result;
}
