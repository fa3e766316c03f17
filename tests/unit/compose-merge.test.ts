import { detect, lines } from '../helpers/detect.js';
import { composeDetector } from '../../src/detectors/compose/index.js';

type Files = Record<string, string>;

const compose = (files: Files) => detect(files, [composeDetector]);
const facts = (files: Files) => compose(files).facts.compose;
const byFile = (files: Files) => Object.fromEntries(facts(files).map((file) => [file.path, file]));
const builds = (files: Files) => facts(files).flatMap((file) => file.services.map((s) => [file.path, s.name, s.build]));

describe('an override merged over its base', () => {
  test.each<[string, string, string]>([
    ['compose.yaml', 'compose.override.yaml', 'api'],
    ['docker-compose.yml', 'docker-compose.override.yml', 'api'],
    ['docker-compose.yaml', 'docker-compose.override.yml', 'api'],
    ['deploy/compose.yml', 'deploy/compose.override.yaml', 'deploy/api'],
  ])('%s + %s: the override names its base and its build keeps the base context', (base, override, context) => {
    const files = {
      [base]: lines('services:', '  api:', '    build: ./api', '    image: acme/api'),
      [override]: lines('services:', '  api:', '    build:', '      dockerfile: Dockerfile.dev', '      target: dev'),
    };
    expect(byFile(files)[override]).toMatchObject({ override: true, base, services: [{ name: 'api', build: { context, dockerfile: 'Dockerfile.dev', line: 3 } }] });
  });

  test('the override build keeps the base context and adds the dockerfile; other attributes stay per file', () => {
    const files = {
      'compose.yaml': lines('services:', '  api:', '    build:', '      context: ./api', '      dockerfile: Dockerfile', '    volumes: ["./api:/app"]'),
      'compose.override.yaml': lines('services:', '  api:', '    build:', '      dockerfile: Dockerfile.dev', '  worker:', '    build: ./worker'),
    };
    const found = byFile(files);
    expect(found['compose.yaml']).toMatchObject({ override: false, services: [{ name: 'api', build: { context: 'api', dockerfile: 'Dockerfile' }, volumes: [{ repoPath: 'api', line: 6 }] }] });
    expect(found['compose.yaml']?.base).toBeUndefined();
    expect(found['compose.override.yaml']?.services).toEqual([
      expect.objectContaining({ name: 'api', line: 2, build: { context: 'api', dockerfile: 'Dockerfile.dev', line: 3 }, volumes: [] }),
      expect.objectContaining({ name: 'worker', build: { context: 'worker', line: 6 } }),
    ]);
  });

  test('an override without a base of its own stands alone', () => {
    expect(byFile({ 'compose.override.yaml': lines('services:', '  x:', '    build: .') })['compose.override.yaml']).toMatchObject({ override: true, services: [{ build: { context: '.' } }] });
  });
});

describe('include', () => {
  test('included files are read, whatever their names, with their own directory as the project directory', () => {
    const files = {
      'compose.yaml': lines('include:', '  - infra/databases.yml', '  - path: ./tools/docs.yml', '    project_directory: .', 'services:', '  api:', '    build: ./api'),
      'infra/databases.yml': lines('services:', '  db:', '    image: postgres:16', '  migrate:', '    build: ./migrations'),
      'tools/docs.yml': lines('services:', '  docs:', '    build: ./docs'),
    };
    const found = byFile(files);
    expect(Object.keys(found)).toEqual(['compose.yaml', 'infra/databases.yml', 'tools/docs.yml']);
    expect(found['infra/databases.yml']).toMatchObject({ override: false, references: [{ kind: 'include', path: 'compose.yaml', line: 2 }] });
    expect(builds(files)).toEqual([
      ['compose.yaml', 'api', { context: 'api', line: 7 }],
      ['infra/databases.yml', 'db', undefined],
      ['infra/databases.yml', 'migrate', { context: 'infra/migrations', line: 5 }],
      ['tools/docs.yml', 'docs', { context: 'docs', line: 3 }],
    ]);
  });

  test('an include of several files merges them in order; includes nest; a missing or remote include is skipped', () => {
    const files = {
      'compose.yaml': lines('include:', '  - path: [stack/base.yml, stack/dev.yml]', '  - oci://registry/app:1', '  - missing.yml', 'services: {}'),
      'stack/base.yml': lines('include: [more.yml]', 'services:', '  api:', '    build: ../api'),
      'stack/dev.yml': lines('services:', '  api:', '    build:', '      target: dev'),
      'stack/more.yml': lines('services:', '  cache:', '    image: redis:7'),
    };
    const found = byFile(files);
    expect(Object.keys(found)).toEqual(['compose.yaml', 'stack/base.yml', 'stack/dev.yml', 'stack/more.yml']);
    expect(found['stack/dev.yml']).toMatchObject({ override: true, base: 'stack/base.yml', services: [{ name: 'api', build: { context: 'api', line: 3 } }] });
    expect(found['stack/more.yml']?.references).toEqual([{ kind: 'include', path: 'stack/base.yml', line: 1 }]);
  });
});

describe('extends across files', () => {
  test('a service inherits build, image and volumes from a service of another file, paths relative to that file', () => {
    const files = {
      'compose.yaml': lines('services:', '  web:', '    extends:', '      file: common/services.yml', '      service: app', '    ports: ["8080:80"]', '  loop:', '    extends: { file: compose.yaml, service: loop }'),
      'common/services.yml': lines('services:', '  app:', '    build: ../web', '    image: acme/web', '    volumes: ["../web:/src"]', '    ports: ["9229"]'),
    };
    const [web, loop] = facts(files)[0]?.services ?? [];
    expect(web).toMatchObject({ name: 'web', line: 2, image: 'acme/web', build: { context: 'web', line: 3, file: 'common/services.yml' }, ports: ['9229', '8080:80'] });
    expect(web?.volumes).toEqual([{ source: '../web', target: '/src', bind: true, repoPath: 'web' }]);
    expect(loop?.build).toBeUndefined();
  });

  test('a Compose-named file that is extended says so', () => {
    const files = {
      'compose.yaml': lines('services:', '  api:', '    extends: { file: docker-compose.base.yml, service: base }'),
      'docker-compose.base.yml': lines('services:', '  base:', '    build: ./api'),
    };
    expect(byFile(files)['docker-compose.base.yml']?.references).toEqual([{ kind: 'extends', path: 'compose.yaml', line: 3 }]);
  });
});

describe('Compose files named by scripts, CI and .env', () => {
  test.each<[string, Files, string[], string | undefined]>([
    ['-f in a Makefile', { Makefile: lines('up:', '\tdocker compose -f deploy/stack.yml up -d') }, ['deploy/stack.yml'], undefined],
    ['--file= in a package.json script', { 'package.json': JSON.stringify({ scripts: { dev: 'docker-compose --file=ops/dev.yml up' } }) }, ['ops/dev.yml'], undefined],
    ['two -f files in a shell script: the second merges over the first', { 'scripts/dev.sh': lines('#!/bin/sh', 'docker compose -p shop -f docker/app.yml -f docker/dev.yml up --build') }, ['docker/app.yml', 'docker/dev.yml'], 'docker/app.yml'],
    ['podman-compose in CI', { '.github/workflows/e2e.yml': lines('jobs:', '  e2e:', '    steps:', '      - run: podman-compose -f e2e/stack.yaml up -d') }, ['e2e/stack.yaml'], undefined],
    ['COMPOSE_FILE in .env', { '.env': lines('COMPOSE_PROJECT_NAME=shop', 'COMPOSE_FILE=docker/app.yml:docker/dev.yml') }, ['docker/app.yml', 'docker/dev.yml'], 'docker/app.yml'],
  ])('%s', (_name, scripts, named, base) => {
    const stack = lines('services:', '  api:', '    build: ../api');
    const files: Files = { ...scripts, ...Object.fromEntries(named.map((path) => [path, stack])) };
    const found = byFile(files);
    expect(Object.keys(found)).toEqual([...named].sort());
    const last = found[named.at(-1)!];
    expect(last?.references?.[0]?.kind).toBe('command');
    expect(last?.base).toBe(base);
    expect(last?.override).toBe(base !== undefined);
    if (base) expect(last?.services[0]?.build?.context).toBe('api'); // `../api` from docker/, the first file's directory
  });

  test('a CI step in a working-directory: a path only one file ends with is that file', () => {
    const files = { '.gitlab-ci.yml': lines('e2e:', '  script:', '    - cd deploy', '    - docker compose -f stack.yml up -d'), 'deploy/stack.yml': lines('services:', '  api:', '    build: ../api') };
    expect(byFile(files)['deploy/stack.yml']?.references).toEqual([{ kind: 'command', path: '.gitlab-ci.yml', line: 4 }]);
  });

  test('a default override goes with whichever default file is there', () => {
    const files = { 'docker-compose.yml': lines('services:', '  api:', '    build: ./api'), 'compose.override.yaml': lines('services:', '  api:', '    build:', '      target: dev') };
    expect(byFile(files)['compose.override.yaml']).toMatchObject({ override: true, base: 'docker-compose.yml', services: [{ build: { context: 'api', target: 'dev' } }] });
  });

  test('a variable, a missing file or another tool\'s -f is not read', () => {
    const files = { Makefile: lines('a:', '\tdocker compose -f $(FILE) up', 'b:', '\tdocker compose -f missing.yml up', 'c:', '\tkubectl apply -f k8s/app.yml'), 'k8s/app.yml': 'kind: Deployment\n' };
    expect(facts(files)).toEqual([]);
  });
});

describe('build attributes', () => {
  test('additional_contexts that are repository directories, map or list form', () => {
    const files = {
      'compose.yaml': lines('services:', '  api:', '    build:', '      context: ./api', '      additional_contexts:', '        shared: ./libs/shared', '        base: docker-image://alpine:3.20', '        proto: service:proto',
        '  web:', '    build:', '      context: web', '      additional_contexts: ["ui=../libs/ui"]'),
    };
    // Relative to the project directory, not to the context: `../libs/ui` leaves the repository.
    expect(builds(files).map(([, name, build]) => [name, (build as { additionalContexts?: string[] })?.additionalContexts])).toEqual([['api', ['libs/shared']], ['web', []]]);
  });

  test('profiles are kept: a service only started with a profile is still part of the app', () => {
    const files = {
      'compose.yaml': lines('services:', '  seed:', '    build: ./seed-data', '    profiles: [seed]'),
    };
    expect(facts(files)[0]?.services[0]).toMatchObject({ name: 'seed', profiles: ['seed'], build: { context: 'seed-data' } });
  });
});
