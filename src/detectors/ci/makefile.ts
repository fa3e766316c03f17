import type { ScriptFiles } from './activity.js';
import type { ScriptLine } from './shell.js';
import { parseArgs } from './shell-command.js';
import { resolveScriptPath } from './shell-paths.js';

// https://www.gnu.org/software/make/manual/make.html#Rule-Syntax and #Flavors
export interface MakeCall {
  makefile: string;
  /** Directory the recipes run in (`-C dir`, else where make was called). */
  directory: string;
  text: string;
  /** Targets asked for; the first target of the file when none is. */
  targets: string[];
  /** `make image TAG=1`: command-line variables override the file's. */
  overrides: Record<string, string>;
}

interface Rule {
  prerequisites: string[];
  recipe: ScriptLine[];
}

const MAKE_VALUES = new Set(['-C', '--directory', '-f', '--file', '--makefile', '-j', '--jobs', '-I', '--include-dir', '-o', '-W', '-l']);
const DEFAULT_NAMES = ['GNUmakefile', 'makefile', 'Makefile'];
const ASSIGNMENT = /^(?:export\s+|override\s+)?([A-Za-z_][\w.-]*)\s*(\?=|:{1,3}=|\+=|!=|=)\s*(.*)$/;
const RULE = /^([^\s#:=][^#:=]*?)\s*::?(?!=)\s*(.*)$/;
/** Prerequisites and `$(MAKE) target` calls are followed this deep within the one Makefile. */
const MAX_DEPTH = 4;

export function makeCall(args: readonly string[], cwd: string | undefined, files: ScriptFiles): MakeCall | undefined {
  const parsed = parseArgs(args, MAKE_VALUES);
  const changed = parsed.values.get('-C')?.at(-1) ?? parsed.values.get('--directory')?.at(-1);
  const directory = changed === undefined ? cwd : resolveScriptPath(changed, cwd);
  if (directory === undefined) return undefined;
  const named = parsed.values.get('-f')?.at(-1) ?? parsed.values.get('--file')?.at(-1) ?? parsed.values.get('--makefile')?.at(-1);
  const candidates = named === undefined ? DEFAULT_NAMES : [named];
  for (const candidate of candidates) {
    const makefile = resolveScriptPath(candidate, directory);
    const text = makefile === undefined ? undefined : files.text(makefile);
    if (makefile === undefined || text === undefined) continue;
    const overrides = Object.fromEntries(parsed.positionals.filter((word) => word.includes('=')).map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]));
    return { makefile, directory, text, targets: parsed.positionals.filter((word) => !word.includes('=')), overrides };
  }
  return undefined;
}

/** The recipe lines make runs for the call: each target's prerequisites first, variables filled in. */
export function makeTargetLines(call: MakeCall): ScriptLine[] {
  const { rules, variables, first } = parseMakefile(call.text, call.makefile);
  Object.assign(variables, call.overrides);
  const done = new Set<string>();
  const linesOf = (target: string, depth: number): ScriptLine[] => {
    const rule = rules.get(target);
    if (!rule || done.has(target) || depth > MAX_DEPTH) return [];
    done.add(target);
    const before = rule.prerequisites.flatMap((prerequisite) => linesOf(prerequisite, depth + 1));
    const own = rule.recipe.flatMap((line) => {
      const recursive = /^\$[({]MAKE[)}]\s+((?:[\w.-]+\s*)+)$/.exec(line.text.trim());
      if (recursive) return recursive[1]!.trim().split(/\s+/).flatMap((name) => linesOf(name, depth + 1));
      return [{ ...line, text: expand(line.text, variables, target) }];
    });
    return [...before, ...own];
  };
  const targets = call.targets.length > 0 ? call.targets : first === undefined ? [] : [first];
  return targets.flatMap((target) => linesOf(target, 0));
}

function parseMakefile(text: string, path: string): { rules: Map<string, Rule>; variables: Record<string, string>; first?: string } {
  const rules = new Map<string, Rule>();
  const variables: Record<string, string> = {};
  let first: string | undefined;
  let current: Rule[] = [];
  let inDefine = false;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    let raw = lines[index]!;
    if (inDefine) {
      inDefine = !/^\s*endef\b/.test(raw);
      continue;
    }
    if (raw.startsWith('\t')) {
      const recipe = raw.slice(1).replace(/^[@+-]+\s*/, '');
      for (const rule of current) rule.recipe.push({ text: recipe, line: index + 1, path });
      continue;
    }
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const start = index;
    while (raw.endsWith('\\') && index + 1 < lines.length) raw = `${raw.slice(0, -1)} ${lines[++index]!.trim()}`;
    if (/^\s*define\s/.test(raw)) {
      inDefine = true;
      current = [];
      continue;
    }
    const assignment = ASSIGNMENT.exec(raw);
    const rule = assignment ? undefined : RULE.exec(raw);
    current = [];
    if (assignment) {
      const [, name, operator, value] = assignment;
      if (operator === '!=') continue;
      if (operator === '?=' && variables[name!] !== undefined) continue;
      variables[name!] = operator === '+=' && variables[name!] ? `${variables[name!]} ${value!.trim()}` : value!.trim();
    } else if (rule) {
      const [beforeRecipe, inline] = splitInline(rule[2]!);
      if (beforeRecipe.includes('=')) continue;
      const prerequisites = beforeRecipe.split('|')[0]!.trim().split(/\s+/).filter(Boolean);
      for (const target of rule[1]!.trim().split(/\s+/)) {
        if (target.includes('%') || target.includes('$')) continue;
        if (first === undefined && !target.startsWith('.')) first = target;
        const existing = rules.get(target) ?? { prerequisites: [], recipe: [] };
        existing.prerequisites.push(...prerequisites);
        // A later rule with a recipe replaces the earlier one's recipe, as make does.
        if (inline !== undefined || lines[index + 1]?.startsWith('\t')) existing.recipe = [];
        if (inline !== undefined) existing.recipe.push({ text: inline, line: start + 1, path });
        rules.set(target, existing);
        current.push(existing);
      }
    }
  }
  return { rules, variables, first };
}

function splitInline(text: string): [string, string | undefined] {
  const semicolon = text.indexOf(';');
  return semicolon === -1 ? [text, undefined] : [text.slice(0, semicolon), text.slice(semicolon + 1).trim()];
}

/** `$(IMAGE)`, `${TAG}`, `$@` and `$$` as make would write them to the shell; unknown ones stay. */
function expand(text: string, variables: Readonly<Record<string, string>>, target: string): string {
  let result = text;
  for (let round = 0; round < 4; round++) {
    result = result.replace(/\$[({]([A-Za-z_][\w.-]*)[)}]/g, (whole, name: string) => (name === 'MAKE' ? 'make' : (variables[name] ?? whole)));
  }
  return result.replace(/\$@/g, target).replace(/\$\$/g, '$');
}
