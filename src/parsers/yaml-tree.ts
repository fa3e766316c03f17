import { columnOf, contentStart, dashesOf, isWhiteSpace, textAfterColon } from './yaml-text.js';

/**
 * The light position tree of a YAML document, built from js-yaml's `listener` (called with
 * 'open' and 'close' around every node it composes, keys included). It keeps offsets only;
 * lines and columns are worked out when asked (src/parsers/yaml-locate.ts).
 */
export interface YamlNode {
  /** Offset where js-yaml opened the node: before its separation space and its tag or anchor. */
  open: number;
  /** Offset where it closed the node. */
  end: number;
  kind: 'scalar' | 'empty' | 'alias' | 'map' | 'seq';
  /** A map's keys and values in turn (a value is undefined where none was written); a sequence's items. */
  children?: Array<YamlNode | undefined>;
  /** A key's text as the old code compared it (`String(key)`); undefined for an alias or a collection key. */
  key?: string;
  /** A key followed by `:`: without a value node, its value is the empty scalar after the colon. */
  colon?: boolean;
  /** A block sequence with `-` items js-yaml composed no node for (empty items before a dedent). */
  sparse?: boolean;
}

/** The `yaml` package's maxAliasCount: what it refused, we refuse. */
const MAX_ALIAS_COUNT = 1000;

/** The fields of js-yaml's loader state the listener reads (its typings omit most of them). */
export interface LoaderState {
  input: string;
  position: number;
  depth: number;
  kind: string | null;
  tag: string | null;
  anchor: string | null;
  result: unknown;
}

interface Frame extends YamlNode {
  raw: Frame[];
  result: unknown;
  explicit: boolean;
  isKey: boolean;
  /** The last key with a colon whose value has not come yet. */
  awaiting: Frame | undefined;
  /** How many values the node stands for once aliases are expanded, as the `yaml` package counts (max, not sum). */
  weight: number;
  /** Where the node's `{` is when it is written `{…}`, else -1; once asked. */
  brace?: number;
  /** The column of the node's first `-` when it is a block sequence, else -1; once asked. */
  dashColumn?: number;
}

export class AliasBombError extends Error {
  constructor(readonly position: number) {
    super('excessive aliasing: the aliases expand to too many values');
  }
}

/** Collects the document roots (values and position trees) while js-yaml parses. */
export class YamlTreeBuilder {
  readonly roots: unknown[] = [];
  readonly trees: YamlNode[] = [];
  /** Whether each root had neither tag nor anchor, to tell a comment-only stream from an empty document. */
  readonly bareRoots: boolean[] = [];
  state: LoaderState | undefined;
  /** Offsets of empty `-` items js-yaml read wrongly (see `checkEmptyItems`), all of one pass. */
  readonly emptyItems: number[] = [];
  private stack: Frame[] = [];
  /** Each anchor of the document: how often it was used (from 1, as the `yaml` package counted) and the weight of its node. */
  private anchors = new Map<string, { uses: number; weight: number }>();

  readonly listener = (event: 'open' | 'close', state: LoaderState): void => {
    this.state = state;
    if (event === 'open') this.open(state);
    else this.close(state);
  };

  private open(state: LoaderState): void {
    if (state.depth === 1) {
      this.stack.length = 0;
      this.anchors.clear();
    }
    const { input, position } = state;
    let before = position - 1;
    while (before >= 0 && isWhiteSpace(input.charCodeAt(before))) before--;
    const parent = this.stack[this.stack.length - 1];
    if (parent && input.charCodeAt(before) === 0x2d /* - */ && columnOf(input, before) < this.dashColumn(parent, input)) {
      // An item of an outer sequence read into this one, after an empty `-` item.
      this.emptyItems.push(lastOf(dashesOf(input, contentStart(input, parent.open), before).own));
    }
    this.stack.push({
      open: position, end: position, kind: 'empty', raw: [], result: undefined, explicit: input.charCodeAt(before) === 0x3f /* ? */,
      isKey: false, awaiting: undefined, weight: 1,
    });
  }

  private close(state: LoaderState): void {
    const frame = this.stack.pop()!;
    const parent = this.stack[this.stack.length - 1];
    frame.result = state.result;
    const node = this.shape(frame, state);
    node.end = frame.end = state.position;
    node.explicit = frame.explicit;
    node.colon = textAfterColon(state.input, state.position, frame.explicit) !== undefined;
    // A key is followed by `:`, or written after `?`, or stands alone in a flow mapping (`{a, b: 1}`).
    node.isKey = node.colon || frame.explicit || (parent !== undefined && parent.awaiting === undefined && this.inFlowMapping(node, parent, state.input));
    if (node.isKey) this.keyOf(node, state);
    if (state.anchor !== null) this.anchors.set(state.anchor, { uses: 1, weight: node.weight });
    if (!parent) {
      this.roots.push(state.result);
      this.trees.push(node);
      this.bareRoots.push(state.tag === null && state.anchor === null);
      return;
    }
    parent.raw.push(node);
    if (node.isKey) parent.awaiting = node.colon ? node : undefined;
    else parent.awaiting = undefined;
  }

  /** What the frame turned out to be: itself, or the one child it only passed through (js-yaml reads a block node as a would-be key first). */
  private shape(frame: Frame, state: LoaderState): Frame {
    const kind = state.kind;
    const only = frame.raw.length === 1 ? frame.raw[0]! : undefined;
    if (kind !== 'scalar' && only && !only.isKey && Object.is(only.result, state.result) && (kind === null || only.kind !== 'alias')) {
      only.open = Math.min(only.open, frame.open);
      return only;
    }
    if (kind === 'scalar') frame.kind = 'scalar';
    else if (kind === 'mapping') this.collect(frame, 'map');
    else if (kind === 'sequence') this.collect(frame, 'seq', state);
    else if (state.tag === null && state.anchor === null && this.isAlias(state.input, frame.open, state.position)) this.alias(frame, state);
    else if (state.tag === '!' && state.result === null) state.result = frame.result = '';
    frame.raw = [];
    return frame;
  }

  /** Whether `node` is written inside the braces of `parent` (not the `{…}` js-yaml first read as a would-be key, which is `parent` itself). */
  private inFlowMapping(node: Frame, parent: Frame, input: string): boolean {
    if (parent.brace === undefined) {
      const start = contentStart(input, parent.open);
      parent.brace = input.charCodeAt(start) === 0x7b /* { */ ? start : -1;
    }
    return parent.brace >= 0 && node.open > parent.brace;
  }

  private dashColumn(frame: Frame, input: string): number {
    if (frame.dashColumn === undefined) {
      const start = contentStart(input, frame.open);
      const next = input.charCodeAt(start + 1);
      frame.dashColumn = input.charCodeAt(start) === 0x2d && (isWhiteSpace(next) || next === 0x0a || next === 0x0d) ? columnOf(input, start) : -1;
    }
    return frame.dashColumn;
  }

  private isAlias(input: string, open: number, end: number): boolean {
    const start = contentStart(input, open);
    return input.charCodeAt(start) === 0x2a /* * */ && end > start;
  }

  /** Counts a use of an anchor as the `yaml` package's toJS did, and refuses what it refused. */
  private alias(frame: Frame, state: LoaderState): void {
    frame.kind = 'alias';
    const start = contentStart(state.input, frame.open);
    let end = start + 1;
    for (let c = state.input.charCodeAt(end); c > 0x20 && c !== 0x2c && c !== 0x5b && c !== 0x5d && c !== 0x7b && c !== 0x7d; c = state.input.charCodeAt(++end));
    const anchor = this.anchors.get(state.input.slice(start + 1, end));
    if (!anchor) return void (frame.weight = 0);
    anchor.uses++;
    frame.weight = anchor.uses * anchor.weight;
    // Reported at the start of the document, as the `yaml` package did.
    if (frame.weight > MAX_ALIAS_COUNT) throw new AliasBombError(this.stack[0]?.open ?? start);
  }

  private collect(frame: Frame, kind: 'map' | 'seq', state?: LoaderState): void {
    frame.kind = kind;
    const children: Array<YamlNode | undefined> = [];
    let weight = 0;
    let pair: Frame | undefined;
    for (const child of frame.raw) {
      if (child.weight > weight) weight = child.weight;
      if (kind === 'map') {
        if (!child.isKey && children.length > 0 && children[children.length - 1] === undefined && (children[children.length - 2] as Frame).colon) children[children.length - 1] = child;
        else children.push(child, undefined);
      } else if (child.isKey) {
        // `[a: 1]`: a one-pair mapping inside a flow sequence.
        pair = { ...child, kind: 'map', children: [child, undefined], key: undefined, colon: false, raw: [] };
        children.push(pair);
      } else if (pair && pair.children![1] === undefined && (pair.children![0] as Frame).colon) {
        pair.children![1] = child;
      } else {
        pair = undefined;
        children.push(child);
      }
    }
    frame.children = children;
    if (kind === 'seq' && Array.isArray(frame.result) && frame.result.length > children.length) {
      frame.sparse = true;
      weight = Math.max(weight, 1);
      if (state) this.checkEmptyItems(frame, frame.result, state);
    }
    frame.weight = weight;
  }

  /**
   * js-yaml 4.3 does not check the indentation after an empty `-` item, so the `-` item of an
   * outer sequence on the next line joins the inner one (`- a:\n    -\n- b` reads as
   * [{a: [null, 'b']}]). Noted here, from the sequence's own `-` (at its column) and the `-` of a
   * less indented line before its end; parseYaml then writes `~` into that empty item and parses again.
   */
  private checkEmptyItems(frame: Frame, items: unknown[], { input, position }: LoaderState): void {
    const { own, stray } = dashesOf(input, contentStart(input, frame.open), position);
    if (stray !== undefined && items.length > own.length) this.emptyItems.push(lastOf(own));
  }

  /** Keys as the `yaml` package made them: a null key is '', a collection key its flow text. */
  private keyOf(node: Frame, state: LoaderState): void {
    const key = state.result;
    if (node.kind === 'scalar' || node.kind === 'empty') node.key = String(key);
    if (key === null) state.result = '';
    else if (typeof key === 'object') state.result = flowText(key, { budget: 200 });
  }
}

const lastOf = (offsets: number[]) => offsets[offsets.length - 1]!;

/**
 * `[ a, b ]`, `{ a: 1 }`, `{ b }`: a collection key as text, roughly as the `yaml` package wrote it
 * (which kept each scalar's source style, `~` or `"x"`), bounded so an aliased key cannot expand.
 */
function flowText(value: unknown, budget: { budget: number }): string {
  if (--budget.budget < 0) return '…';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[ ${value.slice(0, budget.budget + 1).map((item) => flowText(item, budget)).join(', ')} ]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).slice(0, budget.budget + 1).map((key) => [key, (value as Record<string, unknown>)[key]] as const);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => (item === null ? flowText(key, budget) : `${flowText(key, budget)}: ${flowText(item, budget)}`)).join(', ')} }`;
  }
  if (typeof value !== 'string') return String(value);
  return /^[A-Za-z_./][\w./-]*$/.test(value) && !/^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|\.(?:inf|Inf|INF|nan|NaN|NAN))$/.test(value) ? value : JSON.stringify(value);
}
