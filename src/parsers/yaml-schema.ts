import { Schema, Type } from 'js-yaml';
import { lazy } from '../lazy.js';

/**
 * The js-yaml schema that reads plain scalars as the YAML 1.2 core schema does
 * (https://yaml.org/spec/1.2.2/#1032-tag-resolution), exactly as the `yaml` package read them
 * before: js-yaml's own core schema also takes `0b1` and `+0x1` as numbers, `-0` as 0 and `-.5` as a
 * string. No timestamps (dates stay strings), merge keys `<<` on, and every other tag (`!Ref`,
 * GitLab's `!reference [a, b]`, `!!binary`…) gives the plain string, sequence or mapping.
 */

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

const toInt = (text: string) => (text[1] === 'o' ? parseInt(text.slice(2), 8) : text[1] === 'x' ? parseInt(text.slice(2), 16) : parseInt(text, 10));

function toFloat(text: string): number {
  const end = text.slice(-3).toLowerCase();
  if (end === 'nan') return NaN;
  if (end === 'inf') return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return parseFloat(text);
}

/** FLOAT also matches integers (`1`), which the core schema's float rules do not: INT goes first, and an explicit `!!float 1` stays a string. */
const isFloat = (text: string) => FLOAT.test(text) && !/^[-+]?[0-9]+$/.test(text);

const CORE = [
  { tag: 'null', test: (text: string) => NULL.test(text), value: () => null },
  { tag: 'bool', test: (text: string) => BOOL.test(text), value: (text: string) => text[0] === 't' || text[0] === 'T' },
  { tag: 'int', test: (text: string) => INT.test(text), value: toInt },
  { tag: 'float', test: isFloat, value: toFloat },
];

/**
 * Built on first use: js-yaml's types and schemas are only needed once there is YAML to read, and
 * a repository without any (a tiny one) need not pay for setting them up.
 */
export const coreSchema12 = lazy(() => {
  /** Implicit: a plain scalar becomes the first core type whose test it passes, else a string. */
  const implicit = CORE.map(
    ({ tag, test, value }) => new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (data: string) => test(data), construct: (data: string) => value(data) }),
  );
  /** Explicit (`!!int 0x1F`): the type when the text passes its test, else the text, as the `yaml` package does (with a warning). */
  const explicit = CORE.map(
    ({ tag, test, value }) => new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', construct: (data: string | null) => (test(data ?? '') ? value(data ?? '') : (data ?? '')) }),
  );
  /** `!!str`, `!!seq`, `!!map` and any other tag: the node as it is; an empty node is an empty string. */
  const failsafe = (['str', 'seq', 'map'] as const).map(
    (tag) => new Type(`tag:yaml.org,2002:${tag}`, { kind: tag === 'str' ? 'scalar' : tag === 'seq' ? 'sequence' : 'mapping', construct: (data: unknown) => data ?? '' }),
  );
  const anyTag = (['scalar', 'sequence', 'mapping'] as const).map((kind) => new Type('', { kind, multi: true, construct: (data: unknown) => data ?? '' }));
  /** `<<` as a plain key merges (https://yaml.org/type/merge.html); a quoted '<<' is a plain key. */
  const merge = new Type('tag:yaml.org,2002:merge', { kind: 'scalar', resolve: (data: string) => data === '<<' });
  return new Schema({ implicit: [...implicit, merge], explicit: [...explicit, ...failsafe, ...anyTag] });
});
