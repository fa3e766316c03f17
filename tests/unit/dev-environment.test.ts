import { detect, lines } from '../helpers/detect.js';
import type { Evidence } from '../../src/detectors/facts.js';

const evidenceOf = (files: Record<string, string>) => detect(files).facts.devEnvironment;
const located = (evidence: Evidence[]) => evidence.map((e) => [e.code, e.path, e.line, e.args, e.confidence]);
const NODE_APP = JSON.stringify({ name: 'api', scripts: { start: 'node index.js' } });

describe('devcontainer', () => {
  test.each([
    ['.devcontainer/devcontainer.json', lines('{', '  // Node for the API', '  "name": "api",', '  "image": "mcr.microsoft.com/devcontainers/typescript-node:20",', '  "forwardPorts": [3000,],', '}'), 4, { uses: 'image', image: 'mcr.microsoft.com/devcontainers/typescript-node:20' }],
    ['.devcontainer/devcontainer.json', lines('{', '  /* built here */', '  // "image": "node:20",', '  "build": { "dockerfile": "Dockerfile", "context": ".." },', '}'), 4, { uses: 'dockerfile', dockerfile: '.devcontainer/Dockerfile' }],
    ['.devcontainer.json', lines('{', '  "dockerFile": "docker/dev.Dockerfile"', '}'), 2, { uses: 'dockerfile', dockerfile: 'docker/dev.Dockerfile' }],
    ['.devcontainer/python/devcontainer.json', lines('{', '  "name": "py",', '  "dockerComposeFile": ["../../compose.yaml", "compose.extend.yaml"],', '  "service": "api",', '}'), 3, { uses: 'compose', composeFile: 'compose.yaml', service: 'api' }],
    ['.devcontainer/devcontainer.json', lines('{ "name": "features only" }'), undefined, { uses: 'unknown' }],
  ])('%s (line %#) is strong evidence', (path, content, line, args) => {
    const { facts, findings } = detect({ [path]: content });
    expect(located(facts.devEnvironment)).toEqual([['devcontainer', path, line, args, 'strong']]);
    expect(findings).toEqual([]);
  });

  test.each(['devcontainer.json', '.devcontainer/a/b/devcontainer.json', '.devcontainer/devcontainer.json.bak'])('%s is not where the spec looks', (path) => {
    expect(evidenceOf({ [path]: '{ "image": "node:20" }' })).toEqual([]);
  });

  test('a JSONC syntax error is a finding with line and column, and no evidence', () => {
    const { facts, findings } = detect({ '.devcontainer/devcontainer.json': lines('{', '  "image": "node:20"', '  "features": {}', '}') });
    expect(facts.devEnvironment).toEqual([]);
    expect(findings).toEqual([{ code: 'json-syntax', severity: 'error', path: '.devcontainer/devcontainer.json', line: 3, column: 3, args: { message: expect.any(String) } }]);
  });

  test('a devcontainer.json that is not an object is a schema mismatch', () => {
    const { facts, findings } = detect({ '.devcontainer.json': '["node:20"]' });
    expect(facts.devEnvironment).toEqual([]);
    expect(findings.map((f) => [f.code, f.line, f.args.kind])).toEqual([['schema-mismatch', 1, 'devcontainer']]);
  });
});

describe('compose develop watch and source bind mounts', () => {
  test('develop.watch is strong evidence at its develop key', () => {
    const evidence = evidenceOf({
      'compose.yaml': lines('services:', '  api:', '    build: ./api', '    develop:', '      watch:', '        - { path: ./api, action: sync, target: /app }'),
      'api/package.json': NODE_APP,
    });
    expect(located(evidence)).toEqual([['compose-develop-watch', 'compose.yaml', 4, { service: 'api' }, 'strong']]);
  });

  test.each([
    ['a service directory into a service built from it', 'compose.yaml', lines('services:', '  api:', '    build: ./api', '    volumes:', '      - ./api:/app', '      - /app/node_modules'), 5, { service: 'api', builds: true, source: './api', target: '/app' }, 'strong'],
    ['the root into a service built from the root', 'compose.yaml', lines('services:', '  app:', '    build: .', '    volumes: [".:/code"]'), 4, { service: 'app', builds: true, source: '.', target: '/code' }, 'strong'],
    ['a long-syntax bind from a file in a subdirectory', 'deploy/compose.yaml', lines('services:', '  api:', '    build: ../api', '    volumes:', '      - type: bind', '        source: ../api/src', '        target: /app/src'), 5, { service: 'api', builds: true, source: '../api/src', target: '/app/src' }, 'strong'],
    ['the source into an image-only service that runs it', 'compose.yaml', lines('services:', '  api:', '    image: node:20', '    command: npm run dev', '    volumes: ["./api:/usr/src/app"]'), 5, { service: 'api', builds: false, source: './api', target: '/usr/src/app' }, 'medium'],
  ])('%s', (_name, path, content, line, args, confidence) => {
    const evidence = evidenceOf({ [path]: content, 'api/package.json': NODE_APP, 'api/src/index.js': 'x', 'package.json': NODE_APP, 'index.js': 'x' });
    expect(located(evidence.filter((e) => e.code === 'compose-bind-mount'))).toEqual([['compose-bind-mount', path, line, args, confidence]]);
  });

  test('an override file mounting the source of a service built in the base file counts', () => {
    const evidence = evidenceOf({
      'compose.yaml': lines('services:', '  api:', '    build: ./api', '    image: acme/api'),
      'compose.override.yaml': lines('services:', '  api:', '    volumes:', '      - ./api/src:/app/src:cached'),
      'api/package.json': NODE_APP,
      'api/src/index.js': 'x',
    });
    expect(located(evidence)).toEqual([['compose-bind-mount', 'compose.override.yaml', 4, { service: 'api', builds: true, source: './api/src', target: '/app/src' }, 'strong']]);
  });

  test.each([
    ['a data directory into an image-only database', lines('services:', '  db:', '    image: postgres:16', '    volumes: ["./data:/var/lib/postgresql/data"]')],
    ['init scripts into a database', lines('services:', '  db:', '    image: postgres:16', '    volumes: ["./sql:/docker-entrypoint-initdb.d"]')],
    ['a data directory into a service built from the root', lines('services:', '  app:', '    build: .', '    volumes: ["./data:/srv/data"]')],
    ['a single configuration file', lines('services:', '  app:', '    build: .', '    volumes: ["./nginx.conf:/srv/nginx.conf:ro"]')],
    ['a directory that is not in the repository', lines('services:', '  app:', '    build: .', '    volumes: ["./generated:/app/generated"]')],
    ['a path outside the repository', lines('services:', '  app:', '    build: .', '    volumes: ["../shared:/shared", "~/.ssh:/root/.ssh:ro"]')],
    ['a named volume', lines('services:', '  app:', '    build: .', '    volumes: ["src:/app"]')],
    ['a service directory into an unrelated image-only service', lines('services:', '  proxy:', '    image: nginx:1.27', '    volumes: ["./docs:/usr/share/nginx/html"]')],
  ])('not dev evidence: %s', (_name, content) => {
    const evidence = evidenceOf({ 'compose.yaml': content, 'package.json': NODE_APP, 'data/seed.csv': 'x', 'sql/init.sql': 'x', 'nginx.conf': 'x', 'docs/index.html': 'x' });
    expect(evidence).toEqual([]);
  });
});

describe('dev tool configuration', () => {
  test.each([
    ['Tiltfile', 'docker_build("api", "./api")', undefined, { tool: 'tilt' }],
    ['skaffold.yaml', lines('apiVersion: skaffold/v4beta11', 'kind: Config', 'build:', '  artifacts:', '    - image: api', '    - image: web'), 3, { tool: 'skaffold', artifacts: 2 }],
    ['deploy/skaffold.yaml', lines('apiVersion: skaffold/v4beta11', 'kind: Config', 'manifests:', '  rawYaml: [k8s/*.yaml]'), undefined, { tool: 'skaffold', artifacts: 0 }],
    ['devspace.yaml', 'version: v2beta1', undefined, { tool: 'devspace' }],
    ['okteto.yml', 'dev: {}', undefined, { tool: 'okteto' }],
    ['garden.yml', 'kind: Project', undefined, { tool: 'garden' }],
    ['api/api.garden.yml', 'kind: Build', undefined, { tool: 'garden' }],
    ['.gitpod.yml', lines('tasks:', '  - init: npm ci', 'image:', '  file: .gitpod.Dockerfile'), 3, { tool: 'gitpod', image: '.gitpod.Dockerfile' }],
    ['.lando.yml', 'name: shop', undefined, { tool: 'lando' }],
    ['.ddev/config.yaml', 'name: shop', undefined, { tool: 'ddev' }],
    ['docker-compose.dev.yml', lines('services:', '  api:', '    image: node:20'), undefined, { tool: 'compose' }],
    ['compose.local.yaml', lines('services:', '  api:', '    image: node:20'), undefined, { tool: 'compose' }],
  ])('%s', (path, content, line, args) => {
    expect(located(evidenceOf({ [path]: content }))).toEqual([['dev-tool-config', path, line, args, 'strong']]);
  });

  test.each([
    ['.gitpod.yml', lines('tasks:', '  - init: npm ci')],
    ['docker-compose.prod.yml', lines('services:', '  api:', '    image: node:20')],
    ['docker-compose.dev.yml', lines('services: {}')],
  ])('%s alone is not', (path, content) => expect(evidenceOf({ [path]: content })).toEqual([]));

  test('a broken skaffold.yaml is a finding, not evidence', () => {
    const { facts, findings } = detect({ 'skaffold.yaml': lines('build:', '  artifacts: [', 'deploy: {}') });
    expect(facts.devEnvironment).toEqual([]);
    expect(findings.map((f) => [f.code, f.path])).toEqual([['yaml-syntax', 'skaffold.yaml']]);
  });
});

describe('scripts that run the app in containers', () => {
  test.each([
    ['Makefile', lines('.PHONY: dev', 'dev:', '\tdocker compose -f compose.yaml -f compose.dev.yaml --profile dev up --build', 'down:', '\tdocker compose down'), 3, 'docker compose up'],
    ['Makefile', lines('DC ?= docker-compose -f docker-compose.yml', 'test:', '\t$(DC) run --rm api npm test'), 3, 'docker-compose run'],
    ['api/Makefile', lines('COMPOSE := podman compose', 'dev:', '\t${COMPOSE} watch'), 3, 'podman compose watch'],
    // A variable naming the app's own file beside a test one still starts the app.
    ['Makefile', lines('DC = docker compose -f compose.yaml -f compose.test.yaml # both', 'it:', '\t$(DC) up'), 3, 'docker compose up'],
    ['justfile', lines('dev:', '    podman-compose up -d'), 2, 'podman-compose up'],
    ['Taskfile.yml', lines('version: "3"', 'tasks:', '  dev:', '    cmds:', '      - docker compose watch'), 5, 'docker compose watch'],
    ['scripts/dev.sh', lines('#!/bin/sh', 'docker build -t acme/api:dev .', 'docker run --rm -p 3000:3000 \\', '  -v "$PWD:/app" \\', '  acme/api:dev'), 3, 'docker run'],
    ['Makefile', lines('IMAGE ?= acme/api', 'build:', '\tdocker build -t $(IMAGE):$(TAG) .', 'run: build', '\tdocker run --rm ${IMAGE}:latest'), 5, 'docker run'],
    ['bin/dev', lines('#!/usr/bin/env bash', 'exec tilt up --stream'), 2, 'tilt up'],
    ['dev.sh', lines('set -e', 'skaffold dev --port-forward'), 2, 'skaffold dev'],
    ['scripts/open.sh', lines('devcontainer up --workspace-folder .'), 1, 'devcontainer up'],
    ['scripts/run.sh', lines('docker run --rm -it $(docker build -q .)'), 1, 'docker run'],
    // A test setup named beside the app's own file still starts the app.
    ['Makefile', lines('it:', '\tdocker compose -f compose.yaml -f compose.test.yaml run --rm api npm test'), 2, 'docker compose run'],
    // The first line that starts the app counts, after one that only starts the tests' setup.
    ['Makefile', lines('test:', '\tdocker compose -f docker-compose.test.yml run --rm api npm test', 'dev:', '\tdocker compose up'), 4, 'docker compose up'],
  ])('%s (line %#)', (path, content, line, command) => {
    expect(located(evidenceOf({ [path]: content }))).toEqual([['script-runs-containers', path, line, { command }, 'medium']]);
  });

  test('package.json scripts: the line of the script key; a docker run of an image another script builds counts', () => {
    const manifest = lines('{', '  "name": "web",', '  "description": "not docker compose up",', '  "scripts": {', '    "start": "node index.js",', '    "docker:build": "docker build -t web .",', '    "docker:run": "docker run -p 3000:3000 web"', '  }', '}');
    expect(located(evidenceOf({ 'package.json': manifest }))).toEqual([['script-runs-containers', 'package.json', 7, { command: 'docker run' }, 'medium']]);
  });

  test.each([
    ['Makefile', lines('build:', '\tdocker compose build', 'test:', '\tdocker compose exec api npm test', 'logs:', '\tdocker compose logs -f')],
    ['scripts/db.sh', lines('docker run -d -p 5432:5432 postgres:16')],
    ['package.json', JSON.stringify({ name: 'x', description: 'docker compose up', scripts: { start: 'node .' } })],
    ['scripts/notes.txt', 'docker compose up'],
    ['lib/helper.sh', 'docker compose up'],
    // Only Compose files for tests or CI: the tests run in containers, the app does not.
    ['Makefile', lines('test:', '\tdocker compose -f docker-compose.test.yml run --rm api npm test')],
    ['scripts/e2e.sh', lines('docker-compose --file=ci/compose.e2e.yaml -p e2e up --abort-on-container-exit')],
    ['package.json', JSON.stringify({ name: 'x', scripts: { 'test:integration': 'docker compose -f "docker-compose.ci.yml" run --rm api npm test' } })],
    // The same through a variable that carries the -f.
    ['Makefile', lines('DC ?= docker compose -f docker-compose.test.yml', 'test:', '\t$(DC) run --rm api npm test')],
    ['scripts/it.sh', lines('COMPOSE="docker-compose --file ci/compose.e2e.yaml"', '${COMPOSE} up --abort-on-container-exit')],
  ])('not evidence: %s', (path, content) => expect(evidenceOf({ [path]: content })).toEqual([]));
});

describe('docs that tell developers to run containers', () => {
  test.each([
    ['README.md', lines('# Shop', '', 'Run it:', '', '```sh', 'docker compose up --build', '```', '', '```sh', 'docker compose run api npm test', '```'), 6, 'docker compose up'],
    ['CONTRIBUTING.md', lines('Start the stack with `docker-compose up -d`.'), 1, 'docker-compose up'],
    ['DEVELOPMENT.md', lines('# Dev', '    $ tilt up'), 2, 'tilt up'],
    ['HACKING', lines('Use devcontainer up to get a shell.'), 1, 'devcontainer up'],
    ['docs/dev/setup.md', lines('# Setup', '```', 'docker build -t shop .', 'docker run -p 8080:8080 shop', '```'), 4, 'docker run'],
    ['api/readme.rst', lines('Run', '===', '', '::', '', '   podman compose up'), 6, 'podman compose up'],
  ])('%s', (path, content, line, command) => {
    expect(located(evidenceOf({ [path]: content }))).toEqual([['docs-run-containers', path, line, { command }, 'medium']]);
  });

  test.each([
    ['README.md', lines('# Shop', 'We ship Docker images and use Docker Compose in production.', 'See the docker-compose file for details.')],
    ['README.md', lines('Try it: `docker run -p 8080:80 ghcr.io/acme/shop:1.2`')],
    ['docs/logo.png.md.bak', 'docker compose up'],
    ['CHANGELOG.md', 'docker compose up'],
  ])('not evidence: %s with %#', (path, content) => expect(evidenceOf({ [path]: content })).toEqual([]));
});

describe('dev environment evidence as a whole', () => {
  test('sorted by path (code-unit order, as compareText) then line, one per file for scripts and docs, weak outside the product', () => {
    const evidence = evidenceOf({
      'README.md': lines('# Shop', '`make dev` or `docker compose watch`', 'then `docker compose up`'),
      Makefile: lines('dev:', '\tdocker compose watch'),
      'compose.yaml': lines('services:', '  api:', '    build: ./api', '    volumes: ["./api:/app"]', '    develop:', '      watch: [{ path: ./api, action: rebuild }]'),
      'api/package.json': NODE_APP,
      '.devcontainer/devcontainer.json': '{ "dockerComposeFile": "../compose.yaml", "service": "api" }',
      'examples/demo/compose.yaml': lines('services:', '  demo:', '    build: .', '    develop:', '      watch: [{ path: ., action: sync, target: /app }]'),
    });
    expect(evidence.map((e) => [e.code, e.path, e.line, e.confidence])).toEqual([
      ['devcontainer', '.devcontainer/devcontainer.json', 1, 'strong'],
      ['script-runs-containers', 'Makefile', 2, 'medium'],
      ['docs-run-containers', 'README.md', 2, 'medium'],
      ['compose-bind-mount', 'compose.yaml', 4, 'strong'],
      ['compose-develop-watch', 'compose.yaml', 5, 'strong'],
      ['compose-develop-watch', 'examples/demo/compose.yaml', 4, 'weak'],
    ]);
  });

  test('a repository with nothing of the kind has no evidence and no findings', () => {
    const { facts, findings } = detect({ 'package.json': NODE_APP, 'README.md': '# Shop\nnpm start\n', Dockerfile: lines('FROM node:20', 'USER node') });
    expect(facts.devEnvironment).toEqual([]);
    expect(findings).toEqual([]);
  });
});
