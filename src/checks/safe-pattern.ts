import { lazy } from '../lazy.js';
import { nodeV8 } from '../node-builtins.js';
import { z } from 'zod';

/**
 * Regular expressions from checklist YAML run over repository files, so a careless pattern must not
 * hang a scan. JavaScript's engine backtracks. Three guards: patterns that backtrack exponentially
 * (a repeated group holding a quantifier or an alternative, like `(a+)+` or `(a|aa)*`, and
 * backreferences) are refused when the checklist loads; matching runs line by line on lines cut to
 * MAX_LINE_CHARS; and V8 is told to switch a regex to its linear-time engine once it backtracks
 * too much (https://v8.dev/blog/non-backtracking-regexp), which tames polynomial cases like
 * `.*.*.*x` on a long line.
 */
export const MAX_LINE_CHARS = 1000;
const MAX_PATTERN_CHARS = 500;

/** Why a pattern is refused, or undefined when it is safe to run. */
export function unsafePatternReason(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_CHARS) return `longer than ${MAX_PATTERN_CHARS} characters`;
  try {
    new RegExp(pattern);
  } catch (error) {
    return `not a valid regular expression (${(error as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreferences are not supported';
  // Each open group: does it contain a quantifier or an alternative?
  const groups: Array<{ risky: boolean }> = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') groups.push({ risky: false });
    else if (char === '|' && groups.length > 0) groups[groups.length - 1]!.risky = true;
    else if (char === ')') {
      const group = groups.pop();
      const quantified = isRepeating(pattern, i + 1);
      if (group?.risky && quantified) return 'a repeated group may not contain a quantifier or an alternative (it could take forever to fail)';
      if (groups.length > 0 && (group?.risky || quantified)) groups[groups.length - 1]!.risky = true;
    } else if ((isRepeating(pattern, i) || (char === '?' && pattern[i - 1] !== '(')) && groups.length > 0) groups[groups.length - 1]!.risky = true;
  }
  return undefined;
}

/** A quantifier that repeats at `index`: `*`, `+` or `{n,}`/`{n,m}` with m > 1 (`?` is at most once). */
function isRepeating(pattern: string, index: number): boolean {
  const char = pattern[index];
  if (char === '*' || char === '+') return true;
  if (char !== '{') return false;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(index));
  if (!match) return false;
  if (match[2] === undefined) return Number(match[1]) > 1;
  return match[3] === '' || Number(match[3]) > 1;
}

/** A `pattern:` parameter: validated when the checklist loads, with the reason on error. */
export const safePatternParam = lazy(() =>
  z
    .string()
    .min(1)
    .superRefine((pattern, context) => {
      const reason = unsafePatternReason(pattern);
      if (reason) context.addIssue({ code: 'custom', message: `pattern: ${reason}` });
    }),
);

const BACKTRACKS_BEFORE_LINEAR = 2000;
let linearFallback = false;

export function compilePattern(pattern: string, ignoreCase = false): RegExp {
  if (!linearFallback) {
    linearFallback = true;
    try {
      nodeV8().setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
      // V8's default (50,000 backtracks per match before switching) costs ~75 ms per bad line.
      nodeV8().setFlagsFromString(`--regexp-backtracks-before-fallback=${BACKTRACKS_BEFORE_LINEAR}`);
    } catch {
      // An engine without the flag keeps the other two guards.
    }
  }
  return new RegExp(pattern, ignoreCase ? 'i' : '');
}

/** 1-based line of the first match, searching line by line with each line cut to MAX_LINE_CHARS. */
export function firstMatchingLine(text: string, regex: RegExp): number | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (regex.test(line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line)) return i + 1;
  }
  return undefined;
}
