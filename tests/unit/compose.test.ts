import { detect, lines } from '../helpers/detect.js';
import { composeDetector } from '../../src/detectors/compose/index.js';
import { dockerfilesDetector } from '../../src/detectors/dockerfiles.js';
import { servicesDetector } from '../../src/detectors/services/index.js';

const compose = (files: Record<string, string>) => detect(files, [composeDetector]);
const servicesOf = (files: Record<string, string>) => compose(files).facts.compose.flatMap((file) => file.services);
const codes = (findings: ReturnType<typeof compose>['findings']) => findings.map((f) => [f.code, f.path, f.line]);
const ONE_SERVICE = lines('services:', '  app:', '    image: nginx:1.27');

describe('compose file names', () => {
  test.each([
    ['compose.yaml', false], ['compose.yml', false], ['docker-compose.yaml', false], ['docker-compose.yml', false],
    ['podman-compose.yaml', false], ['podman-compose.yml', false], ['container-compose.yaml', false], ['container-compose.yml', false],
    ['compose.override.yaml', true], ['compose.override.yml', true], ['docker-compose.override.yaml', true], ['docker-compose.override.yml', true],
    ['podman-compose.override.yml', true], ['container-compose.override.yaml', true], ['docker-compose.dev.override.yml', true],
    ['docker-compose.dev.yml', false], ['compose.prod.yaml', false], ['docker-compose-test.yml', false],
    ['deploy/docker-compose.yml', false], ['services/api/compose.override.yaml', true],
  ])('%s is a Compose file (override: %s)', (path, override) => {
    const { facts, findings } = compose({ [path]: ONE_SERVICE });
    expect(facts.compose).toEqual([{ path, override, valid: true, services: [expect.objectContaining({ name: 'app', file: path, line: 2, image: 'nginx:1.27' })] }]);
    expect(findings).toEqual([]);
  });

  test.each(['.github/workflows/docker-compose.yml', 'compose.json', 'kompose.yaml', 'docker-compose.yml.example', 'my-compose.yml', 'composer.yaml'])(
    '%s is not',
    (path) => expect(compose({ [path]: ONE_SERVICE }).facts.compose).toEqual([]),
  );
});

describe('compose build', () => {
  test.each([
    ['short syntax', 'compose.yaml', '    build: ./api', { context: 'api', line: 3 }],
    ['the file directory by default', 'deploy/compose.yaml', '    build: {}', { context: 'deploy', line: 3 }],
    ['relative to a file in a subdirectory', 'deploy/compose.yaml', '    build: .', { context: 'deploy', line: 3 }],
    ['up with ../', 'deploy/compose.yaml', '    build: ../api', { context: 'api', line: 3 }],
    ['up to the root', 'deploy/dev/compose.yaml', '    build: ../..', { context: '.', line: 3 }],
    ['long syntax with a dockerfile kept as written', 'compose.yaml', lines('    build:', '      context: ./api', '      dockerfile: ../docker/api.Dockerfile').trimEnd(), { context: 'api', dockerfile: '../docker/api.Dockerfile', line: 3 }],
    ['inline Dockerfile', 'compose.yaml', lines('    build:', '      dockerfile_inline: |', '        FROM alpine:3.20').trimEnd(), { context: '.', inline: true, line: 3 }],
  ])('%s', (_name, path, build, expected) => {
    const [service] = servicesOf({ [path]: lines('services:', '  api:', build) });
    expect(service?.build).toEqual(expected);
  });

  test.each([
    ['https://github.com/acme/api.git#main'], ['git@github.com:acme/api.git'], ['github.com/acme/api'], ['/srv/api'], ['../../outside'], ['${API_DIR}'],
  ])('a context outside the repository (%s) leaves build out but keeps the service', (context) => {
    const [service] = servicesOf({ 'deploy/compose.yaml': lines('services:', '  api:', `    build: "${context}"`, '    image: acme/api:1') });
    expect(service).toMatchObject({ name: 'api', image: 'acme/api:1', line: 2 });
    expect(service?.build).toBeUndefined();
  });
});

describe('compose ports, volumes, develop watch and profiles', () => {
  const file = lines(
    'services:', //                        1
    '  web:', //                           2
    '    build: ./web', //                 3
    '    ports:', //                       4
    '      - "8080:80"', //                5
    '      - 3000', //                     6
    '      - target: 443', //              7
    '        published: 8443', //          8
    '        host_ip: 127.0.0.1', //       9
    '        protocol: tcp', //            10
    '    volumes:', //                     11
    '      - ./web/src:/app/src:ro', //    12
    '      - db-data:/var/lib/data', //    13
    '      - /app/node_modules', //        14
    '      - ~/.aws:/root/.aws:ro', //     15
    '      - ${PWD}:/code', //             16
    '      - $HOME/.cache:/cache', //      17
    '      - type: bind', //               18
    '        source: ../shared', //        19
    '        target: /shared', //          20
    '      - type: volume', //             21
    '        source: cache', //            22
    '        target: /cache', //           23
    '      - ${DATA:-./data}:/data', //    24
    '    develop:', //                     25
    '      watch:', //                     26
    '        - path: ./web', //            27
    '          action: sync', //           28
    '          target: /app', //           29
    '    profiles: [dev, debug]', //       30
    '  db:', //                            31
    '    image: postgres:16', //           32
    '    develop:', //                     33
    '      watch: []', //                  34
  );

  test('reads every syntax with its line', () => {
    const { facts, findings } = compose({ 'app/compose.yaml': file });
    const [web, db] = facts.compose[0]?.services ?? [];
    expect(web?.ports).toEqual(['8080:80', '3000', '127.0.0.1:8443:443/tcp']);
    expect(web?.volumes).toEqual([
      { source: './web/src', target: '/app/src', bind: true, repoPath: 'app/web/src', line: 12 },
      { source: 'db-data', target: '/var/lib/data', bind: false, line: 13 },
      { target: '/app/node_modules', bind: false, line: 14 },
      { source: '~/.aws', target: '/root/.aws', bind: true, line: 15 },
      { source: '${PWD}', target: '/code', bind: true, repoPath: 'app', line: 16 },
      { source: '$HOME/.cache', target: '/cache', bind: true, line: 17 },
      { source: '../shared', target: '/shared', bind: true, repoPath: 'shared', line: 18 },
      { source: 'cache', target: '/cache', bind: false, line: 21 },
      { source: '${DATA:-./data}', target: '/data', bind: true, line: 24 },
    ]);
    expect(web).toMatchObject({ developWatch: true, developLine: 25, profiles: ['dev', 'debug'], build: { context: 'app/web', line: 3 } });
    expect(db).toMatchObject({ name: 'db', line: 31, developWatch: false, profiles: [], ports: [], volumes: [] });
    expect(db?.developLine).toBeUndefined();
    expect(findings).toEqual([]);
  });
});

describe('compose extends and anchors', () => {
  test('a service inherits build, image and volumes it lacks from the service it extends, in the same file', () => {
    const services = servicesOf({
      'compose.yaml': lines(
        'services:', //                      1
        '  base:', //                        2
        '    build: ./api', //               3
        '    volumes: ["./api:/app"]', //    4
        '  worker:', //                      5
        '    extends: base', //              6
        '  web:', //                         7
        '    extends: { service: worker }', // 8
        '    image: acme/web:1', //          9
        '  remote:', //                      10
        '    extends: { file: common.yml, service: base }', // 11
        '  a:', //                           12
        '    extends: b', //                 13
        '  b:', //                           14
        '    extends: a', //                 15
      ),
    });
    const byName = Object.fromEntries(services.map((s) => [s.name, s]));
    expect(byName.worker).toMatchObject({ line: 5, build: { context: 'api', line: 3 }, volumes: [{ source: './api', repoPath: 'api', line: 4 }] });
    expect(byName.web).toMatchObject({ build: { context: 'api', line: 3 }, image: 'acme/web:1' });
    expect(byName.remote?.build).toBeUndefined();
    expect([byName.a?.build, byName.b?.build]).toEqual([undefined, undefined]);
  });

  test('merge keys bring attributes in; lines fall back to the service', () => {
    const [api] = servicesOf({
      'compose.yaml': lines('x-app: &app', '  build: ./api', '  volumes: ["./api:/app"]', 'services:', '  api:', '    <<: *app', '    ports: ["3000:3000"]'),
    });
    expect(api).toMatchObject({ line: 5, build: { context: 'api', line: 5 }, volumes: [{ repoPath: 'api', line: 5 }], ports: ['3000:3000'] });
  });
});

describe('broken compose files', () => {
  test('a YAML syntax error is a finding with line and column; the file is kept, invalid', () => {
    const { facts, findings } = compose({ 'compose.yaml': lines('services:', '  api:', '    build: .', '   image: x') });
    expect(facts.compose).toEqual([{ path: 'compose.yaml', override: false, valid: false, services: [] }]);
    expect(findings).toEqual([{ code: 'yaml-syntax', severity: 'error', path: 'compose.yaml', line: 4, column: 4, args: { message: expect.any(String) } }]);
  });

  test('an alias bomb is refused by the parser without hanging', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(',')}]`);
    const started = Date.now();
    const { facts, findings } = compose({ 'compose.yaml': lines(...levels, 'services:', '  api:', '    image: *l11') });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(facts.compose[0]?.valid).toBe(false);
    expect(codes(findings)).toEqual([['yaml-syntax', 'compose.yaml', 1]]);
  });

  test.each([
    ['services is a list', lines('services:', '  - api', '  - db'), [1], []],
    ['the document is a list', lines('- services'), [1], []],
    ['the file is empty', '', [1], []],
    ['a service is a string, the others are kept', lines('services:', '  api: node:20', '  db:', '    image: postgres:16'), [2], ['db']],
    ['ports is not a list', lines('services:', '  api:', '    image: x', '    ports: "80:80"'), [4], ['api']],
    ['a port is a boolean', lines('services:', '  api:', '    image: x', '    ports:', '      - "80:80"', '      - true'), [6], ['api']],
    ['a long-syntax volume has no type', lines('services:', '  api:', '    image: x', '    volumes:', '      - source: ./x'), [5], ['api']],
    ['build is a number', lines('services:', '  api:', '    build: 3'), [3], ['api']],
  ])('%s: schema-mismatch with its line, what parses is kept', (_name, content, expectedLines, kept) => {
    const { facts, findings } = compose({ 'compose.yaml': content });
    expect(facts.compose[0]?.valid).toBe(false);
    expect(facts.compose[0]?.services.map((s) => s.name)).toEqual(kept);
    expect(findings.map((f) => [f.code, f.severity, f.line, f.args.kind])).toEqual(expectedLines.map((line) => ['schema-mismatch', 'error', line, 'Compose']));
  });

  test('what Compose accepts passes: version, name, include, top-level definitions, x- extensions, unknown attributes', () => {
    const { facts, findings } = compose({
      'compose.yaml': lines(
        'version: "3.8"', 'name: shop', 'include: [other/compose.yaml]', 'x-common: &common', '  restart: always',
        'services:', '  api:', '    <<: *common', '    image: acme/api:1', '    x-note: hi', '    develop:', '    healthcheck: { test: ["CMD", "true"] }',
        'volumes:', '  data:', 'networks:', '  default: { name: shop }', 'secrets:', '  token: { file: ./token.txt }',
      ),
    });
    expect(findings).toEqual([]);
    expect(facts.compose[0]).toMatchObject({ valid: true, services: [{ name: 'api', developWatch: false }] });
  });
});

describe('Dockerfiles named by Compose build.dockerfile', () => {
  const files = {
    'compose.yaml': lines(
      'services:',
      '  api:',
      '    build:',
      '      context: ./api',
      '      dockerfile: ../docker/api.Dockerfile',
      '  web:',
      '    build:',
      '      context: ./web',
      '      dockerfile: build/container.docker',
    ),
    'api/package.json': JSON.stringify({ name: 'api', scripts: { start: 'node index.js' } }),
    'docker/api.Dockerfile': lines('FROM node:20-alpine', 'COPY . /app', 'USER node'),
    'web/go.mod': lines('module example.com/web', 'go 1.23'),
    'web/build/container.docker': lines('FROM golang:1.23', 'COPY . /src', 'USER 1000'),
  };

  test('the dockerfiles detector reads them with the Compose context', () => {
    const { facts } = detect(files, [composeDetector, dockerfilesDetector]);
    expect(facts.dockerfiles.map((d) => [d.path, d.valid, d.contexts])).toEqual([
      ['docker/api.Dockerfile', true, ['api']],
      ['web/build/container.docker', true, ['web']],
    ]);
  });

  test('the services detector attaches them and the Compose services to their services', () => {
    const { facts } = detect(files, [composeDetector, dockerfilesDetector, servicesDetector]);
    expect(facts.services.map((s) => [s.path, s.dockerfiles, s.composeServices])).toEqual([
      ['api', ['docker/api.Dockerfile'], ['api']],
      ['web', ['web/build/container.docker'], ['web']],
    ]);
  });

  test('with the root as context, a Compose service belongs to the service whose Dockerfile it builds', () => {
    const { facts } = detect({
      'compose.yaml': lines('services:', '  api:', '    build:', '      context: .', '      dockerfile: docker/api.Dockerfile'),
      'api/package.json': JSON.stringify({ name: 'api', scripts: { start: 'node index.js' } }),
      'docker/api.Dockerfile': lines('FROM node:20-alpine', 'COPY api/ /app', 'USER node'),
    }, [composeDetector, dockerfilesDetector, servicesDetector]);
    expect(facts.dockerfiles.map((d) => [d.path, d.contexts])).toEqual([['docker/api.Dockerfile', ['.']]]);
    expect(facts.services.map((s) => [s.path, s.dockerfiles, s.composeServices])).toEqual([['api', ['docker/api.Dockerfile'], ['api']]]);
  });
});
