import fc from 'fast-check';
import { parse as jsoncParse } from 'jsonc-parser';
import { parseJsonc } from '../../src/parsers/jsonc.js';

// parseJsonc reads plain JSON with JSON.parse and everything else with jsonc-parser; both roads
// must give the same value, and errors keep jsonc-parser's message and position.

/** jsonc-parser builds objects by assignment, so a `__proto__` key would set a prototype instead. */
const hasProtoKey = (text: string) => text.includes('"__proto__"');

test('any JSON document: the value jsonc-parser gives', () => {
  fc.assert(
    fc.property(fc.json({ maxDepth: 6 }), fc.constantFrom(0, 2), (json, indent) => {
      const text = indent ? JSON.stringify(JSON.parse(json), null, indent) : json;
      fc.pre(!hasProtoKey(text));
      const parsed = parseJsonc(text);
      expect(parsed.error).toBeUndefined();
      expect(parsed.value).toStrictEqual(jsoncParse(text, [], { allowTrailingComma: true, disallowComments: false }));
    }),
    { numRuns: 500, seed: 20261130 },
  );
});

test.each([
  ['a comment', '{\n  // the port\n  "port": 8080\n}', { port: 8080 }],
  ['a trailing comma', '{"a": [1, 2,],}', { a: [1, 2] }],
  ['a block comment', '/* x */ {"a": 1}', { a: 1 }],
])('JSON with %s still parses', (_label, text, value) => {
  expect(parseJsonc(text)).toEqual({ value });
});

test('a broken file keeps its error message and position', () => {
  expect(parseJsonc('{\n  "a": 1,\n  "b": }\n')).toMatchObject({ error: { message: 'ValueExpected', line: 3, column: 8 } });
  expect(parseJsonc('')).toMatchObject({ value: undefined, error: expect.any(Object) });
});

test('nesting deeper than the bound goes through jsonc-parser, which reports what it cannot read', () => {
  const moderate = `${'['.repeat(500)}1${']'.repeat(500)}`;
  expect(parseJsonc(moderate).error).toBeUndefined();
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  expect(parseJsonc(deep)).toMatchObject({ value: undefined, error: expect.any(Object) });
});

test('a `__proto__` key is an ordinary key, never a prototype', () => {
  const { value } = parseJsonc('{"__proto__": {"polluted": true}, "name": "x"}') as { value: Record<string, unknown> };
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  expect(Object.keys(value)).toEqual(['__proto__', 'name']);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
