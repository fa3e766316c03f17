import { detect, lines } from '../helpers/detect.js';
import { emptyFacts } from '../../src/detectors/run.js';
import { markPipeline } from '../../src/detectors/services/pipeline.js';
import type { CiActivity, ServiceFact } from '../../src/detectors/facts.js';

type Files = Record<string, string>;
const json = (value: unknown) => JSON.stringify(value);

function services(files: Files) {
  return detect(files).facts.services.map((s) => ({ path: s.path, language: s.language, kind: s.kind, confidence: s.confidence, dockerfiles: s.dockerfiles, builders: s.builders, compose: s.composeServices }));
}

describe('directories that are services without a build manifest', () => {
  test.each<[string, Files, string, string]>([
    ['plain Ruby script with a Dockerfile', { 'scraper/Dockerfile': lines('FROM ruby:3.3', 'COPY . .'), 'scraper/scrape.rb': '' }, 'scraper', 'ruby'],
    ['plain Python script with a Dockerfile', { 'seed-data/Dockerfile': lines('FROM python:3.12-slim', 'COPY . .'), 'seed-data/make-data.py': '', 'seed-data/generate-votes.sh': '' }, 'seed-data', 'python'],
    ['plain Node script used as a Compose build context', { 'compose.yaml': lines('services:', '  bot:', '    build: ./bot'), 'bot/index.js': '', 'bot/util.js': '' }, 'bot', 'javascript'],
  ])('%s', (_name, files, path, language) => {
    expect(services(files)).toEqual([expect.objectContaining({ path, language, kind: 'app' })]);
  });

  test('a Dockerfile under examples/ is listed with low confidence', () => {
    expect(services({ 'go.mod': 'module x\n', 'lib.go': 'package lib\n', 'examples/server/Dockerfile': 'FROM golang:1.23\n', 'examples/server/main.go': 'package main\n' })).toEqual([
      expect.objectContaining({ path: '.', kind: 'library', confidence: 'strong', dockerfiles: [] }),
      expect.objectContaining({ path: 'examples/server', kind: 'app', confidence: 'weak', dockerfiles: ['examples/server/Dockerfile'] }),
    ]);
  });
});

describe('a Dockerfile at the top of a monorepo belongs to the service its commands name', () => {
  const server = { 'crates/server/Cargo.toml': '[package]\nname = "search-server"\n', 'crates/server/src/main.rs': '', 'crates/core/Cargo.toml': '[package]\nname = "core"\n', 'crates/core/src/lib.rs': '', 'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n' };
  const web = { 'package.json': json({ workspaces: ['apps/*'] }), 'apps/web/package.json': json({ dependencies: { next: '15' } }), 'apps/docs/package.json': json({ dependencies: { next: '15' } }) };
  test.each<[string, Files, string, string[]]>([
    ['cargo build -p <crate name>', { ...server, Dockerfile: lines('FROM rust:1.81 AS build', 'COPY . .', 'RUN cargo build --release -p search-server') }, 'Dockerfile', ['crates/server']],
    ['turbo prune <app> in docker/', { ...web, 'docker/web.Dockerfile': lines('FROM node:22 AS build', 'COPY . .', 'RUN npx turbo prune web --docker') }, 'docker/web.Dockerfile', ['apps/web']],
    ['go build of a path inside a go.work member', { 'go.work': 'use ./services/api\n', 'services/api/go.mod': 'module api\n', 'services/api/cmd/server/main.go': 'package main\n', Dockerfile: lines('FROM golang:1.23', 'COPY . .', 'RUN go build -o /app ./services/api/cmd/server') }, 'Dockerfile', ['services/api']],
    ['one final stage per app', { ...web, Dockerfile: lines('FROM node:22 AS base', 'FROM base AS web', 'CMD ["node", "server.js"]', 'FROM base AS docs', 'CMD ["node", "server.js"]') }, 'Dockerfile', ['apps/docs', 'apps/web']],
  ])('%s', (_name, files, dockerfile, owners) => {
    const found = services(files).filter((s) => s.dockerfiles.includes(dockerfile)).map((s) => s.path);
    expect(found).toEqual(owners);
  });

  test('two apps named in one stage: neither is assumed', () => {
    const files = { ...web, Dockerfile: lines('FROM node:22', 'COPY . .', 'RUN npm run build -w apps/web && npm run build -w apps/docs') };
    expect(services(files).filter((s) => s.dockerfiles.length > 0).map((s) => s.path)).toEqual(['.']);
  });
});

describe('image builders attach to their services', () => {
  test('Jib on a Maven parent containerizes the app modules, not the library', () => {
    const found = services({
      'pom.xml': '<project><packaging>pom</packaging><modules><module>api</module><module>common</module></modules><build><plugins><plugin><groupId>com.google.cloud.tools</groupId><artifactId>jib-maven-plugin</artifactId></plugin></plugins></build></project>',
      'api/pom.xml': '<project><artifactId>api</artifactId></project>', 'api/src/main/java/Api.java': 'public static void main(String[] a) {}',
      'common/pom.xml': '<project><artifactId>common</artifactId></project>', 'common/src/main/java/Util.java': 'class Util {}',
    });
    expect(found.map((s) => [s.path, s.kind, s.builders])).toEqual([['api', 'app', ['jib']], ['common', 'library', []]]);
  });

  test('ko building ./cmd/server attaches to the Go module around it', () => {
    const found = services({ 'go.mod': 'module example.com/app\n', 'cmd/server/main.go': 'package main\n', '.ko.yaml': lines('builds:', '  - id: server', '    main: ./cmd/server') });
    expect(found).toEqual([expect.objectContaining({ path: '.', kind: 'app', builders: ['ko'], dockerfiles: [] })]);
  });

  test('a buildpacks project.toml in a directory without a manifest makes it a service', () => {
    expect(services({ 'site/project.toml': '[_]\nschema-version = "0.2"\n', 'site/index.php': '' })).toEqual([expect.objectContaining({ path: 'site', language: 'php', builders: ['buildpacks'] })]);
  });

  test('a Bake target names the Dockerfile and context of a service', () => {
    const found = services({
      'docker-bake.hcl': lines('target "api" {', '  context = "services/api"', '  dockerfile = "build/api.docker"', '}'),
      'services/api/package.json': json({ scripts: { start: 'node .' } }),
      'services/api/build/api.docker': lines('FROM node:22', 'COPY . .'),
    });
    expect(found).toEqual([expect.objectContaining({ path: 'services/api', dockerfiles: ['services/api/build/api.docker'], builders: ['docker-bake'] })]);
  });

  test('a Compose dockerfile_inline counts as that service\'s Dockerfile', () => {
    const found = services({ 'compose.yaml': lines('services:', '  docs:', '    build:', '      context: ./docs-site', '      dockerfile_inline: |', '        FROM nginx:1.27', '        COPY . /usr/share/nginx/html'), 'docs-site/index.html': '' });
    expect(found).toEqual([expect.objectContaining({ path: 'docs-site', kind: 'app', builders: ['compose-dockerfile-inline'], compose: ['docs'] })]);
  });
});

describe('built in CI, deployed by CD', () => {
  const service = (overrides: Partial<ServiceFact>): ServiceFact => ({
    path: 'api', language: 'go', manifest: 'api/go.mod', kind: 'app', confidence: 'strong', dockerfiles: ['api/Dockerfile'], builders: [], composeServices: [], builtInCi: false, deployed: false, ...overrides,
  });
  const ci = (activities: Array<Partial<CiActivity> & Pick<CiActivity, 'kind'>>, file = '.github/workflows/ci.yml') => {
    const facts = emptyFacts().ci;
    facts.jobs = [{ system: 'github-actions', file, job: 'build', activities: activities.map((a) => ({ path: file, line: 1, confidence: 'strong', tool: 'docker build', ...a })) }];
    return facts;
  };

  test.each<[string, Partial<ServiceFact>, Array<Partial<CiActivity> & Pick<CiActivity, 'kind'>>, boolean, boolean]>([
    ['by Dockerfile path', {}, [{ kind: 'image-build', dockerfile: 'api/Dockerfile' }], true, false],
    ['by context (Dockerfile implied)', {}, [{ kind: 'image-build', context: 'api' }], true, false],
    ['and deployed from the same file', {}, [{ kind: 'image-build', context: 'api', image: 'ghcr.io/acme/api' }, { kind: 'deploy', tool: 'kubectl' }], true, true],
    ['another service\'s build', {}, [{ kind: 'image-build', context: 'web' }, { kind: 'deploy', tool: 'kubectl' }], false, false],
    ['by an image builder in its directory', { dockerfiles: [], builders: ['jib'] }, [{ kind: 'image-build', tool: 'mvn jib:build', context: '.' }], true, false],
    ['a weak build does not count', {}, [{ kind: 'image-build', context: 'api', confidence: 'weak' }], false, false],
  ])('%s', (_name, overrides, activities, builtInCi, deployed) => {
    const services = [service(overrides)];
    markPipeline(services, ci(activities));
    expect(services[0]).toMatchObject({ builtInCi, deployed });
  });

  test('a deploy in another file counts when it names the image built', () => {
    const services = [service({})];
    const facts = ci([{ kind: 'image-build', context: 'api', image: 'ghcr.io/acme/api:${{ github.sha }}' }]);
    facts.jobs.push({ system: 'github-actions', file: '.github/workflows/cd.yml', job: 'deploy', activities: [{ kind: 'deploy', path: '.github/workflows/cd.yml', confidence: 'strong', tool: 'kubectl set image', image: 'ghcr.io/acme/api:v1' }] });
    markPipeline(services, facts);
    expect(services[0]).toMatchObject({ builtInCi: true, deployed: true });
  });
});

describe('deployed, across the files of one pipeline', () => {
  test('a GitLab deploy job in a local include deploys the service the main file builds', () => {
    const { facts } = detect({
      'package.json': JSON.stringify({ scripts: { start: 'node .' } }),
      Dockerfile: 'FROM node:20\nUSER node\n',
      '.gitlab-ci.yml': 'include:\n  - local: ci/deploy.yml\nbuild:\n  image: docker:27\n  script:\n    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA .\n    - docker push $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA\n',
      'ci/deploy.yml': 'deploy-staging:\n  environment: staging\n  script:\n    - kubectl set image deployment/app app=registry.example.com/other:1\n',
    });
    expect(facts.services).toEqual([expect.objectContaining({ path: '.', builtInCi: true, deployed: true })]);
  });
});
