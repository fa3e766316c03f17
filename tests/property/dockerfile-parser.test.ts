import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isDockerfileName } from '../../src/detectors/dockerfiles.js';
import { parseDockerfile, type ParsedDockerfile } from '../../src/parsers/dockerfile.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { parseWithDockerfileAst } from '../helpers/dockerfile-ast-oracle.js';
import { dockerfile } from './dockerfile-arbitrary.js';
import { SEED } from './arbitraries.js';

// Differential test: our parser against the dockerfile-ast wrapper it replaced. Where the two
// disagree because dockerfile-ast does not do what Docker does, the case is listed below with
// what Docker does (BuildKit's frontend/dockerfile/parser), which is what we assert.

const CORPUS = ['tests', 'examples'].flatMap((dir) =>
  readdirSync(join(REPO_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((path) => isDockerfileName(path) && !path.endsWith('.ts'))
    .map((path) => join(dir, path)),
);

describe('our Dockerfile parser returns what the dockerfile-ast wrapper returned', () => {
  test('the corpus holds the fixtures, the accuracy repositories and examples/shop', () => {
    expect(CORPUS.length).toBeGreaterThan(60);
    expect(CORPUS).toEqual(expect.arrayContaining(['examples/shop/orders/Dockerfile', 'tests/fixtures/broken-input/Dockerfile', 'tests/fixtures/accuracy/ci-tekton-pipelines-as-code/Containerfile']));
  });

  test.each(CORPUS)('%s', (path) => {
    const text = readFileSync(join(REPO_ROOT, path), 'utf8');
    expect(parseDockerfile(text)).toEqual(parseWithDockerfileAst(text));
  });

  test('the generated Dockerfiles exercise every rule', () => {
    const samples = fc.sample(dockerfile, { seed: SEED, numRuns: 400 });
    const share = (test: RegExp) => samples.filter((text) => test.test(text)).length / samples.length;
    for (const rule of [/<<-?['"]?[A-Z]+['"]? .*<</, /<<-/, /\r\n/, /escape=`/, /[\\`] *\n#/, /\[".*"\]/, /\uFEFF/, /--mount=/, /^(?:from|run|copy) /m]) {
      expect(share(rule)).toBeGreaterThan(0.05);
    }
  });

  test('generated Dockerfiles', () => {
    fc.assert(
      fc.property(dockerfile, (text) => {
        expect(parseDockerfile(text)).toEqual(parseWithDockerfileAst(text));
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

const rows = (parsed: ParsedDockerfile) => parsed.instructions.map((i) => [i.line, i.keyword, i.args, ...i.flags]);

describe('where dockerfile-ast is wrong, we do what Docker does', () => {
  test.each<[string, string, Array<Array<string | number>>]>([
    ['an indented comment inside a continuation is dropped (ast keeps it)', 'RUN a \\\n   # indented comment\n  b', [[1, 'RUN', 'a   b']]],
    ['a whitespace-only line inside a continuation is dropped (ast keeps a line break)', 'RUN a \\\n   \n  b', [[1, 'RUN', 'a   b']]],
    ['a comment line after a keyword continued right after its last letter (ast makes the next line an instruction)', 'COPY\\\n# comment\n  --from=build /a /b', [[1, 'COPY', '/a /b', '--from=build']]],
    ['a one-character line at column 0 inside a continuation (ast drops it)', 'RUN a \\\nb\\\nc', [[1, 'RUN', 'a bc']]],
    ['an escaped escape character at the end of a line does not continue (ast continues)', 'RUN echo \\\\\nUSER x', [[1, 'RUN', 'echo \\\\'], [2, 'USER', 'x']]],
    ['the escape character at the very end of the file is a continuation (ast keeps it in the arguments)', 'FROM a\nUSER node\\', [[1, 'FROM', 'a'], [2, 'USER', 'node']]],
    ['a line holding only the escape character continues (ast makes it an instruction)', 'FROM a\n\\\nRUN x', [[1, 'FROM', 'a'], [3, 'RUN', 'x']]],
    ['an unknown directive ends the directives, so a later escape is a comment (ast applies it)', '# foo=bar\n# escape=`\nRUN a `\n  b', [[3, 'RUN', 'a `'], [4, 'B', '']]],
    ['heredoc bodies are not unescaped (ast joins continued lines inside them)', 'RUN <<EOF\napt-get install \\\n  curl\nEOF', [[1, 'RUN', '<<EOF\napt-get install \\\n  curl\nEOF']]],
    ['<<- applies to its own heredoc only (ast applies it to every heredoc of the line)', 'RUN <<A <<-B\n\tA\n\tB\nA\n\tB\nUSER x', [[1, 'RUN', '<<A <<-B\n\tA\n\tB\nA\n\tB'], [6, 'USER', 'x']]],
    ['exec form has no heredocs (ast reads one and swallows the file)', 'RUN ["sh", "-c", "cat <<EOF"]\nUSER x', [[1, 'RUN', '["sh", "-c", "cat <<EOF"]'], [2, 'USER', 'x']]],
    ['<< inside a quoted word opens no heredoc (ast opens one)', 'RUN echo "a <<EOF"\nUSER x', [[1, 'RUN', 'echo "a <<EOF"'], [2, 'USER', 'x']]],
    ['a file descriptor before << still opens a heredoc (ast reads no heredoc)', 'RUN 3<<EOF cat\nhi\nEOF', [[1, 'RUN', '3<<EOF cat\nhi\nEOF']]],
    ['flags are the leading words only (ast takes --c after a word, and drops the word)', 'RUN a--b --c echo\nHEALTHCHECK x --interval=5s CMD y', [[1, 'RUN', 'a--b --c echo'], [2, 'HEALTHCHECK', 'x --interval=5s CMD y']]],
    ['a quoted flag value may hold spaces (ast splits it)', 'RUN --mount="type=secret,id=a b" echo hi', [[1, 'RUN', 'echo hi', '--mount="type=secret,id=a b"']]],
    ['a bare -- ends the flags and is not one (ast lists it)', 'RUN --mount=x -- echo', [[1, 'RUN', 'echo', '--mount=x']]],
  ])('%s', (_case, text, docker) => {
    expect(rows(parseDockerfile(text))).toEqual(docker);
    expect(rows(parseWithDockerfileAst(text))).not.toEqual(docker);
  });

  test('a tag before a digest counts when the registry has a port (ast finds no tag)', () => {
    const text = 'FROM reg:5000/org/app:1.2@sha256:abc';
    expect(parseDockerfile(text).stages[0]).toMatchObject({ tag: '1.2', digest: 'sha256:abc' });
    expect(parseWithDockerfileAst(text).stages[0]?.tag).toBeUndefined();
  });

  test.each([
    ['a second escape directive', '# escape=`\n# escape=\\\nFROM a'],
    ['an escape directive other than ` or \\', '# escape=x\nFROM a'],
    ['an unterminated heredoc', 'FROM a\nRUN <<EOF\necho hi\nUSER x'],
  ])('Docker refuses %s; so do we (ast parses on)', (_case, text) => {
    expect(parseDockerfile(text).error).toEqual(expect.any(String));
    expect(parseWithDockerfileAst(text).error).toBeUndefined();
  });
});

describe('where we choose a representation dockerfile-ast does not have', () => {
  test.each([
    ['CRLF: heredoc lines without their carriage returns (ast keeps them)', 'RUN <<EOF\r\nhi\r\nEOF\r\n', '<<EOF\nhi\nEOF', '<<EOF\r\nhi\r\nEOF'],
    ['the heredoc opening line trimmed, as every instruction (ast keeps trailing spaces)', 'RUN <<EOF   \nhi\nEOF', '<<EOF\nhi\nEOF', '<<EOF   \nhi\nEOF'],
  ])('%s', (_case, text, ours, ast) => {
    expect(parseDockerfile(text).instructions[0]?.args).toBe(ours);
    expect(parseWithDockerfileAst(text).instructions[0]?.args).toBe(ast);
  });

  test('the image as written: escapes are not processed, as variables are not expanded (ast unescapes the image only)', () => {
    const text = 'FROM node\\:20';
    expect(parseDockerfile(text).stages[0]).toMatchObject({ image: 'node\\:20', tag: '20' });
    expect(parseWithDockerfileAst(text).stages[0]).toMatchObject({ image: 'node:20', tag: '20' });
  });
});
