import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseYaml, type ParsedYaml } from '../../src/parsers/yaml.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { parseWithYamlPackage } from '../helpers/yaml-oracle.js';
import { SEED } from './arbitraries.js';
import { yamlText } from './yaml-arbitrary.js';

// Differential test: the js-yaml based parser against the `yaml` package wrapper it replaced, on
// every YAML file of the repository and on generated files. The same documents (same keys in the
// same order), whether there are errors, and the same lineOf and positionOf for every path into
// the documents (and one step past each). Where the two differ on purpose, the case is below.

const CORPUS = ['tests', 'examples', 'checklists'].flatMap((dir) =>
  readdirSync(join(REPO_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.ya?ml$/.test(path))
    .map((path) => join(dir, path)),
);

type Path = Array<string | number>;

/** Every path into a value, each key and item in order; a value reached twice (an alias) is walked each time, to a bound. */
function pathsOf(value: unknown, prefix: Path = [], paths: Path[] = [], open = new Set<unknown>()): Path[] {
  paths.push(prefix);
  if (value === null || typeof value !== 'object' || open.has(value) || paths.length > 3000) return paths;
  open.add(value);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...prefix, index], paths, open));
  else for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], paths, open);
  open.delete(value);
  return paths;
}

/** For each document, each path with where lineOf and positionOf put it. */
function locations(parsed: ParsedYaml, documents: unknown[]) {
  return documents.flatMap((document, doc) =>
    pathsOf(document).flatMap((path) => [path, [...path, 'missing'], [...path, 99]].map((at) => [doc, at, parsed.lineOf(at, doc), parsed.positionOf(at, doc)])),
  );
}

function expectSame(text: string): void {
  const ours = parseYaml(text);
  const theirs = parseWithYamlPackage(text);
  expect(ours.documents).toEqual(theirs.documents);
  expect(ours.errors.length > 0).toBe(theirs.errors.length > 0);
  expect(locations(ours, theirs.documents)).toEqual(locations(theirs, theirs.documents));
  expect([ours.lineOf([], theirs.documents.length), ours.positionOf(['a'], theirs.documents.length)]).toEqual([undefined, { line: 1, column: 1 }]);
}

describe('our YAML parser returns what the yaml package wrapper returned', () => {
  test('the corpus holds the fixtures, the accuracy repositories, examples and the checklists', () => {
    expect(CORPUS.length).toBeGreaterThan(80);
    expect(CORPUS).toEqual(expect.arrayContaining(['checklists/containerization.yaml', 'tests/fixtures/accuracy/ci-tekton-pipelines-as-code/.tekton/shop-push.yaml']));
  });

  test.each(CORPUS)('%s', (path) => expectSame(readFileSync(join(REPO_ROOT, path), 'utf8')));

  test('the generated files exercise every construct', () => {
    const samples = fc.sample(yamlText, { seed: SEED, numRuns: 300 });
    const share = (test: RegExp) => samples.filter((text) => test.test(text)).length / samples.length;
    for (const construct of [/^ *- /m, /^ *- [^-\s]+:/m, /^ *- - /m, /\{[^}]*:/, /\[/, /^ *\? /m, /<<: /, /&a\d/, /\*a\d/, /: [|>][-+]?/, /"[^"]*\\/, /'[^']*''/, /\r\n/, /\uFEFF/, /:\t/, /^---$/m, /^\.\.\.$/m, /!reference|!Ref|!!int/, / #/, /:\r?\n(?! )/, /^ *-\r?$/m, /\u001b/]) {
      expect({ construct: String(construct), common: share(construct) > 0.02 }).toEqual({ construct: String(construct), common: true });
    }
  });

  test('generated files', () => {
    fc.assert(
      fc.property(yamlText, (text) => expectSame(text)),
      { seed: SEED, numRuns: 300 },
    );
  });

  test.each([
    ['an empty item before an outer item (js-yaml alone puts that item in the inner sequence; we read again)', '- name: a\n  args:\n    - x\n    -\n- name: b\n'],
    ['an empty nested item before a dedented one, at the end', 'k:\n  - - a\n    -\n  -\n  - b\n'],
    ['control characters in every kind of scalar (js-yaml alone refuses them)', 'a: x\u0007y\nb: "\u001b[0m"\nc: |\n  \u0000\n\u0001: \'\u007f\'\n'],
    ['one anchor used 999 times', `a: &a x\nk: [${Array(999).fill('*a').join(', ')}]\n`],
    ['one anchor used 1000 times: an alias bomb for the yaml package', `a: &a x\nk: [${Array(1000).fill('*a').join(', ')}]\n`],
    ['a mapping merged 1000 times', `a: &a {x: 1}\n${Array.from({ length: 1000 }, (_, i) => `k${i}: {<<: *a}`).join('\n')}\n`],
    ['a comment alone', '# nothing here\n'],
    ['empty documents', '---\n---\n# c\n...\n'],
  ])('%s', (_case, text) => expectSame(text));
});

describe('where we differ on purpose', () => {
  const both = (text: string) => [parseYaml(text), parseWithYamlPackage(text)] as const;

  test.each<[string, string, unknown[], unknown[]]>([
    ['a lone CR is a line break (YAML 1.2; the yaml package refused it)', 'a: 1\rb: 2\n', [{ a: 1, b: 2 }], []],
    ['a byte-order mark before a block sequence (the yaml package refused it)', '\uFEFF- a\n- b\n', [['a', 'b']], []],
    ['js-yaml stops at the first error: later documents are lost (no caller reads past an error)', 'a: [1\n---\nb: 1\n', [], [{ b: 1 }]],
    ['`---` followed by text is a document start for js-yaml', '---a: 1\n', [{ a: 1 }], [{ '---a': 1 }]],
    ['an explicit `?` key with nothing after it is the key "null"', '? \n: 1\n', [{ null: 1 }], [{ '': 1 }]],
    ['a collection key is written with `null`, not its source text (`~`)', '[a, ~]: 1\n', [{ '[ a, null ]': 1 }], [{ '[ a, ~ ]': 1 }]],
    ['!!timestamp, !!binary and !!set give the plain value (no Date, Buffer or Set)', 'a: !!timestamp 2001-12-14\nb: !!binary aGk=\nc: !!set {x}\n', [{ a: '2001-12-14', b: 'aGk=', c: { x: null } }], [{ a: new Date('2001-12-14'), b: Buffer.from('hi'), c: new Set(['x']) }]],
    ['a tagged empty document before `...` loses its tag in js-yaml', '---\n!Ref\n...\n', [null], ['']],
    ['a merged mapping with keys 1 and "1" gives the value of the last, as the mapping itself does', 'a: &a {1: x, "1": y}\nb: {<<: *a}\n', [{ a: { 1: 'y' }, b: { 1: 'y' } }], [{ a: { 1: 'y' }, b: { 1: 'x' } }]],
  ])('%s', (_case, text, ours, theirs) => {
    const [mine, old] = both(text);
    expect(mine.documents).toEqual(ours);
    expect(old.documents).toEqual(theirs);
  });

  test.each([
    ['a tag written against a comma in a flow collection', '{a: !Ref, b: 1}\n'],
    ['a top-level block scalar with no line of content', '--- |\n\n'],
    ['a merge of more than 100 mappings at once', `a: &a {x: 1}\nb: {<<: [${Array(101).fill('*a').join(', ')}]}\n`],
  ])('js-yaml refuses %s; the yaml package read it', (_case, text) => {
    const [mine, old] = both(text);
    expect(mine.errors).toEqual([{ message: expect.any(String), line: expect.any(Number), column: expect.any(Number) }]);
    expect(old.errors).toEqual([]);
  });

  test('an anchor weighs what its aliases weighed where it ends, not at its first use (so fewer files are refused)', () => {
    const text = `a: &a [x]\nb: &b [*a]\n${Array.from({ length: 600 }, (_, i) => `k${i}: *a`).join('\n')}\nc: [*b, *b, *b]\n`;
    const [mine, old] = both(text);
    expect(mine.errors).toEqual([]);
    expect(old.errors.map((error) => error.message)).toEqual(['Excessive alias count indicates a resource exhaustion attack']);
  });

  test('nesting deeper than 1000 levels is an error, never a stack overflow (the yaml package overflowed at about 800)', () => {
    expect(parseYaml(`a: ${'['.repeat(999)}${']'.repeat(999)}\n`).errors).toEqual([]);
    expect(parseYaml(`a: ${'['.repeat(1001)}${']'.repeat(1001)}\n`).errors).toHaveLength(1);
  });
});
