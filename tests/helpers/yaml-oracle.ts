import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { ParsedYaml, YamlProblem } from '../../src/parsers/yaml.js';

/**
 * What src/parsers/yaml.ts returned while it wrapped the `yaml` package, kept as the oracle of
 * the differential test of the js-yaml based parser (tests/property/yaml-parser.test.ts).
 */
export function parseWithYamlPackage(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const errors: YamlProblem[] = [];
  const documents: unknown[] = [];
  let parsed: Document.Parsed[] = [];
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  try {
    parsed = parseAllDocuments(text, {
      version: '1.2',
      merge: true,
      lineCounter,
      uniqueKeys: false,
      customTags: [{ tag: '!reference', collection: 'seq', default: false, resolve: (value: unknown) => value }],
    }) as Document.Parsed[];
    if (!Array.isArray(parsed)) parsed = [];
  } catch (error) {
    errors.push({ message: oneLine(error), line: 1, column: 1 });
  }
  for (const doc of parsed) {
    if (doc.errors.length > 0) {
      for (const error of doc.errors) errors.push({ message: firstLine(error.message), ...position(error.pos[0]) });
      continue;
    }
    try {
      documents.push(doc.toJS({ maxAliasCount: 1000 }));
    } catch (error) {
      errors.push({ message: oneLine(error), ...position(doc.range[0]) });
    }
  }
  const lineOf = (path: ReadonlyArray<string | number>, docIndex = 0): number | undefined => {
    const doc = parsed[docIndex];
    if (!doc) return undefined;
    const node = findNode(doc.contents as Node | null, path);
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
  const positionOf = (path: ReadonlyArray<string | number>, docIndex = 0) => {
    const doc = parsed[docIndex];
    for (let length = path.length; doc && length >= 0; length--) {
      const node = findNode(doc.contents as Node | null, path.slice(0, length), true);
      if (node?.range) return position(node.range[0]);
    }
    return { line: 1, column: 1 };
  };
  return { documents, errors, lineOf, positionOf };
}

function findNode(root: Node | null, path: ReadonlyArray<string | number>, preferScalarValue = false): Node | undefined {
  let current: Node | null | undefined = root;
  let located: Node | undefined;
  for (const step of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) return undefined;
      located = preferScalarValue && isScalar(pair.value) ? pair.value : (pair.key as Node);
      current = pair.value as Node | null;
    } else if (isSeq(current) && typeof step === 'number') {
      const item = current.items[step] as Node | undefined;
      if (!item) return undefined;
      located = item;
      current = item;
    } else {
      return undefined;
    }
  }
  return located ?? root ?? undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function oneLine(error: unknown): string {
  return firstLine(error instanceof Error ? error.message : String(error));
}
