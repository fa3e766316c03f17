import fc from 'fast-check';
import { parseYaml } from '../../src/parsers/yaml.js';
import { fillEmptyItems } from '../../src/parsers/yaml-edits.js';
import { swapUnprintable } from '../../src/parsers/yaml-printable.js';
import { contentStart, dashesOf, emptyStart, textAfterColon } from '../../src/parsers/yaml-text.js';
import { SEED } from '../property/arbitraries.js';

// What the tool relies on from its one YAML reader. tests/property/yaml-parser.test.ts checks it
// against the `yaml` package it replaced; these pin the rules themselves.

const only = (text: string) => {
  const parsed = parseYaml(text);
  expect(parsed.errors).toEqual([]);
  return parsed.documents[0];
};

describe('the YAML 1.2 core schema, as the tool read it before', () => {
  test.each<[string, unknown]>([
    ['on', 'on'], ['yes', 'yes'], ['No', 'No'], ['true', true], ['FALSE', false], ['~', null], ['Null', null], ['', null],
    ['12', 12], ['-0', -0], ['+7', 7], ['0o17', 15], ['0x1F', 31], ['0b11', '0b11'], ['1_000', '1_000'], ['-0x1', '-0x1'],
    ['1.5', 1.5], ['.5', 0.5], ['-.5', -0.5], ['1e3', 1000], ['-.inf', -Infinity], ['.NaN', NaN], ['2024-01-01', '2024-01-01'], ['12:30', '12:30'],
    ['!!str 12', '12'], ['!!int 0x1F', 31], ['!!int abc', 'abc'], ['!!float 1', '1'], ['!!bool yes', 'yes'], ['!Ref Bucket', 'Bucket'], ['!custom', ''],
  ])('%j', (source, value) => {
    expect(only(`v: ${source}\n`)).toEqual({ v: value });
  });

  test("GitLab's !reference is a plain sequence, any tag on a collection gives the collection", () => {
    expect(only('a: !reference [.base, script]\nb: !custom {x: 1}\n')).toEqual({ a: ['.base', 'script'], b: { x: 1 } });
  });

  test('merge keys: explicit keys win, then the first source; a quoted "<<" is a key', () => {
    expect(only('x: &x {a: 1, b: 1}\ny: &y {b: 2, c: 2}\nz:\n  <<: [*x, *y]\n  a: 0\nq: {"<<": 1}\n')).toEqual({
      x: { a: 1, b: 1 }, y: { b: 2, c: 2 }, z: { a: 0, b: 1, c: 2 }, q: { '<<': 1 },
    });
  });

  test('a duplicate key keeps the last value; lineOf finds the first', () => {
    const parsed = parseYaml('a: 1\nb: 2\na: 3\n');
    expect(parsed.documents).toEqual([{ a: 3, b: 2 }]);
    expect(parsed.lineOf(['a'])).toBe(1);
  });

  test('non-string keys as the yaml package made them', () => {
    expect(only('1: a\ntrue: b\nnull: c\n[x, y]: d\n{k: v}: e\n{k}: f\n')).toEqual({ 1: 'a', true: 'b', '': 'c', '[ x, y ]': 'd', '{ k: v }': 'e', '{ k }': 'f' });
  });
});

describe('positions', () => {
  const text = ['on: push', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', '      - run: |', '          docker build .', '    env:', '      EMPTY:', ''].join('\n');

  test('lineOf: the key for a mapping step, the item for a list step', () => {
    const parsed = parseYaml(text);
    expect([[], ['on'], ['jobs', 'build'], ['jobs', 'build', 'steps', 1], ['jobs', 'build', 'steps', 1, 'run'], ['jobs', 'nope'], ['on', 0]].map((path) => parsed.lineOf(path))).toEqual([1, 1, 3, 7, 7, undefined, undefined]);
  });

  test('positionOf: a scalar value rather than its key, an empty value after its colon, else the nearest parent', () => {
    const parsed = parseYaml(text);
    expect(parsed.positionOf(['jobs', 'build', 'runs-on'])).toEqual({ line: 4, column: 14 });
    expect(parsed.positionOf(['jobs', 'build', 'steps', 1, 'run'])).toEqual({ line: 7, column: 14 });
    expect(parsed.positionOf(['jobs', 'build', 'env', 'EMPTY'])).toEqual({ line: 10, column: 13 });
    expect(parsed.positionOf(['jobs', 'build', 'steps', 7, 'x'])).toEqual({ line: 5, column: 5 });
    expect(parsed.positionOf(['x'], 3)).toEqual({ line: 1, column: 1 });
  });

  test('CRLF, a byte-order mark and tabs after the colon', () => {
    const parsed = parseYaml('\uFEFFa:\tx\r\nb:\r\n  - y\r\n');
    expect(parsed.documents).toEqual([{ a: 'x', b: ['y'] }]);
    expect([parsed.positionOf(['a']), parsed.positionOf(['b', 0]), parsed.lineOf(['b'])]).toEqual([{ line: 1, column: 5 }, { line: 3, column: 5 }, 2]);
  });

  test('documents are counted from 0, an empty one included', () => {
    const parsed = parseYaml('# lead\n---\na: 1\n---\n---\nb:\n  - 2\n');
    expect(parsed.documents).toEqual([{ a: 1 }, null, { b: [2] }]);
    expect([parsed.lineOf(['b', 0], 2), parsed.positionOf([], 1)]).toEqual([7, { line: 4, column: 4 }]);
  });

  test('a file of comments holds no document', () => {
    expect(parseYaml('# one\n\n# two\n')).toMatchObject({ documents: [], errors: [] });
    expect(parseYaml('').documents).toEqual([]);
  });

  test('an empty item before a less indented item stays in its own sequence (js-yaml alone misreads it)', () => {
    const parsed = parseYaml('- name: a\n  args:\n    - x\n    -\n- name: b\n');
    expect(parsed.documents).toEqual([[{ name: 'a', args: ['x', null] }, { name: 'b' }]]);
    expect([parsed.positionOf([0, 'args', 1]), parsed.lineOf([1, 'name'])]).toEqual([{ line: 4, column: 6 }, 5]);
  });
});

describe('broken and hostile input', () => {
  test('an error: one line, 1-based line and column; the documents before it are kept', () => {
    const parsed = parseYaml('a: 1\n---\nb: [1, 2\nc: 3\n');
    expect(parsed.documents).toEqual([{ a: 1 }]);
    expect(parsed.errors).toEqual([{ message: expect.stringMatching(/^[^\n]+$/), line: 4, column: 1 }]);
  });

  test('an alias bomb is an error at the start of its document, and costs nothing', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const parsed = parseYaml(`---\n${levels.join('\n')}\n`);
    expect(parsed.documents).toEqual([]);
    expect(parsed.errors).toEqual([{ message: expect.any(String), line: 2, column: 1 }]);
  });

  test('deep nesting is an error, not a stack overflow', () => {
    expect(parseYaml(`a: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`).errors).toEqual([{ message: expect.any(String), line: 1, column: expect.any(Number) }]);
    expect(parseYaml(`${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}`).errors).toHaveLength(1);
  });

  test('a huge document on one line', () => {
    const parsed = parseYaml(`items: [${Array(200_000).fill('1').join(',')}]\n`);
    expect((parsed.documents[0] as { items: number[] }).items).toHaveLength(200_000);
    expect(parsed.positionOf(['items', 199_999])).toEqual({ line: 1, column: 400_007 });
  });

  test('never throws; every error has a line and a column', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.constantFrom('- ', ': ', '? ', '&a ', '*a', '!t ', '[', '{', '"', "'", '|', '\n', '\n  ', '#', '<<: ', '---\n', '\t', '%YAML 1.2\n')), (text, tokens) => {
        for (const input of [text, tokens.join('')]) {
          const parsed = parseYaml(input);
          for (const error of parsed.errors) expect(error).toEqual({ message: expect.stringMatching(/^[^\n]*$/), line: expect.any(Number), column: expect.any(Number) });
          parsed.lineOf(['a', 0]);
          parsed.positionOf(['a', 0]);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('helpers', () => {
  test('swapUnprintable: control characters swapped for private-use ones the text lacks, and back in values, keys and messages', () => {
    expect(swapUnprintable('plain text\tand tabs\r\n')).toBeUndefined();
    const swapped = swapUnprintable('a\u0000b\u001b\uE000\ud800')!;
    expect(swapped.text).toBe('a\uE001b\uE002\uE000\uE003');
    const value = swapped.restore({ ['k\uE001']: ['\uE002'], __proto__x: 1 });
    expect(value).toEqual({ 'k\u0000': ['\u001b'], __proto__x: 1 });
    expect(swapped.swap('x\u001b')).toBe('x\uE002');
  });

  test('fillEmptyItems: a `~` after the dash and its spaces, offsets mapped back to where the item was', () => {
    const source = 'x:\n  -\n  -   # c\n- y\n';
    const edited = fillEmptyItems(source, [5, 9]);
    expect(edited.text).toBe('x:\n  - ~\n  -   ~ # c\n- y\n');
    expect([edited.toSource(7), edited.toSource(edited.text.indexOf('~ #')), edited.toSource(edited.text.indexOf('y'))]).toEqual([6, 13, source.indexOf('y')]);
  });

  test('text scanning: where content starts, where an empty node sits, the colon after a key, the dashes of a sequence', () => {
    const input = 'k: !t &a\n  # c\n  v\ne: &x   \n';
    expect(contentStart(input, 2)).toBe(input.indexOf('v'));
    expect(emptyStart(input, input.indexOf('&x') - 1)).toBe(input.indexOf('&x') + 5);
    expect([textAfterColon('a : b', 1, false), textAfterColon('? a\n: b', 3, true), textAfterColon('a\n: b', 1, false)]).toEqual([3, 5, undefined]);
    expect(dashesOf('  - a\n  # c\n  -\n - b\n', 2, 20)).toEqual({ own: [2, 14], stray: 17 });
  });
});
