import type { Evidence } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { findLine } from '../../parsers/lines.js';
import { baseName, dirOf, unionSorted } from '../../snapshot/paths.js';
import { findContainerCommand, type ContainerCommand } from './commands.js';
import { isRecord } from '../../parsers/record.js';

const TASK_RUNNER = /^(?:GNUmakefile|[Mm]akefile|[\w.-]+\.mk|[Jj]ustfile|\.justfile|[Tt]askfile(?:\.dist)?\.ya?ml)$/;
const SHELL_SCRIPT = /\.(?:sh|bash)$/;
/** `bin/dev`, `bin/setup.sh`; other extensions in `bin/` are usually compiled tools, not scripts to read. */
const BIN_SCRIPT = /^(?:[^.]+|[^.].*\.(?:sh|bash))$/;
const DOC_NAME = /^(?:README|CONTRIBUTING|DEVELOPMENT|DEVELOPING|HACKING)(?:\.(?:md|mdx|markdown|rst|txt|adoc|asciidoc|org))?$/i;
const DOCS_PAGE = /(?:^|\/)docs\/(?:.+\/)?[^/]+\.(?:md|mdx|markdown|rst|adoc)$/i;
const DOCS_PAGE_NAME = /\.(?:md|mdx|markdown|rst|adoc)$/i;

export const SCRIPT_GLOBS = ['**/Makefile', '**/*.mk', '**/justfile', '**/Taskfile.{yml,yaml}', '**/package.json', '**/scripts/*.sh', '**/bin/*', '*.sh'] as const;
export const DOC_GLOBS = ['**/README*', '**/CONTRIBUTING*', '**/DEVELOPMENT*', '**/HACKING*', '**/docs/**/*.md'] as const;

export function isScriptFile(path: string): boolean {
  const name = baseName(path);
  const dir = dirOf(path);
  if (TASK_RUNNER.test(name) || name === 'package.json') return true;
  if (SHELL_SCRIPT.test(name) && (dir === '.' || baseName(dir) === 'scripts')) return true;
  return baseName(dir) === 'bin' && BIN_SCRIPT.test(name);
}

export function isDocFile(path: string): boolean {
  return DOC_NAME.test(baseName(path)) || DOCS_PAGE.test(path);
}

/** Files `isScriptFile` accepts, sorted: found by name, and in `bin/` directories by listing them. */
function scriptFiles(snapshot: RepoSnapshot): string[] {
  const named = snapshot.filesNamedLike((name) => TASK_RUNNER.test(name) || name === 'package.json' || SHELL_SCRIPT.test(name));
  const inBin = snapshot.filesInDirectoriesLike((dir) => baseName(dir) === 'bin');
  return unionSorted(named, inBin).filter(isScriptFile);
}

/** Files `isDocFile` accepts, sorted. */
function docFiles(snapshot: RepoSnapshot): string[] {
  return snapshot.filesNamedLike((name) => DOC_NAME.test(name) || DOCS_PAGE_NAME.test(name)).filter(isDocFile);
}

/** Scripts and task runners that start the app in containers: the team's one command to run it. */
export function scriptEvidence(snapshot: RepoSnapshot): Evidence[] {
  const evidence: Evidence[] = [];
  for (const path of scriptFiles(snapshot)) {
    const found = baseName(path) === 'package.json' ? packageScriptCommand(snapshot, path) : commandIn(snapshot, path);
    if (found) evidence.push({ code: 'script-runs-containers', path, line: found.line, args: { command: found.command }, confidence: 'medium' });
  }
  return evidence;
}

/** READMEs and developer docs that tell people to run the app in containers. */
export function docsEvidence(snapshot: RepoSnapshot): Evidence[] {
  const evidence: Evidence[] = [];
  for (const path of docFiles(snapshot)) {
    const found = commandIn(snapshot, path);
    if (found) evidence.push({ code: 'docs-run-containers', path, line: found.line, args: { command: found.command }, confidence: 'medium' });
  }
  return evidence;
}

function commandIn(snapshot: RepoSnapshot, path: string): ContainerCommand | undefined {
  const text = snapshot.text(path);
  return text === undefined ? undefined : findContainerCommand(text);
}

/** Only `scripts` count in a package.json; the line is that of the script's key. */
function packageScriptCommand(snapshot: RepoSnapshot, path: string): ContainerCommand | undefined {
  const manifest = snapshot.json(path)?.value;
  const scripts = isRecord(manifest) && isRecord(manifest.scripts) ? manifest.scripts : {};
  const entries = Object.entries(scripts).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  const found = findContainerCommand(entries.map(([, script]) => script.replace(/\r?\n/g, ' ')).join('\n'));
  const name = found && entries[found.line - 1]?.[0];
  if (!found || name === undefined) return undefined;
  const keyLine = new RegExp(String.raw`^\s*${JSON.stringify(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\s*:`);
  return { command: found.command, line: findLine(snapshot.text(path) ?? '', keyLine) ?? 1 };
}
