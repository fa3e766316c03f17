import { isRecord } from '../../parsers/record.js';

/** Guards for values read out of parsed YAML, where any key may hold anything. */

export type YamlMap = Record<string, unknown>;

export function asMap(value: unknown): YamlMap | undefined {
  return isRecord(value) ? value : undefined;
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Strings, and numbers or booleans written where a string was meant (`tag: 1.2`). */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A string or a list of strings (`extends: .base` or `extends: [.a, .b]`). */
export function asTextList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asText).filter((item): item is string => item !== undefined);
  const single = asText(value);
  return single === undefined ? [] : [single];
}

/** `true`, `"true"`, or an expression (`${{ github.event_name != 'pull_request' }}`) that is true on some runs. */
export function isTruthy(value: unknown): boolean {
  if (value === true) return true;
  const text = asText(value)?.trim().toLowerCase();
  return text === 'true' || (text !== undefined && /^\$\{\{|^\$\(|^\$\[/.test(text));
}

/** The image of `image: x`, `image: { name: x }` or `container: { image: x }`. */
export function imageName(value: unknown): string | undefined {
  const map = asMap(value);
  return (asText(map ? (map.name ?? map.image) : value) ?? '').trim() || undefined;
}

/** Key of a single-key map (`- docker/build: {...}`, `- step: {...}`), with its value. */
export function singleEntry(value: unknown): [string, unknown] | undefined {
  const map = asMap(value);
  if (!map) return undefined;
  const keys = Object.keys(map);
  return keys.length === 1 && keys[0] !== undefined ? [keys[0], map[keys[0]]] : undefined;
}

/**
 * CI variables as a plain map: `{ IMAGE: x }`, GitLab's `{ IMAGE: { value: x, description: … } }`
 * and Azure's list form `[{ name: IMAGE, value: x }]`.
 */
export function variablesOf(value: unknown): Record<string, string> {
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map(asMap).flatMap((item) => (item && asText(item.name) !== undefined ? [[asText(item.name)!, item.value] as [string, unknown]] : []))
    : Object.entries(asMap(value) ?? {});
  const variables: Record<string, string> = {};
  for (const [name, raw] of entries) {
    const text = asText(asMap(raw)?.value ?? raw);
    if (text !== undefined) variables[name] = text;
  }
  return variables;
}
