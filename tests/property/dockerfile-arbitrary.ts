import fc from 'fast-check';

/**
 * Realistic Dockerfiles for the differential test of src/parsers/dockerfile.ts: instructions in
 * any case, flags, JSON arrays, continuation lines with comments and empty lines between them,
 * heredocs (several on a line, `<<-` with tabs, quoted names), parser directives (`# escape=`),
 * CRLF, a byte-order mark and garbage lines. It leaves out the cases where dockerfile-ast and
 * Docker disagree (indented comments or blank lines inside a continuation, a one-character word at
 * column 0 before an escape, CRLF around heredocs…); tests/property/dockerfile-parser.test.ts
 * asserts those one by one.
 */

const IMAGES = ['node:20-alpine', 'python:3.12-slim', 'golang', 'ghcr.io/org/app:1.2', 'alpine@sha256:abc123', 'node:20@sha256:abc123', '${BASE}', '${REGISTRY}/app:${TAG}', 'scratch', 'localhost:5000/app', 'build', 'mcr.microsoft.com/dotnet/aspnet:8.0'];
const WORDS = ['npm', 'ci', 'install', '/app', './', 'app.py', '$HOME', '${VERSION}', '"two words"', "'single'", '&&', '||', '8080', 'a=b', 'apt-get', '-y', '--no-cache', 'echo', 'hello#world', '[x]', 'C:\\app', 'src/', 'dist/', '*.json', 'x\\ y'];
const FLAGS: Record<string, string[]> = {
  FROM: ['--platform=linux/amd64', '--platform=$BUILDPLATFORM'],
  RUN: ['--mount=type=cache,target=/root/.npm', '--mount=type=secret,id=npm', '--network=none', '--security=insecure'],
  COPY: ['--from=build', '--chown=1000:1000', '--chmod=755', '--link', '--parents'],
  ADD: ['--chown=app', '--checksum=sha256:abc', '--keep-git-dir=true', '--link'],
  HEALTHCHECK: ['--interval=30s', '--timeout=3s', '--retries=3'],
};
const JSON_ARRAYS = ['["node", "server.js"]', '["/app"]', '["sh", "-c", "echo hi"]', '[ "a b", "/x/" ]', '[]', '["npm","start"]'];
const LATE_DIRECTIVE = '# escape=\\';
const GARBAGE = ['hello world', '}', 'npm install', '<<<', '--flag', '=', '"'];

const word = fc.constantFrom(...WORDS);
const keywordCase = (keyword: string) => fc.constantFrom(keyword, keyword.toLowerCase(), keyword[0] + keyword.slice(1).toLowerCase());

interface Piece {
  /** Words of the first logical line, the keyword first. */
  words: string[];
  /** Heredocs opened on that line: their body lines and terminator lines. */
  heredocs: string[][];
}

const heredoc = fc
  .tuple(fc.constantFrom('EOF', 'SCRIPT', 'END'), fc.constantFrom('', '-'), fc.constantFrom('', "'", '"'), fc.array(fc.constantFrom('echo hi', 'set -e', '  npm ci', '\tindented', '# shell comment', '', 'EOFX', 'cat <<INNER'), { maxLength: 4 }))
  .map(([name, chomp, quote, body]) => ({
    opener: `<<${chomp}${quote}${name}${quote}`,
    lines: [...body.map((line) => (chomp ? `\t${line}` : line)), chomp ? `\t\t${name}` : name],
  }));

const instruction: fc.Arbitrary<Piece> = fc.oneof(
  fc.tuple(keywordCase('FROM'), fc.subarray(FLAGS.FROM!, { maxLength: 1 }), fc.constantFrom(...IMAGES), fc.option(fc.tuple(fc.constantFrom('AS', 'as', 'As'), fc.constantFrom('build', 'runtime', 'Test')))).map(
    ([keyword, flags, image, as]) => ({ words: [keyword, ...flags, image, ...(as ?? [])], heredocs: [] }),
  ),
  fc.tuple(fc.constantFrom('RUN', 'COPY', 'ADD', 'HEALTHCHECK'), fc.boolean()).chain(([keyword, json]) =>
    fc.tuple(keywordCase(keyword), fc.subarray(FLAGS[keyword]!), json && keyword !== 'HEALTHCHECK' ? fc.constantFrom(...JSON_ARRAYS).map((a) => [a]) : fc.array(word, { minLength: 1, maxLength: 6 })).map(
      ([k, flags, args]) => ({ words: [k, ...flags, ...(keyword === 'HEALTHCHECK' ? ['CMD'] : []), ...args], heredocs: [] }),
    ),
  ),
  fc.tuple(fc.constantFrom('RUN', 'COPY', 'ADD', 'ONBUILD RUN'), fc.array(heredoc, { minLength: 1, maxLength: 3 }), fc.array(word, { maxLength: 2 }), fc.boolean()).chain(([keyword, docs, before, flag]) =>
    keywordCase(keyword).map((k) => ({
      words: [k, ...(flag ? ['--mount=type=cache,target=/x'] : []), ...before, ...docs.map((d) => d.opener), ...(keyword.endsWith('RUN') ? [] : ['/dest'])],
      heredocs: docs.map((d) => d.lines),
    })),
  ),
  fc.tuple(fc.constantFrom('CMD', 'ENTRYPOINT', 'SHELL', 'VOLUME'), fc.constantFrom(...JSON_ARRAYS)).chain(([keyword, array]) => keywordCase(keyword).map((k) => ({ words: [k, array], heredocs: [] }))),
  fc.tuple(fc.constantFrom('ENV', 'ARG', 'LABEL', 'USER', 'WORKDIR', 'EXPOSE', 'STOPSIGNAL', 'MAINTAINER', 'ONBUILD'), fc.array(fc.oneof(word, fc.constantFrom('3000', '443/tcp', 'NODE_ENV=production', 'root', '--from=x', 'COPY')), { maxLength: 4 })).chain(
    ([keyword, args]) => keywordCase(keyword).map((k) => ({ words: [k, ...args], heredocs: [] })),
  ),
  fc.constantFrom(...GARBAGE).map((line) => ({ words: [line], heredocs: [] })),
);

/** How two words are joined: a space, or an escaped line break with comment or empty lines after it. */
const joint = (escape: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(' ') },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(' ', ''), fc.constantFrom('', '  '), fc.array(fc.constantFrom('# comment in between', '#', ''), { maxLength: 2 }), fc.constantFrom('    ', '\t', ' ', ''))
        // Words glued by a continuation (`a\` then `b` at column 0) are left to the unit test.
        .map(([before, after, between, indent]) => `${before}${escape}${after}\n${between.map((l) => `${l}\n`).join('')}${before || indent ? indent : ' '}`),
    },
  );

const line = (escape: string): fc.Arbitrary<string[]> =>
  fc.oneof(
    { weight: 6, arbitrary: instruction.chain((piece) => fc.tuple(fc.constantFrom('', '  '), fc.array(joint(escape), { minLength: piece.words.length, maxLength: piece.words.length })).map(([indent, joints]) => render(piece, indent, joints))) },
    { weight: 1, arbitrary: fc.constantFrom('# a comment', '   # indented comment', '', '  ', LATE_DIRECTIVE, '#', `# ends with the escape ${escape}`).map((comment) => [comment]) },
  );

function render(piece: Piece, indent: string, joints: string[]): string[] {
  // dockerfile-ast mistakes a comment line after `KEYWORD\\` for part of the keyword (see the test's list).
  const afterKeyword = (joint: string) => joint.replace(/\n#[^\n]*/g, '');
  const text = piece.words.map((w, i) => (i === 0 ? w : `${i === 1 ? afterKeyword(joints[i]!) : joints[i]}${w}`)).join('');
  return [...`${indent}${text}`.split('\n'), ...piece.heredocs.flat()];
}

/** A whole Dockerfile; CRLF line ends only without heredocs (see the CRLF case in the unit test). */
export const dockerfile: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('\\', '`'), fc.boolean(), fc.boolean(), fc.constantFrom('', '\uFEFF'), fc.boolean())
  .chain(([escape, syntax, blankAfter, bom, finalNewline]) =>
    fc.array(line(escape), { maxLength: 12 }).chain((lines) => {
      const top = [...(syntax ? ['# syntax=docker/dockerfile:1'] : []), ...(escape === '`' ? ['# escape=`'] : []), ...(blankAfter ? [''] : [])];
      // A directive after an instruction or comment is a comment; first in the file it would be a second `escape`.
      const body = [...top, ...lines.flat()];
      if (body[top.length] === LATE_DIRECTIVE) body[top.length] = '# a comment';
      const hasHeredoc = body.some((l) => l.includes('<<'));
      return fc.constantFrom(...(hasHeredoc ? ['\n'] : ['\n', '\r\n'])).map((eol) => bom + body.join(eol) + (finalNewline ? eol : ''));
    }),
  );
