import fc from 'fast-check';
import { z } from 'zod';
import { shape, shapeIssues, type Shape } from '../../src/detectors/shape.js';

// The detectors' shapes replaced zod schemas, whose issues (path and message) became findings.
// Any shape built from the same parts must report what the zod schema reports, for any value a
// YAML or JSON parser can give (NaN and ±Infinity included: YAML has .nan and .inf).

type Description =
  | { kind: 'string' | 'number' | 'boolean' | 'unknown' }
  | { kind: 'optional' | 'nullable' | 'nullish'; inner: Description }
  | { kind: 'array' | 'record'; inner: Description; error?: string }
  | { kind: 'object'; fields: Array<[string, Description]>; error?: string }
  | { kind: 'union'; options: Description[]; error?: string };

const KEYS = ['a', 'b', 'image', '__proto__', '0'];

const description: fc.Arbitrary<Description> = fc.letrec<{ node: Description }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Description>({ kind: 'string' }, { kind: 'number' }, { kind: 'boolean' }, { kind: 'unknown' }),
    fc.record({ kind: fc.constantFrom('optional' as const, 'nullable' as const, 'nullish' as const), inner: tie('node') }),
    fc.record({ kind: fc.constantFrom('array' as const, 'record' as const), inner: tie('node'), error: fc.option(fc.constant('custom'), { nil: undefined }) }, { requiredKeys: ['kind', 'inner'] }),
    fc.record(
      {
        kind: fc.constant('object' as const),
        fields: fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'image'), tie('node')), { maxLength: 3, selector: ([key]) => key }),
        error: fc.option(fc.constant('custom object'), { nil: undefined }),
      },
      { requiredKeys: ['kind', 'fields'] },
    ),
    fc.record({ kind: fc.constant('union' as const), options: fc.array(tie('node'), { minLength: 1, maxLength: 3 }), error: fc.option(fc.constant('custom union'), { nil: undefined }) }, { requiredKeys: ['kind', 'options'] }),
  ),
})).node;

const value: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, 1.5, NaN, Infinity, -Infinity, '', 'x'),
    fc.array(tie('node'), { maxLength: 3 }),
    // fromEntries makes `__proto__` an own key, as the YAML parser does.
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
  ),
})).node;

function toShape(d: Description): Shape {
  switch (d.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return shape[d.kind]();
    case 'unknown':
      return shape.unknown();
    case 'optional':
      return toShape(d.inner).optional();
    case 'nullable':
      return toShape(d.inner).nullable();
    case 'nullish':
      return toShape(d.inner).nullish();
    case 'array':
      return shape.array(toShape(d.inner), { error: d.error });
    case 'record':
      return shape.record(toShape(d.inner), { error: d.error });
    case 'object':
      return shape.looseObject(Object.fromEntries(d.fields.map(([key, field]) => [key, toShape(field)])), { error: d.error });
    case 'union':
      return shape.union(d.options.map(toShape), { error: d.error });
  }
}

function toZod(d: Description): z.ZodType {
  switch (d.kind) {
    case 'string':
      return z.string();
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'unknown':
      return z.unknown();
    case 'optional':
      return toZod(d.inner).optional();
    case 'nullable':
      return toZod(d.inner).nullable();
    case 'nullish':
      return toZod(d.inner).nullish();
    case 'array':
      return z.array(toZod(d.inner), d.error ? { error: d.error } : undefined);
    case 'record':
      return z.record(z.string(), toZod(d.inner), d.error ? { error: d.error } : undefined);
    case 'object':
      return z.looseObject(Object.fromEntries(d.fields.map(([key, field]) => [key, toZod(field)])), d.error ? { error: d.error } : undefined);
    case 'union':
      return z.union(d.options.map(toZod) as [z.ZodType, ...z.ZodType[]], d.error ? { error: d.error } : undefined);
  }
}

function zodIssues(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

test('any shape reports what the same zod schema reports, for any parsed value', () => {
  fc.assert(
    fc.property(description, fc.array(value, { minLength: 1, maxLength: 5 }), (d, inputs) => {
      const built = toShape(d);
      const schema = toZod(d);
      for (const input of inputs) expect(shapeIssues(built, input)).toEqual(zodIssues(schema, input));
    }),
    { numRuns: 2000, seed: 20261130 },
  );
});

test('values shaped after the description, so that deep issues are reached, not only wrong top-level types', () => {
  const fitting = (d: Description): fc.Arbitrary<unknown> => {
    switch (d.kind) {
      case 'string':
        return fc.constantFrom('x', 1);
      case 'number':
        return fc.constantFrom(1, NaN, 'x');
      case 'boolean':
        return fc.constantFrom(true, null);
      case 'unknown':
        return value;
      case 'optional':
      case 'nullable':
      case 'nullish':
        return fc.oneof(fitting(d.inner), fc.constantFrom(null, undefined));
      case 'array':
        return fc.oneof(fc.array(fitting(d.inner), { maxLength: 3 }), value);
      case 'record':
        return fc.oneof(fc.array(fc.tuple(fc.constantFrom('k', 'l'), fitting(d.inner)), { maxLength: 3 }).map((e) => Object.fromEntries(e)), value);
      case 'object':
        return fc.oneof(
          fc.tuple(...d.fields.map(([key, field]) => fc.option(fitting(field).map((v) => [key, v] as const), { nil: undefined }))).map((e) => Object.fromEntries(e.filter((x) => x !== undefined))),
          value,
        );
      case 'union':
        return fc.oneof(...d.options.map(fitting));
    }
  };
  fc.assert(
    fc.property(
      description.chain((d) => fc.tuple(fc.constant(d), fitting(d))),
      ([d, input]) => {
        expect(shapeIssues(toShape(d), input)).toEqual(zodIssues(toZod(d), input));
      },
    ),
    { numRuns: 3000, seed: 20261130 },
  );
});

test('an entry shape chosen by key checks each entry with its own shape', () => {
  const jobs = shape.record((key) => (key.startsWith('.') ? shape.unknown() : shape.looseObject({ script: shape.string() })));
  expect(shapeIssues(jobs, { '.hidden': 5, build: { script: 'make' }, test: { script: 1 } })).toEqual([
    { path: ['test', 'script'], message: 'Invalid input: expected string, received number' },
  ]);
  expect(shapeIssues(jobs, ['a'])).toEqual([{ path: [], message: 'Invalid input: expected record, received array' }]);
});
