import { plannedStatus, type TargetState } from './write.js';
import { WRITE_STATUS_WORDS } from './messages.js';

/** Lines on either side beyond which a diff is shown as a whole replacement rather than computed. */
const MAX_LINES = 3000;
const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; line: string };

/**
 * A unified diff (`--- a`, `+++ b`, `@@` hunks with three lines of context) of two texts, for
 * `init --dry-run` and the walkthrough's preview. Empty when they are equal.
 */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let index = 0;
  while (index < ops.length) {
    const start = ops.findIndex((op, i) => i >= index && op.kind !== ' ');
    if (start === -1) break;
    let end = start;
    // Extend the hunk while the next change is within twice the context.
    for (let i = start; i < ops.length; i++) {
      if (ops[i]!.kind !== ' ') end = i;
      else if (i - end > CONTEXT * 2) break;
    }
    const from = Math.max(index, start - CONTEXT);
    const to = Math.min(ops.length - 1, end + CONTEXT);
    const slice = ops.slice(from, to + 1);
    const oldStart = ops.slice(0, from).filter((op) => op.kind !== '+').length + 1;
    const newStart = ops.slice(0, from).filter((op) => op.kind !== '-').length + 1;
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${oldCount === 0 ? oldStart - 1 : oldStart},${oldCount} +${newCount === 0 ? newStart - 1 : newStart},${newCount} @@`);
    out.push(...slice.map((op) => `${op.kind}${op.line}`));
    index = to + 1;
  }
  return `${out.join('\n')}\n`;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Longest common subsequence of lines; plenty for files a person reviews. */
function diffLines(a: string[], b: string[]): Op[] {
  if (a.length > MAX_LINES || b.length > MAX_LINES) return [...a.map((line): Op => ({ kind: '-', line })), ...b.map((line): Op => ({ kind: '+', line }))];
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]! });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
      ops.push({ kind: '-', line: a[i]! });
      i++;
    } else {
      ops.push({ kind: '+', line: b[j]! });
      j++;
    }
  }
  return ops;
}

/**
 * What `--dry-run` and the walkthrough show before writing: each new file in full, a diff for
 * each file that exists with other content, one line for a file that would not change.
 */
export function renderPreview(states: readonly TargetState[], force: boolean): string {
  const blocks = states.map((state) => {
    const status = plannedStatus(state, force);
    const title = `==> ${state.file.path} (${WRITE_STATUS_WORDS[status].planned})`;
    if (state.existing === undefined) return `${title}\n${state.file.content}`;
    if (status === 'unchanged') return `${title}\n`;
    return `${title}\n${unifiedDiff(state.file.path, state.existing, state.file.content)}`;
  });
  return blocks.join('\n');
}
