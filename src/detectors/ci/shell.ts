/** One line of a CI script, where it is written. */
export interface ScriptLine {
  text: string;
  /** 1-based line in `path`. */
  line: number;
  /** File the line is written in, when it is not the file being scanned (includes, templates). */
  path?: string;
}

/** A command as the shell sees it: continuations joined, with the body of a heredoc it reads. */
export interface LogicalLine extends ScriptLine {
  heredoc?: ScriptLine[];
}

export interface ShellWords {
  words: string[];
  /** Commands joined by `|` share a number, so `aws ecr get-login-password | docker login` is one login. */
  pipeline: number;
}

const HEREDOC = /<<([-~]?)\s*(['"]?)([A-Za-z_][\w.-]*)\2/;
const CONTINUES = /(?:^|[^\\])(?:\\\\)*\\$|(?:&&|\|\||\|)\s*$/;

/** Joins `\` continuations (and lines ending in `&&`/`|`), drops comment lines, collects heredoc bodies. */
export function logicalLines(lines: readonly ScriptLine[]): LogicalLine[] {
  const result: LogicalLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    let text = first.text.trim();
    if (text === '' || text.startsWith('#')) continue;
    while (CONTINUES.test(text) && i + 1 < lines.length) {
      text = text.replace(/\\$/, '').trimEnd();
      const next = lines[++i]!.text.trim();
      if (!next.startsWith('#')) text = `${text} ${next}`;
    }
    if (text.endsWith('\\')) text = text.slice(0, -1);
    const logical: LogicalLine = { ...first, text };
    const heredoc = text.includes('<<') ? HEREDOC.exec(text.replace(/<<</g, '')) : null;
    if (heredoc) {
      const delimiter = heredoc[3];
      const body: ScriptLine[] = [];
      while (i + 1 < lines.length && lines[i + 1]!.text.trim() !== delimiter) body.push(lines[++i]!);
      i++;
      logical.heredoc = body;
    }
    result.push(logical);
  }
  return result;
}

/** Index of the bracket closing the one at `open` (`(` or `{`), skipping quoted text. */
function closingBracket(text: string, open: number): number {
  const opening = text[open]!;
  const closing = opening === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end === -1) return text.length - 1;
      i = end;
    } else if (c === opening) depth++;
    else if (c === closing && --depth === 0) return i;
  }
  return text.length - 1;
}

/** Characters that mean nothing to the shell splitter on their own: taken as runs, not one by one. */
const PLAIN_RUN = /[^\s'"\\$`#;()&|]+/y;
const WHITESPACE = /\s/;

/**
 * Splits a shell line into simple commands at `;`, `&&`, `||`, `|`, `&` and subshell parentheses,
 * with quotes removed and `$(...)`, `${...}` and `${{ ... }}` kept whole. Stops at a comment.
 */
export function splitCommands(text: string): ShellWords[] {
  const commands: ShellWords[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let pipeline = 0;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (piped: boolean) => {
    endWord();
    if (words.length > 0) commands.push({ words: withoutRedirections(words), pipeline });
    words = [];
    if (!piped) pipeline++;
  };
  for (let i = 0; i < text.length; i++) {
    PLAIN_RUN.lastIndex = i;
    if (PLAIN_RUN.test(text)) {
      word += text.slice(i, PLAIN_RUN.lastIndex);
      inWord = true;
      i = PLAIN_RUN.lastIndex - 1;
      continue;
    }
    const c = text[i]!;
    const next = text[i + 1];
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end === -1 ? text.length : end;
      word += text.slice(i + 1, stop);
      inWord = true;
      i = stop;
    } else if (c === '"') {
      const quoted = doubleQuoted(text, i);
      word += quoted.text;
      inWord = true;
      i = quoted.end;
    } else if (c === '\\') {
      if (next !== undefined) word += next;
      inWord = true;
      i++;
    } else if (c === '$' && (next === '(' || next === '{')) {
      const end = closingBracket(text, i + 1);
      word += text.slice(i, end + 1);
      inWord = true;
      i = end;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      const stop = end === -1 ? text.length - 1 : end;
      word += text.slice(i, stop + 1);
      inWord = true;
      i = stop;
    } else if (c === '#' && !inWord) {
      break;
    } else if (WHITESPACE.test(c)) {
      endWord();
    } else if (c === ';' || c === ')' || (c === '(' && !inWord)) {
      endCommand(false);
    } else if (c === '&' && next === '&') {
      endCommand(false);
      i++;
    } else if (c === '|' && next === '|') {
      endCommand(false);
      i++;
    } else if ((c === '&' || c === '|') && !word.endsWith('>') && next !== '>') {
      endCommand(c === '|');
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand(false);
  return commands;
}

/**
 * The text of the double-quoted string opening at `open` (escapes resolved, `$(...)` and `${...}`
 * kept whole) and the index of its closing quote, or the end of the line.
 */
function doubleQuoted(text: string, open: number): { text: string; end: number } {
  let quoted = '';
  let start = open + 1;
  let j = start;
  for (; j < text.length && text[j] !== '"'; j++) {
    if (text[j] === '\\' && j + 1 < text.length && '"\\$`'.includes(text[j + 1]!)) {
      quoted += text.slice(start, j) + text[j + 1]!;
      start = ++j + 1;
    } else if (text[j] === '$' && (text[j + 1] === '(' || text[j + 1] === '{')) {
      const end = closingBracket(text, j + 1);
      quoted += text.slice(start, end + 1);
      j = end;
      start = end + 1;
    }
  }
  return { text: quoted + text.slice(start, j), end: j };
}

const REDIRECTION = /^\d*(?:>>?|<<?<?|>&|&>>?)-?/;

/** Drops `> file`, `2>&1`, `<<EOF` and the like: they are not arguments. */
function withoutRedirections(words: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const match = REDIRECTION.exec(words[i]!);
    if (!match) kept.push(words[i]!);
    else if (match[0] === words[i] && !/&\d*$/.test(words[i]!)) i++;
  }
  return kept;
}
