import { spacesFrom } from './yaml-text.js';

/**
 * A `~` written into empty `-` items js-yaml misreads (see `checkEmptyItems` in
 * src/parsers/yaml-tree.ts): `~` is the same null, and offsets in the edited text map back to the
 * source, a `~` to where the `yaml` package placed the empty item (after the `-` and its spaces).
 */
export interface Edited {
  text: string;
  /** The offset in the source of an offset in the edited text. */
  toSource(offset: number): number;
}

export function fillEmptyItems(source: string, dashes: readonly number[]): Edited {
  const edits = [...new Set(dashes)]
    .sort((a, b) => a - b)
    .map((dash) => {
      const at = spacesFrom(source, dash + 1);
      return { at, text: at === dash + 1 ? ' ~' : source.charCodeAt(at) === 0x23 /* # */ ? '~ ' : '~' };
    });
  let text = '';
  let from = 0;
  const starts: number[] = [];
  for (const edit of edits) {
    text += source.slice(from, edit.at);
    starts.push(text.length);
    text += edit.text;
    from = edit.at;
  }
  text += source.slice(from);
  const toSource = (offset: number) => {
    let shift = 0;
    for (let index = 0; index < edits.length && starts[index]! <= offset; index++) {
      const { at, text: inserted } = edits[index]!;
      if (offset < starts[index]! + inserted.length) return at;
      shift += inserted.length;
    }
    return offset - shift;
  };
  return { text, toSource };
}
