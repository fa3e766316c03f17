import type { ParsedYaml } from '../../parsers/yaml.js';
import type { ScriptLine } from './shell.js';

/** One YAML document a provider reads, with what is needed to point back into it. */
export interface YamlConfig {
  path: string;
  root: unknown;
  /** Index of `root` among the file's documents, for `lineOf`. */
  doc: number;
  parsed: ParsedYaml;
  lines: string[];
}

export interface Place {
  path: string;
  line: number;
}

type KeyPath = Array<string | number>;
type Origin = { config: YamlConfig; keys: KeyPath };

const MAX_DEPTH = 64;
/** `|`, `>-`, `|2+` at the end of a line (after a key or a `-`): the value starts on the next line. */
const BLOCK_HEADER = /(?:^|[\s:-])([|>])[1-9+-]{0,2}$/;

/**
 * Finds where any map or list taken out of a set of YAML files is written. Aliases (`*build`) give
 * the very object of their anchor; merge keys (`<<: *defaults`) give copies, found by content.
 */
export function yamlSources(configs: readonly YamlConfig[]) {
  const byIdentity = new Map<object, Origin>();
  let byContent: Map<string, Origin> | undefined;
  // The first place a value is met in document order is where it is written; an alias comes later.
  // Copies made by merge keys sit at paths the file does not have: they are left to the content index.
  const walk = (value: unknown, origin: Origin, depth: number) => {
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || byIdentity.has(value)) return;
    if (origin.keys.length > 0 && origin.config.parsed.lineOf(origin.keys, origin.config.doc) === undefined) return;
    byIdentity.set(value, origin);
    for (const [key, child] of Object.entries(value)) {
      walk(child, { config: origin.config, keys: [...origin.keys, Array.isArray(value) ? Number(key) : key] }, depth + 1);
    }
  };
  for (const config of configs) walk(config.root, { config, keys: [] }, 0);
  const locate = (value: object): Origin | undefined => {
    const known = byIdentity.get(value);
    if (known) return known;
    if (!byContent) {
      const index = new Map<string, Origin>();
      for (const [object, origin] of byIdentity) {
        const content = JSON.stringify(object);
        if (!index.has(content)) index.set(content, origin);
      }
      byContent = index;
    }
    return byContent.get(JSON.stringify(value));
  };

  /** Where `container[key]` is written, when `container` came out of one of the files. */
  const placeOf = (container: object, key: string | number): Place | undefined => {
    const origin = locate(container);
    if (!origin) return undefined;
    const line = origin.config.parsed.lineOf([...origin.keys, key], origin.config.doc);
    return line === undefined ? undefined : { path: origin.config.path, line };
  };

  /** Where a map or list is written (the key or list item that holds it). */
  const placeOfValue = (value: object): Place | undefined => {
    const origin = locate(value);
    const line = origin && origin.keys.length > 0 ? origin.config.parsed.lineOf(origin.keys, origin.config.doc) : undefined;
    return origin && line !== undefined ? { path: origin.config.path, line } : undefined;
  };

  /**
   * Lines of a script held at `container[key]`: a string (a `|` block, a `>` folded block or a
   * one-liner) or a list of them, nested lists included. `expand` may replace a nested list (GitLab's
   * `!reference [.setup, script]`) by the place it refers to.
   */
  const scriptLines = (
    container: object,
    key: string | number,
    fallback: Place,
    expand?: (item: unknown[]) => { container: object; key: string | number } | undefined,
    depth = 0,
  ): ScriptLine[] => {
    const value = (container as Record<string | number, unknown>)[key];
    const at = placeOf(container, key) ?? fallback;
    if (typeof value === 'string') return scalarLines(value, at, configFor(at.path));
    if (!Array.isArray(value) || depth > 8) return [];
    return value.flatMap((item, index) => {
      const itemAt = placeOf(value, index) ?? at;
      if (typeof item === 'string') return scalarLines(item, itemAt, configFor(itemAt.path));
      if (!Array.isArray(item)) return [];
      const target = expand?.(item);
      return target ? scriptLines(target.container, target.key, itemAt, expand, depth + 1) : scriptLines(value, index, itemAt, expand, depth + 1);
    });
  };

  const configFor = (path: string) => configs.find((config) => config.path === path);

  return { placeOf, placeOfValue, scriptLines };
}

export type YamlSources = ReturnType<typeof yamlSources>;

/** Lines of one string value written at `at`: block scalars are read from the file to keep their line numbers. */
function scalarLines(value: string, at: Place, config: YamlConfig | undefined): ScriptLine[] {
  const header = (config?.lines[at.line - 1] ?? '').replace(/\s+#.*$/, '').trimEnd();
  const block = BLOCK_HEADER.exec(header);
  if (!config || !block) return value.split(/\r?\n/).map((text, index) => ({ text, line: at.line + index, path: at.path }));
  const body = blockBody(config.lines, at.line);
  if (block[1] === '|') return body.map(({ text, line }) => ({ text, line, path: at.path }));
  // Folded: lines of a paragraph are one line to the shell; the command keeps its first line number.
  return body.map(({ text, line }, index) => {
    const next = body[index + 1];
    const continues = next !== undefined && next.line === line + 1 && text.trim() !== '' && next.text.trim() !== '';
    return { text: continues ? `${text} \\` : text, line, path: at.path };
  });
}

/** Lines of a block scalar whose header is on `headerLine`, by YAML's rule: as indented as its first line. */
function blockBody(lines: readonly string[], headerLine: number): Array<{ text: string; line: number }> {
  const body: Array<{ text: string; line: number }> = [];
  const headerIndent = (lines[headerLine - 1] ?? '').length - (lines[headerLine - 1] ?? '').trimStart().length;
  let indent: number | undefined;
  for (let index = headerLine; index < lines.length; index++) {
    const raw = lines[index]!;
    if (raw.trim() === '') {
      body.push({ text: '', line: index + 1 });
      continue;
    }
    const leading = raw.length - raw.trimStart().length;
    if (indent === undefined && leading <= headerIndent) break;
    indent ??= leading;
    if (leading < indent) break;
    body.push({ text: raw.slice(indent), line: index + 1 });
  }
  while (body.length > 0 && body.at(-1)!.text === '') body.pop();
  return body;
}
