import { parse, TomlError } from 'smol-toml';
import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';

export interface ParsedToml {
  /** The document as plain data; `{}` when it did not parse. */
  value: Record<string, unknown>;
  error?: { message: string; line: number; column: number };
}

/** TOML 1.0 (Cargo.toml, pyproject.toml, project.toml, nixpacks.toml). Never throws. */
export function parseToml(text: string): ParsedToml {
  try {
    return { value: parse(text) as Record<string, unknown> };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'invalid TOML';
    const position = error instanceof TomlError ? { line: error.line, column: error.column } : { line: 1, column: 1 };
    return { value: {}, error: { message, ...position } };
  }
}

/**
 * Parsed once per snapshot and path. The snapshot caches text but has no TOML parser of its own;
 * the weak map lets each snapshot's cache go with it.
 */
const caches = new WeakMap<RepoSnapshot, Map<string, ParsedToml | undefined>>();

export function tomlOf(snapshot: RepoSnapshot, path: string): ParsedToml | undefined {
  let cache = caches.get(snapshot);
  if (!cache) caches.set(snapshot, (cache = new Map()));
  if (cache.has(path)) return cache.get(path);
  const text = snapshot.text(path);
  const parsed = text === undefined ? undefined : parseToml(text);
  cache.set(path, parsed);
  return parsed;
}

/** A nested table or value (`tool.uv.workspace`), or undefined when any step is missing. */
export function tomlAt(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
