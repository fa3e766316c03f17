import type { DetectorContext } from '../define.js';
import type { ImageBuilder, ImageBuilderFact } from '../facts.js';
import { scriptLines, type ScriptLine } from '../compose/script-lines.js';
import { resolveInRepo } from '../../snapshot/paths.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';

/** One tool that builds images without a Dockerfile: where its configuration and commands live. */
export interface BuilderFinder {
  id: ImageBuilder;
  /** Globs of the files it reads, for documentation. */
  files: readonly string[];
  find(context: DetectorContext): ImageBuilderFact[];
}

/** Typed identity helper: each finder file is checked against the builder ids. */
export function defineBuilder(finder: BuilderFinder): BuilderFinder {
  return finder;
}

export interface CommandMatch {
  script: ScriptLine;
  /** The words after the match, quotes removed. */
  args: string[];
}

/** Script, task-runner and CI lines that run a builder command. */
export function commandsMatching(snapshot: RepoSnapshot, pattern: RegExp): CommandMatch[] {
  const matches: CommandMatch[] = [];
  for (const script of scriptLines(snapshot)) {
    const match = pattern.exec(script.text);
    if (!match) continue;
    const rest = script.text.slice(match.index + match[0].length).split(/[;&|]|\s#/)[0] ?? '';
    matches.push({ script, args: rest.trim().split(/\s+/).filter(Boolean).map((arg) => arg.replace(/^["']|["']$/g, '')) });
  }
  return matches;
}

/** A path written in a script, in the first directory it plausibly runs in where it exists. */
export function scriptPath(snapshot: RepoSnapshot, script: ScriptLine, written: string | undefined): string | undefined {
  if (written === undefined) return script.cwds[0];
  for (const cwd of script.cwds) {
    const resolved = resolveInRepo(cwd, written);
    if (resolved !== undefined && (resolved === '.' || snapshot.filesUnder(resolved).length > 0)) return resolved;
  }
  return undefined;
}

/** The value of `--flag value`, `--flag=value` or `-f value` among words. */
export function optionValue(args: readonly string[], ...names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    for (const name of names) {
      if (arg === name) return args[i + 1];
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    }
  }
  return undefined;
}
