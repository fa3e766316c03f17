import { contentStart, dashesOf, emptyStart, spacesFrom, textAfterColon } from './yaml-text.js';
import type { YamlNode } from './yaml-tree.js';

type Path = ReadonlyArray<string | number>;

/** An item of a sequence: its node, or for an empty `-` item js-yaml made no node for, where the `yaml` package placed it. */
type Item = YamlNode | number;

export interface LocatorText {
  /** The text js-yaml read, which the nodes' offsets are into: `source` with `~` in some empty items (src/parsers/yaml-edits.ts) and a line break at the end. */
  input: string;
  /** The text without its byte-order mark (1 in `shift` when it had one, to count it as a column). */
  source: string;
  shift: number;
  toSource(inputOffset: number): number;
  /** Maps a path step to the text of the key it names, where control characters were swapped for parsing. */
  keyText?: ((step: string) => string) | undefined;
}

/**
 * Lines and columns of the nodes of parsed YAML, worked out only when asked: offsets are kept
 * while parsing, and the table of line starts is built on the first question.
 */
export class YamlLocator {
  private lineStarts: number[] | undefined;
  private sparseItems = new Map<YamlNode, Item[]>();
  private keyIndexes = new Map<YamlNode, Map<string, number>>();

  private readonly input: string;
  private readonly keyText: (step: string) => string;

  constructor(
    private readonly text: LocatorText,
    private readonly trees: readonly YamlNode[],
  ) {
    this.input = text.input;
    this.keyText = text.keyText ?? ((step) => step);
  }

  /** Line of the key (for a map step) or the item (for a list step) at `path`. */
  lineOf(path: Path, doc: number): number | undefined {
    const tree = this.trees[doc];
    const offset = tree && this.find(tree, path, false);
    return offset === undefined ? undefined : this.position(offset).line;
  }

  /** Line and column of the key or item at `path` (of a scalar value rather than its key), else of its nearest existing parent. */
  positionOf(path: Path, doc: number): { line: number; column: number } {
    const tree = this.trees[doc];
    for (let length = path.length; tree && length >= 0; length--) {
      const offset = this.find(tree, length === path.length ? path : path.slice(0, length), true);
      if (offset !== undefined) return this.position(offset);
    }
    return { line: 1, column: 1 };
  }

  /** 1-based line and column of an offset into the text js-yaml read. */
  position(inputOffset: number): { line: number; column: number } {
    const offset = this.text.toSource(inputOffset);
    const starts = (this.lineStarts ??= lineStartsOf(this.text.source));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 + (low === 0 ? this.text.shift : 0) };
  }

  /** The offset the old code reported for `path`: the key for a map step, the item for a list step, with `preferValue` a scalar value instead of its key. */
  private find(root: YamlNode, path: Path, preferValue: boolean): number | undefined {
    let current: Item | undefined = root;
    let located: number | undefined;
    for (const step of path) {
      if (typeof current === 'object' && current.kind === 'map') {
        const children: Array<YamlNode | undefined> = current.children!;
        const index = this.keyIndex(current).get(this.keyText(String(step)));
        if (index === undefined) return undefined;
        const key = children[index]!;
        const value: YamlNode | undefined = children[index + 1];
        if (preferValue && value && (value.kind === 'scalar' || value.kind === 'empty')) located = this.start(value);
        else if (preferValue && !value && key.colon) located = spacesFrom(this.input, textAfterColon(this.input, key.end, true)!);
        else located = this.start(key);
        current = value;
      } else if (typeof current === 'object' && current.kind === 'seq' && typeof step === 'number') {
        const item: Item | undefined = (current.sparse ? this.itemsOf(current) : (current.children as Item[]))[step];
        if (item === undefined) return undefined;
        located = typeof item === 'number' ? item : this.start(item);
        current = item;
      } else {
        return undefined;
      }
    }
    return located ?? this.rootStart(root);
  }

  /** Where each key of a mapping is among its children, the first of duplicates (as the old code found them). */
  private keyIndex(map: YamlNode): Map<string, number> {
    let index = this.keyIndexes.get(map);
    if (!index) {
      index = new Map();
      const children = map.children!;
      for (let at = 0; at < children.length; at += 2) {
        const key = children[at]!.key;
        if (key !== undefined && !index.has(key)) index.set(key, at);
      }
      this.keyIndexes.set(map, index);
    }
    return index;
  }

  private start(node: YamlNode): number {
    return node.kind === 'empty' ? emptyStart(this.input, node.open) : contentStart(this.input, node.open);
  }

  /** An empty document is placed after its `---`, as the `yaml` package did. */
  private rootStart(root: YamlNode): number {
    if (root.kind !== 'empty' || emptyStart(this.input, root.open) !== root.open) return this.start(root);
    let line = this.input.lastIndexOf('\n', root.open - 1) + 1;
    while (line > 0) {
      line = line >= 2 ? this.input.lastIndexOf('\n', line - 2) + 1 : 0;
      if (/^---(?:[ \t\r\n]|$)/.test(this.input.slice(line, line + 4))) return spacesFrom(this.input, line + 3);
    }
    return root.open;
  }

  private itemsOf(seq: YamlNode): Item[] {
    let items = this.sparseItems.get(seq);
    if (items) return items;
    const dashes = dashesOf(this.input, contentStart(this.input, seq.open), seq.end).own;
    const nodes = seq.children as YamlNode[];
    let next = 0;
    items = dashes.map((dash, index) => {
      const node = nodes[next];
      if (node && (index + 1 === dashes.length || node.open < dashes[index + 1]!)) return nodes[next++]!;
      return spacesFrom(this.input, dash + 1);
    });
    this.sparseItems.set(seq, items);
    return items;
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}
