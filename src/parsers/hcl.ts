/**
 * The part of HCL2 (https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md) that Docker Bake
 * files use: blocks with labels, attributes holding strings, lists and objects. Any other
 * expression (a function call, a conditional, arithmetic) is skipped and reads as undefined.
 * Never throws: what does not parse ends the body it is in.
 */
export type HclValue = string | number | boolean | HclValue[] | { [key: string]: HclValue } | undefined;

export interface HclBlock {
  type: string;
  labels: string[];
  line: number;
  attributes: Record<string, HclValue>;
  blocks: HclBlock[];
}

interface Token {
  kind: 'ident' | 'string' | 'number' | 'punct' | 'newline';
  value: string;
  line: number;
}

const PUNCTUATION = new Set(['{', '}', '[', ']', '(', ')', '=', ',', ':', '?', '.', '!', '<', '>', '+', '-', '*', '/', '%', '&', '|']);

export function parseHcl(text: string): HclBlock {
  const tokens = tokenize(text);
  const root: HclBlock = { type: '', labels: [], line: 1, attributes: {}, blocks: [] };
  parseBody(tokens, { index: 0 }, root);
  return root;
}

function parseBody(tokens: Token[], at: { index: number }, into: HclBlock): void {
  while (at.index < tokens.length) {
    const token = tokens[at.index]!;
    if (token.kind === 'newline') { at.index++; continue; }
    if (token.kind === 'punct' && token.value === '}') return;
    if (token.kind !== 'ident') { at.index++; continue; }
    const next = tokens[at.index + 1];
    if (next?.kind === 'punct' && (next.value === '=' || next.value === ':')) {
      at.index += 2;
      into.attributes[token.value] = parseExpression(tokens, at);
      continue;
    }
    const labels: string[] = [];
    let cursor = at.index + 1;
    while (tokens[cursor]?.kind === 'string' || tokens[cursor]?.kind === 'ident') labels.push(tokens[cursor++]!.value);
    if (tokens[cursor]?.value !== '{') { at.index = cursor + 1; continue; }
    const block: HclBlock = { type: token.value, labels, line: token.line, attributes: {}, blocks: [] };
    at.index = cursor + 1;
    parseBody(tokens, at, block);
    at.index++; // the closing brace
    into.blocks.push(block);
  }
}

function parseExpression(tokens: Token[], at: { index: number }): HclValue {
  const value = parsePrimary(tokens, at);
  const next = tokens[at.index];
  if (!next || next.kind === 'newline' || [',', ']', '}'].includes(next.value)) return value;
  skipExpression(tokens, at);
  return undefined;
}

function parsePrimary(tokens: Token[], at: { index: number }): HclValue {
  const token = tokens[at.index];
  if (!token) return undefined;
  at.index++;
  if (token.kind === 'string') return token.value;
  if (token.kind === 'number') return Number(token.value);
  if (token.kind === 'ident') {
    if (token.value === 'true' || token.value === 'false') return token.value === 'true';
    if (tokens[at.index]?.value === '(') { at.index--; skipExpression(tokens, at); }
    return undefined;
  }
  if (token.value === '[') {
    const items: HclValue[] = [];
    while (at.index < tokens.length && tokens[at.index]!.value !== ']') {
      if (tokens[at.index]!.kind === 'newline' || tokens[at.index]!.value === ',') { at.index++; continue; }
      items.push(parseExpression(tokens, at));
    }
    at.index++;
    return items;
  }
  if (token.value === '{') {
    const object: Record<string, HclValue> = {};
    while (at.index < tokens.length && tokens[at.index]!.value !== '}') {
      const key = tokens[at.index]!;
      if (key.kind === 'newline' || key.value === ',') { at.index++; continue; }
      const separator = tokens[at.index + 1];
      if ((key.kind !== 'ident' && key.kind !== 'string') || (separator?.value !== '=' && separator?.value !== ':')) { skipExpression(tokens, at); continue; }
      at.index += 2;
      object[key.value] = parseExpression(tokens, at);
    }
    at.index++;
    return object;
  }
  return undefined;
}

/** Skips to the end of the expression: a newline, `,` or closing bracket at its own depth. */
function skipExpression(tokens: Token[], at: { index: number }): void {
  let depth = 0;
  while (at.index < tokens.length) {
    const token = tokens[at.index]!;
    if (depth === 0 && (token.kind === 'newline' || [',', ']', '}'].includes(token.value))) return;
    if (['(', '[', '{'].includes(token.value) && token.kind === 'punct') depth++;
    if ([')', ']', '}'].includes(token.value) && token.kind === 'punct') depth--;
    at.index++;
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\n') { tokens.push({ kind: 'newline', value: '\n', line }); line++; i++; continue; }
    if (/\s/.test(char)) { i++; continue; }
    if (char === '#' || text.startsWith('//', i)) { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      line += countNewlines(text.slice(i, stop));
      i = stop;
      continue;
    }
    const heredoc = /^<<-?([A-Za-z_]\w*)[ \t]*\n/.exec(text.slice(i, i + 80));
    if (heredoc) {
      const start = i + heredoc[0].length;
      const close = new RegExp(String.raw`^[ \t]*${heredoc[1]}[ \t]*$`, 'm');
      const rest = text.slice(start);
      const match = close.exec(rest);
      const body = match ? rest.slice(0, match.index) : rest;
      tokens.push({ kind: 'string', value: body, line });
      const consumed = heredoc[0].length + body.length + (match ? match[0].length : 0);
      line += countNewlines(text.slice(i, i + consumed));
      i += consumed;
      continue;
    }
    if (char === '"') {
      const { value, end } = readString(text, i);
      tokens.push({ kind: 'string', value, line });
      line += countNewlines(text.slice(i, end));
      i = end;
      continue;
    }
    const word = /^[A-Za-z_][\w-]*/.exec(text.slice(i, i + 256));
    if (word) { tokens.push({ kind: 'ident', value: word[0], line }); i += word[0].length; continue; }
    const number = /^\d+(?:\.\d+)?/.exec(text.slice(i, i + 64));
    if (number) { tokens.push({ kind: 'number', value: number[0], line }); i += number[0].length; continue; }
    if (PUNCTUATION.has(char)) tokens.push({ kind: 'punct', value: char, line });
    i++;
  }
  return tokens;
}

/** A quoted template; `${…}` interpolations are kept as written, nested quotes included. */
function readString(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  let depth = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length) {
      const escaped = text[i + 1]!;
      value += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped;
      i += 2;
      continue;
    }
    if (text.startsWith('${', i)) { depth++; value += '${'; i += 2; continue; }
    if (char === '}' && depth > 0) depth--;
    if (char === '"' && depth === 0) return { value, end: i + 1 };
    if (char === '\n' && depth === 0) return { value, end: i };
    value += char;
    i++;
  }
  return { value, end: i };
}

function countNewlines(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count++;
  return count;
}
