import type { ScriptLine } from './shell.js';

/** One line of a Jenkinsfile with its comments gone and its braces counted outside strings. */
export interface CodeLine {
  line: number;
  /** The line without comments; one-line strings kept (they hold stage names and images). */
  code: string;
  /** Brace depth before the line, after it, and the deepest it reaches within it. */
  depthBefore: number;
  depthAfter: number;
  maxDepth: number;
}

/** A multi-line `sh """…"""` (or `'''`, `bat`, `powershell`) script. */
export interface GroovyScript {
  /** Line of the `sh`; the script's lines carry their own numbers. */
  line: number;
  lines: ScriptLine[];
}

const SCRIPT_STEP = /\b(?:sh|bat|pwsh|powershell)\s*\(?\s*(?:script\s*:\s*)?$/;

/**
 * Splits Groovy text into code lines and multi-line scripts. Not a Groovy parser: it knows
 * comments, the four string quotes and escapes, which is what keeps braces and keywords honest.
 */
export function scanGroovy(text: string): { code: CodeLine[]; scripts: GroovyScript[] } {
  const code: CodeLine[] = [];
  const scripts: GroovyScript[] = [];
  const rawLines = text.split(/\r?\n/);
  let depth = 0;
  let blockComment = false;
  let triple: { quote: string; isScript: boolean; line: number; lines: ScriptLine[]; current: string } | undefined;
  rawLines.forEach((raw, index) => {
    const line = index + 1;
    const depthBefore = depth;
    let maxDepth = depth;
    let kept = '';
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      if (triple) {
        if (raw.startsWith(triple.quote, i)) {
          triple.lines.push({ text: triple.current, line });
          if (triple.isScript) scripts.push({ line: triple.line, lines: triple.lines });
          triple = undefined;
          i += 2;
        } else if (c === '\\' && i + 1 < raw.length) {
          triple.current += raw[++i];
        } else {
          triple.current += c;
        }
        continue;
      }
      if (blockComment) {
        if (raw.startsWith('*/', i)) {
          blockComment = false;
          i++;
        }
        continue;
      }
      if (raw.startsWith('/*', i)) {
        blockComment = true;
        i++;
      } else if (raw.startsWith('//', i)) {
        break;
      } else if (raw.startsWith("'''", i) || raw.startsWith('"""', i)) {
        const quote = raw.slice(i, i + 3);
        const close = raw.indexOf(quote, i + 3);
        if (close !== -1) {
          kept += raw.slice(i, close + 3);
          i = close + 2;
        } else {
          triple = { quote, isScript: SCRIPT_STEP.test(kept), line, lines: [], current: '' };
          i += 2;
        }
      } else if (c === "'" || c === '"') {
        let j = i + 1;
        while (j < raw.length && raw[j] !== c) j += raw[j] === '\\' ? 2 : 1;
        kept += raw.slice(i, j + 1);
        i = j;
      } else {
        if (c === '{') maxDepth = Math.max(maxDepth, ++depth);
        if (c === '}') depth = Math.max(0, depth - 1);
        kept += c;
      }
    }
    if (triple) {
      triple.lines.push({ text: triple.current, line });
      triple.current = '';
    }
    code.push({ line, code: kept, depthBefore, depthAfter: depth, maxDepth });
  });
  return { code, scripts };
}

/** The text of a one-line Groovy string literal, escapes undone (`\\` → `\`, `\$` → `$`). */
export function groovyString(literal: string): string {
  return literal.replace(/\\(.)/g, '$1');
}
