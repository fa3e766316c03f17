/**
 * Character-level pieces of the Dockerfile parser (src/parsers/dockerfile.ts), each a rule of the
 * Dockerfile reference (https://docs.docker.com/reference/dockerfile/) as BuildKit implements it
 * (github.com/moby/buildkit, frontend/dockerfile/parser: parser.go, directives.go, split_command.go).
 */

const TAB = 9;
const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const APOSTROPHE = 39;
const COMMA = 44;
const DASH = 45;
const SLASH = 47;
const COLON = 58;
const EQUALS = 61;
const LESS = 60;
const AT = 64;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** BuildKit splits instructions on `[\t\v\f\r ]`; a lone carriage return is whitespace, not a line break. */
function isBlank(code: number): boolean {
  return code === SPACE || (code >= TAB && code <= 13 && code !== 10);
}

function skipBlanks(text: string, from: number): number {
  let index = from;
  while (index < text.length && isBlank(text.charCodeAt(index))) index++;
  return index;
}

/** A line that is empty or a comment once leading whitespace is skipped; comments are whole lines only. */
export function isEmptyOrComment(line: string): boolean {
  const first = line.charCodeAt(0);
  if (first > SPACE && first !== HASH) return false; // most lines: an instruction or a word at column 0
  const start = skipBlanks(line, 0);
  return start === line.length || line.charCodeAt(start) === HASH;
}

/**
 * The escape character as last character (spaces and tabs after it allowed) continues the
 * instruction on the next line, unless it is itself escaped (`\\`). Returns the line without it,
 * or undefined when the line does not continue.
 */
export function withoutContinuation(line: string, escape: number): string | undefined {
  const end = line.charCodeAt(line.length - 1);
  if (end !== escape && end !== SPACE && end !== TAB) return undefined;
  let last = line.length - 1;
  while (last >= 0 && (line.charCodeAt(last) === SPACE || line.charCodeAt(last) === TAB)) last--;
  if (last < 0 || line.charCodeAt(last) !== escape) return undefined;
  if (last > 0 && line.charCodeAt(last - 1) === escape) return undefined;
  return line.slice(0, last);
}

/** `# name = value` (a parser directive, if the name is known): name lower-cased and the value, trimmed. */
export function directiveOf(line: string): { name: string; value: string } | undefined {
  let index = skipBlanks(line, 0);
  if (line.charCodeAt(index) !== HASH) return undefined;
  index = skipBlanks(line, index + 1);
  const nameStart = index;
  if (!isLetter(line.charCodeAt(index))) return undefined;
  while (isLetter(line.charCodeAt(index)) || isDigit(line.charCodeAt(index))) index++;
  const name = line.slice(nameStart, index).toLowerCase();
  index = skipBlanks(line, index);
  if (line.charCodeAt(index) !== EQUALS) return undefined;
  const value = line.slice(index + 1).trim();
  return value === '' ? undefined : { name, value };
}

/**
 * Leading `--name=value` words, pushed as written (quotes kept); returns where the arguments
 * start. A word ends at whitespace outside quotes; a backslash escapes the next character; a bare
 * `--` ends the flags (BuildKit's extractBuilderFlags).
 */
export function readFlags(text: string, from: number, flags: string[]): number {
  let index = skipBlanks(text, from);
  while (text.charCodeAt(index) === DASH && text.charCodeAt(index + 1) === DASH) {
    const word = text.slice(index, wordEnd(text, index, true));
    index = skipBlanks(text, index + word.length);
    if (word === '--') break;
    flags.push(word);
  }
  return index;
}

/** Exec form: the arguments open with a JSON array of strings (what follows it is ignored, as Go's json.Decoder does). */
export function isExecForm(args: string): boolean {
  let index = skipJsonSpace(args, 0);
  if (args.charCodeAt(index) !== OPEN_BRACKET) return false;
  index = skipJsonSpace(args, index + 1);
  if (args.charCodeAt(index) === CLOSE_BRACKET) return true;
  for (;;) {
    index = jsonStringEnd(args, index);
    if (index < 0) return false;
    index = skipJsonSpace(args, index);
    const next = args.charCodeAt(index);
    if (next === CLOSE_BRACKET) return true;
    if (next !== COMMA) return false;
    index = skipJsonSpace(args, index + 1);
  }
}

export interface HeredocStart {
  name: string;
  /** `<<-`: leading tabs of the terminator line are ignored. */
  chomp: boolean;
}

/**
 * The heredocs a line opens: shell words (quotes and escapes respected) of the form
 * `[n]<<[-]NAME`, the name unquoted. A line with an unterminated quote opens none, as in BuildKit.
 */
export function heredocsIn(line: string): HeredocStart[] {
  const heredocs: HeredocStart[] = [];
  let index = 0;
  for (;;) {
    index = skipBlanks(line, index);
    if (index >= line.length) return heredocs;
    const end = wordEnd(line, index);
    if (end < 0) return [];
    const heredoc = heredocOf(line.slice(index, end));
    if (heredoc) heredocs.push(heredoc);
    index = end;
  }
}

/** `ghcr.io/org/app:1.2@sha256:…` → tag `1.2`, digest `sha256:…`; `:` and `@` inside `${…}` do not count. */
export function tagAndDigest(image: string): { tag?: string; digest?: string } {
  if (!image.includes('$')) {
    const at = image.indexOf('@');
    const name = at === -1 ? image : image.slice(0, at);
    const colon = name.lastIndexOf(':');
    return {
      tag: colon > name.lastIndexOf('/') ? name.slice(colon + 1) : undefined,
      digest: at === -1 ? undefined : image.slice(at + 1),
    };
  }
  let colon = -1;
  let at = -1;
  let depth = 0;
  for (let index = 0; index < image.length && at === -1; index++) {
    const code = image.charCodeAt(index);
    if (code === DOLLAR && image.charCodeAt(index + 1) === OPEN_BRACE) {
      depth++;
      index++;
    } else if (depth > 0) {
      if (code === CLOSE_BRACE) depth--;
    } else if (code === SLASH) colon = -1;
    else if (code === COLON) colon = index;
    else if (code === AT) at = index;
  }
  return {
    tag: colon === -1 ? undefined : image.slice(colon + 1, at === -1 ? image.length : at),
    digest: at === -1 ? undefined : image.slice(at + 1),
  };
}

/** End of the shell word starting at `from`; when a quote is left open, -1 (or the end of the text if `toEnd`). */
function wordEnd(text: string, from: number, toEnd = false): number {
  let index = from;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isBlank(code)) break;
    if (code === BACKSLASH) index += 2;
    else if (code === APOSTROPHE) {
      const close = text.indexOf("'", index + 1);
      if (close === -1) return toEnd ? text.length : -1;
      index = close + 1;
    } else if (code === QUOTE) {
      index++;
      while (index < text.length && text.charCodeAt(index) !== QUOTE) index += text.charCodeAt(index) === BACKSLASH ? 2 : 1;
      if (index >= text.length) return toEnd ? text.length : -1;
      index++;
    } else index++;
  }
  return Math.min(index, text.length);
}

/** BuildKit's `^(\d*)<<(-?)([^<]*)$`, the name being one shell word with its quotes removed. */
function heredocOf(word: string): HeredocStart | undefined {
  let index = 0;
  while (isDigit(word.charCodeAt(index))) index++;
  if (word.charCodeAt(index) !== LESS || word.charCodeAt(index + 1) !== LESS) return undefined;
  index += 2;
  const chomp = word.charCodeAt(index) === DASH;
  if (chomp) index++;
  const rest = word.slice(index);
  if (rest === '' || rest.includes('<')) return undefined;
  return { name: unquote(rest), chomp };
}

function unquote(word: string): string {
  let name = '';
  let quote = 0;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (quote === 0 && (code === QUOTE || code === APOSTROPHE)) quote = code;
    else if (quote !== 0 && code === quote) quote = 0;
    else if (code === BACKSLASH && quote !== APOSTROPHE && index + 1 < word.length) name += word[++index];
    else name += word[index];
  }
  return name;
}

function skipJsonSpace(text: string, from: number): number {
  let index = from;
  for (let code = text.charCodeAt(index); code === SPACE || code === TAB || code === 10 || code === 13; code = text.charCodeAt(++index));
  return index;
}

/** Index after the JSON string starting at `from`, or -1. */
function jsonStringEnd(text: string, from: number): number {
  if (text.charCodeAt(from) !== QUOTE) return -1;
  for (let index = from + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) return index + 1;
    if (code < 32) return -1;
    if (code === BACKSLASH) {
      const escaped = text[index + 1] ?? '';
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) return -1;
        index += 5;
      } else if ('"\\/bfnrt'.includes(escaped) && escaped !== '') index++;
      else return -1;
    }
  }
  return -1;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
