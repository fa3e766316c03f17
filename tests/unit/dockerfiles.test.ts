import { detect, lines } from '../helpers/detect.js';
import { isDockerfileName } from '../../src/detectors/dockerfiles.js';

describe('isDockerfileName', () => {
  test.each(['Dockerfile', 'api/Dockerfile', 'Containerfile', 'Dockerfile.dev', 'web.Dockerfile', 'x/api.dockerfile', 'Containerfile.prod'])(
    '%s is a Dockerfile name',
    (path) => expect(isDockerfileName(path)).toBe(true),
  );
  test.each(['Dockerfile.dockerignore', '.dockerignore', 'Dockerfile.md', 'Dockerfile.tmpl', 'dockerfile-guide.txt', 'Dockerfiles'])(
    '%s is not',
    (path) => expect(isDockerfileName(path)).toBe(false),
  );
});

describe('dockerfiles detector', () => {
  test('finds Dockerfiles by name at the root and nested, names with dots, not names differing in case', () => {
    const dockerfile = 'FROM alpine:3.20\nUSER app\n';
    const paths = ['Dockerfile', 'a/b/c/Dockerfile', 'api.Dockerfile', 'web/Dockerfile.prod.arm64', 'x/Containerfile', 'dockerfile', 'DOCKERFILE', 'y/Dockerfile.md', 'z/Dockerfiles'];
    const { facts } = detect(Object.fromEntries(paths.map((path) => [path, dockerfile])));
    expect(facts.dockerfiles.map((d) => d.path)).toEqual(['Dockerfile', 'a/b/c/Dockerfile', 'api.Dockerfile', 'web/Dockerfile.prod.arm64', 'x/Containerfile']);
  });

  test('parses stages, ports and the final user', () => {
    const { facts, findings } = detect({
      'api/Dockerfile': lines('# syntax=docker/dockerfile:1', 'ARG NODE=20', 'FROM node:20-alpine AS build', 'RUN npm ci', 'FROM gcr.io/distroless/nodejs20-debian12:nonroot', 'COPY --from=build /app /app', 'EXPOSE 3000', 'USER 1000'),
    });
    const [dockerfile] = facts.dockerfiles;
    expect(dockerfile).toMatchObject({ path: 'api/Dockerfile', valid: true, exposedPorts: ['3000'], finalUser: '1000', contexts: ['api'] });
    expect(dockerfile?.stages.map((s) => [s.name, s.imageName, s.tag, s.line])).toEqual([
      ['build', 'node', '20-alpine', 3],
      [undefined, 'gcr.io/distroless/nodejs20-debian12', 'nonroot', 5],
    ]);
    expect(findings).toEqual([]);
  });

  test('a file that does not start with FROM is reported with its line and not counted', () => {
    const { facts, findings } = detect({ Dockerfile: lines('# build', 'RUN echo hi', 'FROM alpine:3.20') });
    expect(facts.dockerfiles[0]?.valid).toBe(false);
    expect(findings).toEqual([expect.objectContaining({ code: 'dockerfile-no-from', severity: 'error', path: 'Dockerfile', line: 2, args: { instruction: 'RUN' } })]);
  });

  test('an empty Dockerfile is reported', () => {
    const { findings } = detect({ Dockerfile: '' });
    expect(findings.map((f) => [f.code, f.line])).toEqual([['dockerfile-no-from', 1]]);
  });

  test('unpinned base images and root users are warned about; stage names and scratch are not', () => {
    const { findings } = detect({
      Dockerfile: lines('FROM golang AS build', 'RUN go build -o /app', 'FROM build AS test', 'FROM python:latest', 'USER root', 'ADD src /src'),
    });
    expect(findings.map((f) => [f.code, f.line])).toEqual([
      ['dockerfile-latest-tag', 1],
      ['dockerfile-latest-tag', 4],
      ['dockerfile-runs-as-root', 4],
      ['dockerfile-add-instead-of-copy', 6],
    ]);
    const clean = detect({ Dockerfile: lines('FROM golang:1.23 AS build', 'FROM scratch', 'COPY --from=build /app /app', 'ADD https://example.com/x.tgz /x') });
    expect(clean.findings).toEqual([]);
  });

  test('a Dockerfile Docker would refuse to parse is reported and not counted', () => {
    const { facts, findings } = detect({ Dockerfile: lines('FROM alpine:3.20', 'RUN <<EOF', 'echo never ends') });
    expect(facts.dockerfiles.map((d) => [d.path, d.valid])).toEqual([['Dockerfile', false]]);
    expect(findings.map((f) => [f.code, f.path, f.line])).toEqual([['dockerfile-parse', 'Dockerfile', 1]]);
  });

  test('binary content and oversized files are findings, not crashes', () => {
    const { facts, findings } = detect({ Dockerfile: 'FROM alpine\u0000\u0001' });
    expect(facts.dockerfiles).toEqual([]);
    expect(findings.map((f) => [f.code, f.path])).toEqual([['file-binary', 'Dockerfile']]);
  });
});
