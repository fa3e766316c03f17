import fc from 'fast-check';
import { stringify } from 'yaml';

/**
 * Random repositories made of the files the tool parses. Contents come from four sources, mixed:
 * any text at all, token soup from each format (what breaks a parser), valid-looking documents
 * built from random JSON values (what gets past the parser to the detectors), and those documents
 * cut short or spliced with soup.
 */

/** Reproducible by default; FC_SEED=<n> replays another run (fast-check prints the seed on failure). */
export const SEED = Number(process.env.FC_SEED ?? 20_250_601);

const DIRS = ['', 'services/api/', 'apps/web/', 'a/b/c/', 'services/api/deploy/'];

const NAMES = {
  dockerfile: ['Dockerfile', 'Containerfile', 'api.Dockerfile', 'Dockerfile.dev'],
  compose: ['compose.yaml', 'docker-compose.yml', 'compose.override.yaml'],
  ci: ['.github/workflows/ci.yml', '.gitlab-ci.yml', '.circleci/config.yml', 'azure-pipelines.yml', 'bitbucket-pipelines.yml'],
  yaml: ['Chart.yaml', 'values.yaml', 'kustomization.yaml', 'deployment.yaml', 'skaffold.yaml', 'pnpm-workspace.yaml'],
  json: ['package.json', '.devcontainer/devcontainer.json', '.devcontainer.json', 'tsconfig.json', 'nx.json', 'turbo.json', 'lerna.json', 'deno.json'],
  text: ['go.mod', 'go.work', 'pom.xml', 'pyproject.toml', 'requirements.txt', 'Cargo.toml', 'build.gradle', 'settings.gradle.kts', 'Gemfile', 'composer.json', 'mix.exs', 'Jenkinsfile', '.dockerignore', 'Makefile', 'README.md', 'docker-bake.hcl', 'Tiltfile', 'Procfile', 'app.csproj', 'main.tf'],
} as const;
type Kind = keyof typeof NAMES;

const YAML_SOUP = ['services:', '  web:', '    build: .', '    build:', '      context: ..', '      dockerfile: x', '    image: ', '    ports: ["80:80"]', '    volumes:', '      - .:/app', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - run: docker build .', '      - uses: docker/build-push-action@v6', 'script:', '  - docker push $IMAGE', 'include:', 'extends:', '&a', '*a', '<<: *a', '!reference [a, b]', '- ', '? ', ': ', '{', '}', '[', ']', '---', '...', '"', "'", '|', '>-', '\t', '%YAML 1.1', '!!binary', 'on:', 'kind: Deployment', 'apiVersion: v1'];

const SOUP: Record<Kind, readonly string[]> = {
  compose: YAML_SOUP,
  ci: YAML_SOUP,
  dockerfile: ['FROM', 'FROM scratch', 'FROM node:20 AS build', 'FROM --platform=$BUILDPLATFORM', 'RUN', 'COPY', 'COPY --from=build', 'ADD', 'USER', 'USER root', 'EXPOSE', '8080/tcp', 'ENV', 'ARG', 'CMD', 'ENTRYPOINT', '["node"', 'WORKDIR', 'HEALTHCHECK', 'ONBUILD', 'SHELL', '# syntax=docker/dockerfile:1', '\\', '<<EOF', 'EOF', '${A:-b}', '$', '@sha256:'],
  yaml: YAML_SOUP,
  json: ['{', '}', '[', ']', ',', ':', '"name"', '"scripts"', '"build"', '"dockerComposeFile"', '"workspaces"', '"image"', '"x"', '1e999', 'null', 'true', '// c', '/* c', '*/', '"\\u0000"', '"\\ud800"'],
  text: ['module', 'go 1.22', 'require (', ')', '<project>', '</project>', '<modules><module>a</module></modules>', '<packaging>jar</packaging>', '[project]', '[tool.poetry]', 'name = "x"', '[[bin]]', 'dependencies', 'pipeline {', 'stage(', "sh 'docker build .'", 'target "x" {', '<Project Sdk="Microsoft.NET.Sdk">', 'resource "aws_ecs_service" "x" {', '=', '"', '\\', '\n'],
};

const anyText = fc.string({ unit: 'binary', maxLength: 200 });

function soup(kind: Kind): fc.Arbitrary<string> {
  const token = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SOUP[kind]) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
  return fc.array(fc.tuple(token, fc.constantFrom(' ', '\n', '\r\n', '', '  ')), { maxLength: 40 }).map((parts) => parts.map(([t, sep]) => t + sep).join(''));
}

const value = fc.jsonValue({ maxDepth: 4 });
const word = fc.oneof(fc.constantFrom('.', '..', './api', 'Dockerfile', 'node:20', 'postgres:16', 'app', '$IMAGE', '${{ github.sha }}', '8080:80', '/app'), fc.string({ maxLength: 10 }));
const command = fc.array(fc.oneof(fc.constantFrom('docker', 'build', 'push', 'buildx', '-t', '-f', '--push', 'compose', 'up', 'kubectl', 'apply', 'helm', 'upgrade', '&&', '|', '\\\n'), word), { maxLength: 8 }).map((w) => w.join(' '));
const loose = <T>(record: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(record, { requiredKeys: [] });
const names = <T>(item: fc.Arbitrary<T>) => fc.dictionary(fc.oneof(fc.constantFrom('web', 'api', 'db', 'build'), fc.string({ maxLength: 6 })), item, { maxKeys: 3 });
const either = (arbitrary: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary }, { weight: 1, arbitrary: value });

/** Shaped like the real files, with random and wrongly typed values, to get past the parsers. */
const SHAPED: Record<Kind, fc.Arbitrary<string>> = {
  dockerfile: fc.tuple(word, fc.array(fc.tuple(fc.constantFrom(...SOUP.dockerfile), command), { maxLength: 8 })).map(([image, rest]) => [`FROM ${image}`, ...rest.map(([k, c]) => `${k} ${c}`)].join('\n')),
  compose: loose({ services: names(either(loose({ build: either(fc.oneof(word, loose({ context: word, dockerfile: word, target: word }))), image: either(word), ports: either(fc.array(word)), volumes: either(fc.array(word)), depends_on: either(fc.array(word)), develop: value }))) }).map((v) => stringify(v)),
  ci: fc
    .oneof(
      loose({ on: either(word), jobs: names(either(loose({ 'runs-on': either(word), steps: either(fc.array(loose({ run: either(command), uses: either(word), with: value }))) }))) }),
      names(either(loose({ image: either(word), script: either(fc.array(command)), services: either(fc.array(word)), stage: word }))),
    )
    .map((v) => stringify(v)),
  yaml: loose({ apiVersion: word, kind: fc.constantFrom('Deployment', 'Service', 'Kustomization', 'Secret'), metadata: value, spec: value, resources: either(fc.array(word)) }).map((v) => stringify(v)),
  json: loose({ name: either(word), scripts: either(names(either(command))), workspaces: either(fc.array(word)), dockerComposeFile: either(word), build: either(loose({ dockerfile: word, context: word })), image: either(word), features: value })
    .map((v) => JSON.stringify(v, null, 2)),
  text: fc.array(fc.tuple(fc.constantFrom(...SOUP.text), word), { maxLength: 15 }).map((l) => l.map(([a, b]) => `${a} ${b}`).join('\n')),
};

/** A document of the format that parses: random values, or the format's own shape. */
function document(kind: Kind): fc.Arbitrary<string> {
  const anyValue = kind === 'yaml' || kind === 'compose' || kind === 'ci' ? value.map((v) => stringify(v)) : kind === 'json' ? value.map((v) => JSON.stringify(v)) : SHAPED.text;
  return fc.oneof({ weight: 1, arbitrary: anyValue }, { weight: 2, arbitrary: SHAPED[kind] });
}

function content(kind: Kind): fc.Arbitrary<string> {
  const whole = document(kind);
  const cut = fc.tuple(whole, fc.nat()).map(([text, at]) => text.slice(0, text.length ? at % text.length : 0));
  const spliced = fc.tuple(whole, soup(kind), fc.nat()).map(([text, noise, at]) => {
    const index = text.length ? at % text.length : 0;
    return text.slice(0, index) + noise + text.slice(index);
  });
  return fc.oneof(anyText, soup(kind), whole, cut, spliced, fc.constant(''));
}

const file: fc.Arbitrary<[string, string]> = fc.constantFrom(...(Object.keys(NAMES) as Kind[])).chain((kind) =>
  fc.tuple(fc.constantFrom(...DIRS), fc.constantFrom(...NAMES[kind]), content(kind)).map(([dir, name, text]): [string, string] => [`${dir}${name}`, text]),
);

/** `{ path: content }`, one to ten files. */
export const repository: fc.Arbitrary<Record<string, string>> = fc.array(file, { minLength: 1, maxLength: 10 }).map((files) => Object.fromEntries(files));
