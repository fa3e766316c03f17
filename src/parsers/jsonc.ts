import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { lineAndColumn } from './lines.js';

export interface ParsedJson {
  value: unknown;
  error?: { message: string; line: number; column: number };
}

/**
 * Nesting up to which plain JSON goes through JSON.parse: deeper values could overflow the stack
 * of code that walks them, so those take jsonc-parser's road (which reports them as errors).
 */
const MAX_FAST_NESTING = 512;

/** JSON with comments and trailing commas, as devcontainer.json, tsconfig and VS Code files allow. Never throws. */
export function parseJsonc(text: string): ParsedJson {
  // Most files are plain JSON (package.json), which V8's parser reads several times faster,
  // cold, than jsonc-parser. Same value for any valid JSON; anything else falls through.
  if (openingsAtMost(text, MAX_FAST_NESTING)) {
    try {
      return { value: JSON.parse(text) };
    } catch {
      // Comments, trailing commas, or broken: jsonc-parser says which and where.
    }
  }
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    return { value: undefined, error: { message: String(error), line: 1, column: 1 } };
  }
  const first = errors[0];
  if (!first) return { value };
  return { value, error: { message: printParseErrorCode(first.error), ...lineAndColumn(text, first.offset) } };
}

/** Whether the text has at most `limit` `{` and `[` in all (strings included): a bound on nesting. */
function openingsAtMost(text: string, limit: number): boolean {
  let count = 0;
  for (let index = text.indexOf('{'); index !== -1; index = text.indexOf('{', index + 1)) if (++count > limit) return false;
  for (let index = text.indexOf('['); index !== -1; index = text.indexOf('[', index + 1)) if (++count > limit) return false;
  return true;
}
