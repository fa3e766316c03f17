/**
 * Scanning YAML text around a node js-yaml reported, to find where the `yaml` package placed it:
 * at its content (after separation space, comments, tag and anchor), or for an empty node right
 * after its indicator (`key:`, `-`, a tag) and the spaces that follow.
 */

export const isWhiteSpace = (c: number) => c === 0x20 || c === 0x09;
const isBreak = (c: number) => c === 0x0a || c === 0x0d;

/** The end of a tag (`!x`, `!!str`, `!<tag:…>`) or an anchor (`&name`) starting at `at`, as js-yaml reads them. */
function propertyEnd(input: string, at: number): number {
  let i = at + 1;
  if (input.charCodeAt(at) === 0x21 /* ! */ && input.charCodeAt(i) === 0x3c /* < */) {
    while (i < input.length && input.charCodeAt(i) !== 0x3e /* > */) i++;
    return i + 1;
  }
  const anchor = input.charCodeAt(at) === 0x26; /* & */
  for (let c = input.charCodeAt(i); i < input.length && c > 0x20 && !(anchor && isFlowIndicator(c)); c = input.charCodeAt(++i));
  return i;
}

const isFlowIndicator = (c: number) => c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d;

/** Past white space, line breaks and comments from `from`. */
function skipSeparation(input: string, from: number): number {
  let i = from;
  for (;;) {
    const c = input.charCodeAt(i);
    if (isWhiteSpace(c) || isBreak(c)) i++;
    else if (c === 0x23 /* # */) while (i < input.length && !isBreak(input.charCodeAt(i))) i++;
    else return i;
  }
}

/** Where a node's content starts: past separation, comments, tag and anchor. */
export function contentStart(input: string, open: number): number {
  let i = skipSeparation(input, open);
  for (let c = input.charCodeAt(i); c === 0x21 || c === 0x26; c = input.charCodeAt(i)) i = skipSeparation(input, propertyEnd(input, i));
  return i;
}

/** Where the `yaml` package placed an empty node: after its tag or anchor and the spaces on the same line. */
export function emptyStart(input: string, open: number): number {
  let i = open;
  for (;;) {
    const c = input.charCodeAt(i);
    if (isWhiteSpace(c)) i++;
    else if (c === 0x21 || c === 0x26) i = propertyEnd(input, i);
    else return i;
  }
}

/** The offset just after the `:` that follows a key ending at `end`; an explicit key (`? key`) may have it on a later line. */
export function textAfterColon(input: string, end: number, acrossLines: boolean): number | undefined {
  let i = end;
  while (isWhiteSpace(input.charCodeAt(i))) i++;
  if (acrossLines && input.charCodeAt(i) !== 0x3a) i = skipSeparation(input, i);
  return input.charCodeAt(i) === 0x3a /* : */ ? i + 1 : undefined;
}

/** Past the spaces after an indicator. */
export function spacesFrom(input: string, at: number): number {
  let i = at;
  while (isWhiteSpace(input.charCodeAt(i))) i++;
  return i;
}

/** The column of an offset. */
export function columnOf(input: string, at: number): number {
  return at - (input.lastIndexOf('\n', at - 1) + 1);
}

/**
 * The `-` items of a block sequence whose first `-` is at `first`, up to `end`: the offsets of its
 * own (at its column), and the first `-` of a less indented line before `end`, if any, where the
 * sequence ought to have ended (see `rehome` in src/parsers/yaml-tree.ts).
 */
export function dashesOf(input: string, first: number, end: number): { own: number[]; stray?: number } {
  const column = columnOf(input, first);
  const own = [first];
  for (let line = input.indexOf('\n', first) + 1; line > 0 && line < end; line = input.indexOf('\n', line) + 1) {
    const at = spacesFrom(input, line);
    const c = input.charCodeAt(at);
    if (isBreak(c) || c === 0x23 /* # */ || at >= end) continue;
    const dash = c === 0x2d /* - */ && (isWhiteSpace(input.charCodeAt(at + 1)) || isBreak(input.charCodeAt(at + 1)));
    if (at - line < column) return dash ? { own, stray: at } : { own };
    if (at - line === column && dash) own.push(at);
  }
  return { own };
}
