import fc from 'fast-check';
import { parseDockerfile } from '../../src/parsers/dockerfile.js';

// One table per rule of https://docs.docker.com/reference/dockerfile/ the parser follows.
// Instructions are shown as [line, keyword, args, ...flags].

const rows = (text: string) => parseDockerfile(text).instructions.map((i) => [i.line, i.keyword, i.args, ...i.flags]);
type Row = Array<string | number>;

describe('instructions and lines', () => {
  test.each<[string, string, Row[]]>([
    ['keywords in any case are upper-cased', 'from alpine\nRun echo hi\ncOpY . /app', [[1, 'FROM', 'alpine'], [2, 'RUN', 'echo hi'], [3, 'COPY', '. /app']]],
    ['leading whitespace and tabs are not part of anything', '  \tFROM\talpine  \n\tUSER\tnode\t', [[1, 'FROM', 'alpine'], [2, 'USER', 'node']]],
    ['the line is the line of the keyword, 1-based', '\n\n# c\nFROM a\n\n\nRUN b', [[4, 'FROM', 'a'], [7, 'RUN', 'b']]],
    ['CRLF line ends', 'FROM a\r\nRUN b \\\r\n  c\r\nUSER d\r\n', [[1, 'FROM', 'a'], [2, 'RUN', 'b   c'], [4, 'USER', 'd']]],
    ['a byte-order mark is skipped', '\uFEFFFROM a', [[1, 'FROM', 'a']]],
    ['an instruction without arguments', 'FROM\nUSER', [[1, 'FROM', ''], [2, 'USER', '']]],
    ['garbage lines are instructions with unknown keywords', 'hello world\n}\nFROM a', [[1, 'HELLO', 'world'], [2, '}', ''], [3, 'FROM', 'a']]],
  ])('%s', (_rule, text, expected) => expect(rows(text)).toEqual(expected));

  test.each(['', '\n\n', '# only a comment\n\n   # another', '# syntax=docker/dockerfile:1\n# escape=`\n', '\uFEFF'])('a file with no instructions: %j', (text) => {
    expect(parseDockerfile(text)).toEqual({ instructions: [], stages: [], exposedPorts: [] });
  });
});

describe('comments and continuation lines', () => {
  test.each<[string, string, Row[]]>([
    ['# starts a comment only at the start of a line', 'RUN echo hi # not a comment\n   # a comment\nUSER a#b', [[1, 'RUN', 'echo hi # not a comment'], [3, 'USER', 'a#b']]],
    ['the escape character continues the line; whitespace around it is kept', 'RUN apt-get update && \\\n    apt-get install -y curl', [[1, 'RUN', 'apt-get update &&     apt-get install -y curl']]],
    ['spaces after the escape character still continue', 'RUN a \\   \n  b', [[1, 'RUN', 'a   b']]],
    ['comment lines inside a continuation are dropped', 'RUN a \\\n# comment \\\n  b', [[1, 'RUN', 'a   b']]],
    ['empty lines inside a continuation are dropped', 'RUN a \\\n\n\n  b\nUSER c', [[1, 'RUN', 'a   b'], [5, 'USER', 'c']]],
    ['the keyword itself may be continued', 'R\\\nUN x', [[1, 'RUN', 'x']]],
    ['a continuation on the last line ends the instruction', 'RUN a \\', [[1, 'RUN', 'a']]],
    ['a comment line does not continue', 'FROM a\n# comment \\\nRUN b', [[1, 'FROM', 'a'], [3, 'RUN', 'b']]],
    ['an escaped escape character at the end does not continue', 'RUN echo \\\\\nUSER x', [[1, 'RUN', 'echo \\\\'], [2, 'USER', 'x']]],
    ['a line holding only the escape character: the keyword is on the next line', 'FROM a\n\\\nRUN x', [[1, 'FROM', 'a'], [3, 'RUN', 'x']]],
  ])('%s', (_rule, text, expected) => expect(rows(text)).toEqual(expected));
});

describe('parser directives', () => {
  test.each<[string, string, Row[]]>([
    ['escape=` makes the backtick continue lines; the backslash is literal', '# escape=`\nRUN dir c:\\ `\n  /w\nRUN c \\\nUSER d', [[2, 'RUN', 'dir c:\\   /w'], [4, 'RUN', 'c \\'], [5, 'USER', 'd']]],
    ['names are case-insensitive, whitespace is allowed', '#\t ESCAPE = `\nRUN a `\n b', [[2, 'RUN', 'a  b']]],
    ['after syntax and with a byte-order mark', '\uFEFF# syntax=docker/dockerfile:1\n# escape=`\n\nRUN a `\n b', [[4, 'RUN', 'a  b']]],
    ['after an empty line it is a comment', '\n# escape=`\nRUN a `\n b', [[3, 'RUN', 'a `'], [4, 'B', '']]],
    ['after a comment it is a comment', '# about this file\n# escape=`\nRUN a `\n b', [[3, 'RUN', 'a `'], [4, 'B', '']]],
    ['after an instruction it is a comment', 'FROM a\n# escape=`\nRUN a `\n b', [[1, 'FROM', 'a'], [3, 'RUN', 'a `'], [4, 'B', '']]],
  ])('%s', (_rule, text, expected) => expect(rows(text)).toEqual(expected));
});

describe('heredocs', () => {
  test.each<[string, string, Row[]]>([
    ['RUN <<EOF: the body follows the arguments', 'RUN <<EOF\necho hi\n# not a comment\nFROM not an instruction\nEOF\nUSER x', [[1, 'RUN', '<<EOF\necho hi\n# not a comment\nFROM not an instruction\nEOF'], [6, 'USER', 'x']]],
    ['COPY <<EOF /path', 'COPY <<EOF /etc/app.conf\nkey=value\nEOF\nUSER x', [[1, 'COPY', '<<EOF /etc/app.conf\nkey=value\nEOF'], [4, 'USER', 'x']]],
    ['several heredocs on one line are read in order', 'RUN <<A cat - <<B\na\nA\nb\nB\nUSER x', [[1, 'RUN', '<<A cat - <<B\na\nA\nb\nB'], [6, 'USER', 'x']]],
    ['<<-EOF: tabs before the terminator are ignored', 'RUN <<-EOF\n\techo hi\n\t\tEOF\nUSER x', [[1, 'RUN', '<<-EOF\n\techo hi\n\t\tEOF'], [4, 'USER', 'x']]],
    ['quoted names', 'RUN <<"EOF" <<\'END\'\na\nEOF\nb\nEND\nUSER x', [[1, 'RUN', '<<"EOF" <<\'END\'\na\nEOF\nb\nEND'], [6, 'USER', 'x']]],
    ['the terminator must be the whole line', 'RUN <<EOF\n EOF\nEOF \nEOF\nUSER x', [[1, 'RUN', '<<EOF\n EOF\nEOF \nEOF'], [5, 'USER', 'x']]],
    ['with flags and words before it', 'RUN --mount=type=secret,id=npm cat <<EOF > /x\nhi\nEOF', [[1, 'RUN', 'cat <<EOF > /x\nhi\nEOF', '--mount=type=secret,id=npm']]],
    ['a file descriptor before <<', 'RUN 3<<EOF cat /dev/fd/3\nhi\nEOF\nUSER x', [[1, 'RUN', '3<<EOF cat /dev/fd/3\nhi\nEOF'], [4, 'USER', 'x']]],
    ['as the trigger of ONBUILD', 'ONBUILD RUN <<EOF\nhi\nEOF\nUSER x', [[1, 'ONBUILD', 'RUN <<EOF\nhi\nEOF'], [4, 'USER', 'x']]],
    ['continued opening line', 'RUN --mount=type=cache,target=/x \\\n    <<EOF\nhi\nEOF', [[1, 'RUN', '<<EOF\nhi\nEOF', '--mount=type=cache,target=/x']]],
    ['not in other instructions', 'CMD <<EOF\nUSER x', [[1, 'CMD', '<<EOF'], [2, 'USER', 'x']]],
    ['not inside quotes', "RUN echo '<<EOF' \"<<END\"\nUSER x", [[1, 'RUN', "echo '<<EOF' \"<<END\""], [2, 'USER', 'x']]],
    ['not <<<', 'RUN cat <<<EOF\nUSER x', [[1, 'RUN', 'cat <<<EOF'], [2, 'USER', 'x']]],
  ])('%s', (_rule, text, expected) => expect(rows(text)).toEqual(expected));
});

describe('exec form, flags', () => {
  test.each<[string, string, Row[]]>([
    ['exec (JSON) and shell form keep their arguments as written', 'CMD ["node", "server.js"]\nENTRYPOINT  [ "/app" ]  \nCMD node server.js', [[1, 'CMD', '["node", "server.js"]'], [2, 'ENTRYPOINT', '[ "/app" ]'], [3, 'CMD', 'node server.js']]],
    ['flags of RUN, COPY, ADD, FROM and HEALTHCHECK', 'FROM --platform=$BUILDPLATFORM node\nCOPY --from=build --chown=1:1 /a /b\nADD --link src /src\nRUN --mount=type=cache,target=/x npm ci\nHEALTHCHECK --interval=5s CMD curl -f x', [
      [1, 'FROM', 'node', '--platform=$BUILDPLATFORM'], [2, 'COPY', '/a /b', '--from=build', '--chown=1:1'], [3, 'ADD', 'src /src', '--link'], [4, 'RUN', 'npm ci', '--mount=type=cache,target=/x'], [5, 'HEALTHCHECK', 'CMD curl -f x', '--interval=5s'],
    ]],
    ['other instructions keep --words in their arguments', 'ENV --x=1 A=b\nUSER --u\nONBUILD COPY --from=x a b', [[1, 'ENV', '--x=1 A=b'], [2, 'USER', '--u'], [3, 'ONBUILD', 'COPY --from=x a b']]],
    ['flags end at the first other word', 'RUN echo --not-a-flag\nCOPY --from=a x --y z', [[1, 'RUN', 'echo --not-a-flag'], [2, 'COPY', 'x --y z', '--from=a']]],
    ['flags on continuation lines', 'RUN \\\n  --mount=type=secret,id=npm \\\n  npm ci', [[1, 'RUN', 'npm ci', '--mount=type=secret,id=npm']]],
    ['a flag alone is a flag without arguments', 'COPY --link', [[1, 'COPY', '', '--link']]],
  ])('%s', (_rule, text, expected) => expect(rows(text)).toEqual(expected));
});

describe('stages', () => {
  const stages = (text: string) => parseDockerfile(text).stages.map((s) => [s.index, s.line, s.image, s.imageName, s.tag, s.digest, s.name]);
  test.each<[string, string, unknown[][]]>([
    ['AS in any case names the stage', 'FROM node:20 AS build\nFROM alpine as Run\nFROM scratch As x', [[0, 1, 'node:20', 'node', '20', undefined, 'build'], [1, 2, 'alpine', 'alpine', undefined, undefined, 'Run'], [2, 3, 'scratch', 'scratch', undefined, undefined, 'x']]],
    ['--platform is a flag, not the image', 'FROM --platform=linux/amd64 golang:1.22 AS build', [[0, 1, 'golang:1.22', 'golang', '1.22', undefined, 'build']]],
    ['registry, port, tag and digest', 'FROM ghcr.io/org/app:1.2@sha256:abc\nFROM localhost:5000/app\nFROM reg:5000/org/app:1.2@sha256:abc', [
      [0, 1, 'ghcr.io/org/app:1.2@sha256:abc', 'ghcr.io/org/app', '1.2', 'sha256:abc', undefined], [1, 2, 'localhost:5000/app', 'localhost:5000/app', undefined, undefined, undefined], [2, 3, 'reg:5000/org/app:1.2@sha256:abc', 'reg:5000/org/app', '1.2', 'sha256:abc', undefined],
    ]],
    ['variables: colons inside ${…} are not tags', 'FROM ${BASE:-node:20}\nFROM ${REGISTRY}/app:${TAG}', [[0, 1, '${BASE:-node:20}', '${BASE', undefined, undefined, undefined], [1, 2, '${REGISTRY}/app:${TAG}', '${REGISTRY}/app', '${TAG}', undefined, undefined]]],
    ['FROM without an image', 'FROM', [[0, 1, '', '', undefined, undefined, undefined]]],
    ['continued FROM', 'FROM node \\\n  AS build', [[0, 1, 'node', 'node', undefined, undefined, 'build']]],
  ])('%s', (_rule, text, expected) => expect(stages(text)).toEqual(expected));

  test('instructions carry their stage; EXPOSE before FROM is not a port; ARG does not count as first', () => {
    const parsed = parseDockerfile('ARG V=1\nEXPOSE 1\nFROM a AS x\nEXPOSE 80 443/tcp\nFROM b\nEXPOSE 8080');
    expect(parsed.instructions.map((i) => i.stage)).toEqual([-1, -1, 0, 0, 1, 1]);
    expect(parsed.firstInstruction).toEqual({ keyword: 'EXPOSE', line: 2 });
    expect(parsed.exposedPorts).toEqual([{ port: '80', line: 4 }, { port: '443/tcp', line: 4 }, { port: '8080', line: 6 }]);
  });
});

describe('what Docker refuses is an error, never an exception', () => {
  test.each([
    ['# escape=x\nFROM a', "invalid escape token 'x' does not match ` or \\"],
    ['# escape=`\n# escape=\\\nFROM a', 'only one escape parser directive can be used'],
    ['# syntax=a\n# SYNTAX=b\nFROM a', 'only one syntax parser directive can be used'],
    ['FROM a\nRUN <<EOF\necho hi\nUSER x', 'unterminated heredoc EOF'],
  ])('%j', (text, error) => expect(parseDockerfile(text).error).toBe(error));

  test('no text makes it throw', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      expect(() => parseDockerfile(text)).not.toThrow();
    }), { seed: 20_250_601, numRuns: 300 });
  });
});
