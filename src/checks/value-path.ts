import { lazy } from '../lazy.js';
import { z } from 'zod';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { lineAndColumn } from '../parsers/lines.js';

export type ValuePath = Array<string | number>;

/**
 * `services.*.healthcheck`, `jobs.build.steps`, `scripts.test`: keys separated by dots, `*` for
 * any key or item, a number for an item of a list.
 */
export const valuePathParam = lazy(() =>
  z
    .string()
    .min(1)
    .regex(/^[^.\s]+(\.[^.\s]+)*$/, 'must be a dotted path like services.*.healthcheck'),
);

/** A scalar to compare the value with; numbers and booleans also match their string form. */
export const equalsParam = lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null()]));

export interface FoundValue {
  path: ValuePath;
  value: unknown;
}

/** Every value at the path (several with `*`); a key that is present with an empty value counts. */
export function findValues(root: unknown, path: string): FoundValue[] {
  let current: FoundValue[] = [{ path: [], value: root }];
  for (const segment of path.split('.')) {
    const next: FoundValue[] = [];
    for (const { path: at, value } of current) {
      if (Array.isArray(value)) {
        const indexes = segment === '*' ? value.map((_, i) => i) : /^\d+$/.test(segment) ? [Number(segment)] : [];
        for (const index of indexes) if (index < value.length) next.push({ path: [...at, index], value: value[index] });
      } else if (typeof value === 'object' && value !== null) {
        const keys = segment === '*' ? Object.keys(value) : Object.hasOwn(value, segment) ? [segment] : [];
        for (const key of keys) next.push({ path: [...at, key], value: (value as Record<string, unknown>)[key] });
      }
    }
    current = next;
  }
  return current;
}

export function valueEquals(value: unknown, expected: string | number | boolean | null): boolean {
  if (value === expected) return true;
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  return scalar && expected !== null && String(value) === String(expected);
}

/** For evidence: the value as one short line. */
export function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? 'null';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** 1-based line of the key at `path` in JSON(C) text. */
export function jsonLineOf(text: string, path: ValuePath): number | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = root && findNodeAtLocation(root, path);
  if (!node) return undefined;
  const anchor = node.parent?.type === 'property' ? node.parent : node;
  return lineAndColumn(text, anchor.offset).line;
}
