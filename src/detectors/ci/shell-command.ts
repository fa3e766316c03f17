import { posix } from 'node:path';

/** A command with what runs before it (`sudo`, `VAR=x`, `if`, `time`…) taken off. */
export interface SimpleCommand {
  /** Base name of the program, lower case: `docker`, `executor` for `/kaniko/executor`, `./deploy.sh` kept as `deploy.sh`. */
  name: string;
  /** The program as written, for tools like `./scripts/deploy.sh`. */
  program: string;
  args: string[];
  /** Variables set for this command only (`DOCKER_HOST=ssh://… docker compose up`). */
  env: Record<string, string>;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'time', 'exec', 'command', 'builtin', 'nohup', 'eval']);
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;
/** Options of the wrappers below that take a value, so the value is not taken for the program. */
const WRAPPER_VALUE_OPTIONS: Record<string, ReadonlySet<string>> = {
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-U', '-r', '-t', '-T']),
  env: new Set(['-u', '-C', '-S']),
  timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
  nice: new Set(['-n']),
  sshpass: new Set(['-p', '-f', '-d']),
};

export function simpleCommand(words: readonly string[]): SimpleCommand | undefined {
  const env: Record<string, string> = {};
  let i = 0;
  while (i < words.length) {
    const word = words[i]!;
    const assignment = ASSIGNMENT.exec(word);
    if (assignment) {
      env[assignment[1]!] = assignment[2]!;
      i++;
    } else if (KEYWORDS.has(word)) {
      i++;
    } else if (word in WRAPPER_VALUE_OPTIONS) {
      const valueOptions = WRAPPER_VALUE_OPTIONS[word]!;
      i++;
      while (i < words.length && words[i]!.startsWith('-')) i += valueOptions.has(words[i]!) ? 2 : 1;
      if (word === 'timeout') i++;
    } else {
      break;
    }
  }
  const program = words[i];
  if (program === undefined) return undefined;
  const name = posix.basename(program).toLowerCase().replace(/\.exe$/, '');
  return { name, program, args: words.slice(i + 1), env };
}

export interface ParsedArgs {
  positionals: string[];
  /** Every value of each option, by the name it was written with (`-t`, `--tag`). */
  values: Map<string, string[]>;
  flags: Set<string>;
  /** Everything after the first positional, when parsing stopped there (`docker run IMAGE cmd…`). */
  rest: string[];
}

/**
 * Parses `--name value`, `--name=value`, `-n value`, `-nvalue` (for options known to take a value)
 * and flags. With `stopAtPositional`, the first positional ends option parsing.
 */
export function parseArgs(args: readonly string[], valueOptions: ReadonlySet<string>, stopAtPositional = false): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: new Map(), flags: new Set(), rest: [] };
  const add = (name: string, value: string) => parsed.values.set(name, [...(parsed.values.get(name) ?? []), value]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      parsed.positionals.push(...args.slice(i + 1));
      break;
    }
    const equals = arg.indexOf('=');
    if (arg.startsWith('--') && equals > 2) {
      add(arg.slice(0, equals), arg.slice(equals + 1));
    } else if (arg.startsWith('-') && arg.length > 1) {
      if (valueOptions.has(arg)) {
        if (i + 1 < args.length) add(arg, args[++i]!);
      } else if (!arg.startsWith('--') && arg.length > 2 && valueOptions.has(arg.slice(0, 2))) {
        add(arg.slice(0, 2), arg.slice(2));
      } else {
        parsed.flags.add(arg);
      }
    } else {
      parsed.positionals.push(arg);
      if (stopAtPositional) {
        parsed.rest = args.slice(i + 1);
        break;
      }
    }
  }
  return parsed;
}

/** Last value of any of the option's spellings (`-f`, `--file`): the last of `optionValues`. */
export function optionValue(parsed: ParsedArgs, ...names: string[]): string | undefined {
  for (let index = names.length - 1; index >= 0; index--) {
    const values = parsed.values.get(names[index]!);
    if (values !== undefined && values.length > 0) return values[values.length - 1];
  }
  return undefined;
}

/** Every value of the option's spellings, in the order of `names`. */
export function optionValues(parsed: ParsedArgs, ...names: string[]): string[] {
  const found: string[] = [];
  for (const name of names) {
    const values = parsed.values.get(name);
    if (values !== undefined) found.push(...values);
  }
  return found;
}

export function hasFlag(parsed: ParsedArgs, ...names: string[]): boolean {
  return names.some((name) => parsed.flags.has(name) || (parsed.values.get(name) ?? []).some((v) => v !== 'false'));
}

/** Words (a YAML `args:` list, an exec-form command) written back as one shell line for the classifier. */
export function commandLine(words: readonly string[]): string {
  return words.map((word) => (word !== '' && /^[\w@%+=:,./$-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}
