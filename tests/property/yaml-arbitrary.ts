import fc from 'fast-check';

/**
 * YAML shaped like workflows, compose files and Kubernetes manifests, for the differential test
 * of src/parsers/yaml.ts: block and flow mappings and sequences (compact `- - a` and `- k: v`,
 * sequences at their key's indentation, `{a: , b: 1}`, pairs `[a, k: v]`, explicit `? k`), plain
 * scalars that look like numbers, booleans, nulls or dates, quoted scalars with escapes and line
 * folding, block scalars with every chomping, tags, anchors, aliases and merge keys, comments,
 * empty values, duplicate keys, control characters, several documents, CRLF, tabs after `:` and a
 * byte-order mark. The tree is drawn first and written out in document order, so an alias only
 * ever names an anchor already written.
 */

const PLAIN = ['on', 'push', 'yes', 'no', 'true', 'True', 'FALSE', 'null', 'Null', '~', '0', '1', '-1', '+1', '-0', '007', '0o17', '0x1F', '0b11', '1_000', '1.5', '1.', '.5', '-.5', '+.5', '1e3', '1.5E-3', '.inf', '-.Inf', '.nan', '.NaN', '2024-01-01', '2001-12-14t21:59:43.10-05:00', '12:30', 'node:20-alpine', 'ubuntu-latest', '$(params.image)', 'a b c', 'x#y', 'docker build -t app .', 'http://example.com:8080/x', 'C:\\app', 'é日本', 'a:b', '-x', '?x', 'x?', '<<', 'web', 'bell\u0007 del\u007f'];
/** Plain in a block only (`,[]{}` end a plain scalar in a flow collection); quoted there. */
const BLOCK_PLAIN = ['${{ github.sha }}', 'a, b', 'x]'];
const QUOTED = ["'it''s'", "''", "' lead'", "'a # b'", "'x: y'", "'1'", "'true'", "'{not: flow}'", '"tab\\there"', '"\\u00e9\\x41\\U0001F600"', '"quote \\" and \\\\"', '"\\/ \\N\\_\\L\\P"', '"\\0\\a\\b\\e\\f\\v"', '"#not a comment"', '""', '"null"', '"0x1F"', '"raw \u001b[31m"'];
const TAGGED = ['!!str 12', '!!int 12', '!!int 0x1F', '!!int abc', '!!float 1.5', '!!float 1', '!!bool true', '!!bool yes', '!!null ~', '!Ref Bucket', '!Sub "${AWS::Region}"'];
const KEYS = ['on', 'jobs', 'build', 'runs-on', 'steps', 'run', 'uses', 'with', 'services', 'image', 'ports', 'script', 'name', 'kind', 'spec', 'a b', 'x.y', '1', '2', 'true', 'yes', '0x1F', '"quoted key"', "'single key'", 'é', 'k'];
const BLOCK_LINES = ['x', 'y z', '  more indented', '', 'echo "${{ github.sha }}"', '# not a comment', '- not an item', 'key: not a map', 'docker build \\', 'esc \u001b[0m'];
const COMMENTS = ['# comment', '#', '# - item: x', '# ---'];

interface Props {
  anchor: boolean;
  tag?: string | undefined;
  comment?: string | undefined;
}
type Node =
  | ({ type: 'scalar'; source: string; blockOnly?: boolean; folded?: { quote: string; parts: string[] } } & Props)
  | ({ type: 'block'; header: string; lines: string[] } & Props)
  | ({ type: 'empty' } & Props)
  | ({ type: 'map'; flow: boolean; entries: Array<{ key: string; value: Node; explicit: boolean }>; merge: number[] } & Props)
  | ({ type: 'seq'; flow: boolean; items: Node[]; compact: boolean } & Props)
  | { type: 'alias'; pick: number };
type Drawn = Exclude<Node, { type: 'alias' }>;

/** `arbitrary` once in `n` draws, else undefined. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, n: number) => fc.oneof({ weight: n - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const comment = rarely(fc.constantFrom(...COMMENTS), 4);
const anchor = fc.nat(7).map((n) => n === 0);
const tag = (...tags: string[]) => rarely(fc.constantFrom(...tags), 10);
const withProps = (node: fc.Arbitrary<Drawn>, tags: string[]) => fc.tuple(node, anchor, comment, tag(...tags)).map(([n, a, c, t]) => ({ ...n, anchor: a, comment: c, tag: n.tag ?? t }) as Node);

const scalar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PLAIN).map((source) => ({ type: 'scalar', source }) as Drawn) },
  { weight: 1, arbitrary: fc.constantFrom(...BLOCK_PLAIN).map((source) => ({ type: 'scalar', source, blockOnly: true }) as Drawn) },
  { weight: 2, arbitrary: fc.constantFrom(...QUOTED).map((source) => ({ type: 'scalar', source }) as Drawn) },
  { weight: 1, arbitrary: fc.constantFrom(...TAGGED).map((source) => ({ type: 'scalar', source, tag: '' }) as Drawn) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('"', "'"), fc.array(fc.constantFrom('part one', 'two', '', 'three '), { minLength: 2, maxLength: 4 })).map(([quote, parts]) => ({ type: 'scalar', source: '', folded: { quote, parts } }) as Drawn),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('|', '|-', '|+', '>', '>-', '>+'), fc.array(fc.constantFrom(...BLOCK_LINES), { minLength: 1, maxLength: 5 }), fc.constantFrom('', ' # c'))
      .map(([header, lines, note]) => ({ type: 'block', header: header + note, lines: /^(?: |$)/.test(lines[0]!) ? ['x', ...lines] : lines }) as Drawn),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'empty' } as Drawn) },
);

const tree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: withProps(scalar, ['!Ref', '!custom']) },
    { weight: 1, arbitrary: fc.nat(20).map((pick) => ({ type: 'alias', pick }) as Node) },
    {
      weight: 3,
      arbitrary: withProps(
        fc
          .tuple(fc.boolean(), fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('node'), fc.nat(9)), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(20), { maxLength: 2 }))
          .map(([flow, entries, merge]) => ({ type: 'map', flow, entries: entries.map(([key, value, n]) => ({ key, value, explicit: n === 0 })), merge, anchor: false }) as Drawn),
        ['!custom', '!!map'],
      ),
    },
    {
      weight: 3,
      arbitrary: withProps(
        fc.tuple(fc.boolean(), fc.array(tie('node'), { minLength: 1, maxLength: 4 }), fc.boolean()).map(([flow, items, compact]) => ({ type: 'seq', flow, items, compact, anchor: false }) as Drawn),
        ['!reference', '!!seq'],
      ),
    },
  ),
})).node;

/** Writes a drawn tree as YAML text, naming anchors in document order. */
class Writer {
  private anchors: Array<{ name: string; map: boolean }> = [];
  private next = 0;

  document(node: Node): string[] {
    this.anchors = [];
    // A top-level block scalar's lines are indented: js-yaml refuses them at column 0.
    const { inline, lines } = this.block(node, node.type === 'block' ? 2 : 0);
    return inline.trim() === '' && lines.length > 0 ? lines : [inline.trim(), ...lines];
  }

  /** A node after `key:` or `-`: what follows on the same line, and the lines under it, at `indent`. */
  private block(node: Node, indent: number): { inline: string; lines: string[] } {
    if (node.type === 'alias') return { inline: ` ${this.alias(node.pick, false)}`, lines: [] };
    const note = node.comment ? ` ${node.comment}` : '';
    const collection = node.type === 'map' || node.type === 'seq';
    if (node.type === 'scalar' || (collection && node.flow)) return { inline: ` ${this.flow(node, indent)}${note}`, lines: [] };
    const pad = ' '.repeat(indent);
    const { name, prefix } = this.props(node);
    const head = prefix ? ` ${prefix}` : '';
    let result: { inline: string; lines: string[] };
    if (node.type === 'empty') result = { inline: head, lines: [] };
    else if (node.type === 'block') result = { inline: `${head} ${node.header}`, lines: node.lines.map((line) => (line ? pad + line : '')) };
    else if (node.type === 'map') result = { inline: head + note, lines: this.mapLines(node, pad, indent) };
    else result = { inline: head + note, lines: this.seqLines(node, pad, indent) };
    this.named(node, name);
    return result;
  }

  private mapLines(node: Extract<Node, { type: 'map' }>, pad: string, indent: number): string[] {
    const lines = node.merge.map((pick) => this.alias(pick, true)).filter(Boolean).map((source) => `${pad}<<: ${source}`);
    for (const { key, value, explicit } of node.entries) {
      const { inline, lines: under } = this.block(value, indent + 2);
      if (explicit) lines.push(`${pad}? ${key}`, `${pad}:${inline}`, ...under);
      else if (value.type === 'seq' && value.compact && inline === '' && under.length > 0) lines.push(`${pad}${key}:`, ...under.map((line) => line.slice(2)));
      else lines.push(`${pad}${key}:${inline}`, ...under);
      if (value.type !== 'alias' && value.comment === '# - item: x') lines.push(`${pad}${value.comment}`);
    }
    return lines;
  }

  private seqLines(node: Extract<Node, { type: 'seq' }>, pad: string, indent: number): string[] {
    const lines: string[] = [];
    for (const item of node.items) {
      const { inline, lines: under } = this.block(item, indent + 2);
      if (inline === '' && under.length > 0 && node.compact) lines.push(`${pad}- ${under[0]!.slice(indent + 2)}`, ...under.slice(1));
      else lines.push(`${pad}-${inline}`, ...under);
    }
    return lines;
  }

  /** A node inside a flow collection, or a flow collection or a scalar after `key:`. */
  private flow(node: Node, indent: number): string {
    if (node.type === 'alias') return this.alias(node.pick, false);
    const { name, prefix } = this.props(node);
    const text = this.flowContent(node, indent);
    this.named(node, name);
    // A space after a tag that has no node: js-yaml reads `!tag,` as one tag, and refuses it.
    return prefix ? `${prefix} ${text}` : text;
  }

  private flowContent(node: Drawn, indent: number): string {
    const inner = (child: Node) => this.flow(child, indent + 2);
    if (node.type === 'empty') return '';
    if (node.type === 'block') return JSON.stringify(node.lines.join('\n'));
    if (node.type === 'scalar' && node.folded) return node.folded.quote + node.folded.parts.join(`\n${' '.repeat(indent + 2)}`) + node.folded.quote;
    if (node.type === 'scalar') return node.blockOnly ? JSON.stringify(node.source) : node.source;
    if (node.type === 'map') {
      const merge = node.merge.map((pick) => this.alias(pick, true)).filter(Boolean).map((source) => `<<: ${source}`);
      const entries = node.entries.map(({ key, value, explicit }) => (explicit && value.type === 'empty' && !value.anchor && !value.tag ? key : `${key}: ${inner(value)}`));
      return `{${[...merge, ...entries].join(', ')}}`;
    }
    const items = node.items.map((item, index) => (index === 1 && item.type === 'scalar' && node.compact ? `k: ${inner(item)}` : inner(item) || '""'));
    return `[${items.join(node.compact ? ', ' : `,\n${' '.repeat(indent + 2)}`)}]`;
  }

  /** The tag and anchor written before a node; the anchor is usable once the node is written (`named`). */
  private props(node: Drawn): { name: string | undefined; prefix: string } {
    const name = node.anchor ? `a${this.next++}` : undefined;
    return { name, prefix: [node.tag, name && `&${name}`].filter(Boolean).join(' ') };
  }

  private named(node: Drawn, name: string | undefined): void {
    if (name) this.anchors.push({ name, map: node.type === 'map' });
  }

  /** `*name` of an anchor already written (of a mapping, for a merge), or a plain word when there is none. */
  private alias(pick: number, mergeable: boolean): string {
    const candidates = mergeable ? this.anchors.filter((candidate) => candidate.map) : this.anchors;
    if (candidates.length === 0) return mergeable ? '' : 'no-anchor-yet';
    return `*${candidates[pick % candidates.length]!.name}`;
  }
}

export const yamlText: fc.Arbitrary<string> = fc
  .tuple(fc.array(tree, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean(), rarely(fc.constantFrom(...COMMENTS), 3), fc.nat(9))
  .map(([bodies, explicitStart, explicitEnd, leading, style]) => {
    const writer = new Writer();
    const lines: string[] = leading ? [leading] : [];
    bodies.forEach((drawn, index) => {
      // js-yaml drops the tag of an empty document followed by another (the test asserts that case).
      const body: Node = drawn.type === 'empty' ? { type: 'empty', anchor: false } : drawn;
      if (index > 0 && explicitEnd) lines.push('...');
      if (index > 0 || explicitStart) lines.push('---');
      lines.push(...writer.document(body));
    });
    const text = `${lines.join('\n')}\n`;
    if (style === 0) return text.replace(/\n/g, '\r\n');
    // The `yaml` package read no block sequence after a byte-order mark (the test asserts that case).
    if (style === 1 && !text.startsWith('-')) return `\uFEFF${text}`;
    if (style === 2) return text.slice(0, -1);
    if (style === 3) return text.replace(/: /g, ':\t');
    return text;
  });
