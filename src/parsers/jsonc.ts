import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { lineAndColumn } from './lines.js';

export interface ParsedJson {
  value: unknown;
  error?: { message: string; line: number; column: number };
}

/** JSON with comments and trailing commas, as devcontainer.json, tsconfig and VS Code files allow. Never throws. */
export function parseJsonc(text: string): ParsedJson {
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
