import type { ScriptFiles } from './activity.js';
import { splitCommands } from './shell.js';

// https://docs.earthly.dev/docs/earthfile
/** One command of an Earthfile target, continuation lines joined, where it starts. */
export interface EarthCommand {
  keyword: string;
  /** Words after the keyword, quotes removed. */
  args: string[];
  /** The text after the keyword, as written (for `RUN` commands). */
  rest: string;
  line: number;
}

export interface Earthfile {
  path: string;
  directory: string;
  targets: Map<string, { line: number; commands: EarthCommand[] }>;
  /** `ARG` defaults of the base target and `ARG --global`, for image names. */
  args: Record<string, string>;
}

const TARGET = /^([a-zA-Z][\w.-]*):\s*(?:#.*)?$/;

export function earthfileAt(files: ScriptFiles, directory: string): Earthfile | undefined {
  const path = directory === '.' ? 'Earthfile' : `${directory}/Earthfile`;
  const text = files.text(path);
  return text === undefined ? undefined : parseEarthfile(text, path, directory);
}

export function parseEarthfile(text: string, path: string, directory: string): Earthfile {
  const targets: Earthfile['targets'] = new Map();
  const args: Record<string, string> = {};
  let current: EarthCommand[] | undefined;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const target = TARGET.exec(raw);
    if (target) {
      current = [];
      targets.set(target[1]!, { line: index + 1, commands: current });
      continue;
    }
    const start = index;
    let joined = raw.trim();
    if (joined === '' || joined.startsWith('#')) continue;
    while (joined.endsWith('\\') && index + 1 < lines.length) joined = `${joined.slice(0, -1).trimEnd()} ${lines[++index]!.trim()}`;
    const [keyword = ''] = joined.split(/\s+/);
    const rest = joined.slice(keyword.length).trim();
    const command: EarthCommand = { keyword: keyword.toUpperCase(), args: splitCommands(rest).flatMap((c) => c.words), rest, line: start + 1 };
    if (command.keyword === 'ARG' && (current === undefined || command.args.includes('--global'))) {
      const assignment = command.args.find((word) => word.includes('='));
      if (assignment) args[assignment.slice(0, assignment.indexOf('='))] = assignment.slice(assignment.indexOf('=') + 1);
    }
    current?.push(command);
  }
  return { path, directory, targets, args };
}

/** `+docker` → this file's target; `./api+docker` → the target in api/Earthfile. Remote ones are left out. */
export function targetReference(reference: string, from: string): { directory: string; target: string } | undefined {
  const plus = reference.lastIndexOf('+');
  if (plus === -1 || reference.startsWith('github.com') || /^[\w.-]+\.[a-z]{2,}\//.test(reference)) return undefined;
  const where = reference.slice(0, plus);
  const target = reference.slice(plus + 1).split('/')[0]!;
  if (where === '') return { directory: from, target };
  if (!where.startsWith('.') || where.includes('$')) return undefined;
  const parts = [...(from === '.' ? [] : from.split('/')), ...where.split('/')].reduce<string[]>((kept, part) => {
    if (part === '..') kept.pop();
    else if (part !== '.' && part !== '') kept.push(part);
    return kept;
  }, []);
  return { directory: parts.length === 0 ? '.' : parts.join('/'), target };
}

/** `$REGISTRY/api:${TAG}` with the Earthfile's ARG defaults filled in. */
export function withArgs(text: string, args: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, braced?: string, bare?: string) => args[braced ?? bare ?? ''] ?? whole);
}
