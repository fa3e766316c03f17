import { detect, lines } from '../helpers/detect.js';
import { dockerfilesDetector } from '../../src/detectors/dockerfiles.js';
import { orchestrationDetector } from '../../src/detectors/orchestration/index.js';
import { isLiteralSecretValue, isSecretName, secretFileKind } from '../../src/detectors/orchestration/secret-names.js';

const SECRET_CODES = new Set(['dockerfile-secret-in-env', 'dockerfile-copies-secret', 'dockerfile-context-leaks-secret']);
const scan = (files: Record<string, string>) => detect(files, [dockerfilesDetector, orchestrationDetector]);
const secretFindings = (files: Record<string, string>) =>
  scan(files).findings.filter((f) => SECRET_CODES.has(f.code)).map((f) => [f.code, f.path, f.line, f.severity, f.args]);
const dockerfile = (...instructions: string[]) => lines('FROM node:20-alpine', ...instructions, 'USER node');

describe('secret names and values', () => {
  test.each(['DB_PASSWORD', 'NPM_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'STRIPE_API_KEY', 'APIKEY', 'JWT_SECRET', 'GITHUB_TOKEN', 'PRIVATE_KEY', 'SECRET_KEY_BASE'])(
    '%s looks secret',
    (name) => expect(isSecretName(name)).toBe(true),
  );
  test.each(['PASSWORD_FILE', 'TOKEN_URL', 'AWS_ACCESS_KEY_ID', 'GPG_KEY', 'PWD', 'NODE_ENV', 'BYPASS_CACHE', 'KEYCLOAK_URL', 'SECRET_NAME'])(
    '%s does not',
    (name) => expect(isSecretName(name)).toBe(false),
  );
  test.each([['${API_TOKEN}', false], ['$API_TOKEN', false], ['${TOKEN:-}', false], ['', false], ['false', false], ['hunter2', true], ['${X}-suffix', true]])(
    '%s is a literal: %s',
    (value, literal) => expect(isLiteralSecretValue(value)).toBe(literal),
  );
  test.each([
    ['.env', undefined, 'env-file'], ['.env.production', undefined, 'env-file'], ['.env.example', undefined, undefined], ['.env.sample', undefined, undefined],
    ['id_rsa', undefined, 'private-key'], ['id_rsa.pub', undefined, undefined], ['tls.key', undefined, 'private-key'], ['ca-cert.pem', undefined, undefined],
    ['server.pem', '-----BEGIN RSA PRIVATE KEY-----', 'private-key'], ['server.pem', '-----BEGIN CERTIFICATE-----', undefined],
    ['credentials.json', undefined, 'credentials'], ['.npmrc', '//registry.npmjs.org/:_authToken=npm_abc', 'registry-token'],
    ['.npmrc', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}', undefined], ['.npmrc', undefined, undefined], ['.pypirc', '[pypi]\npassword = pypi-abc', 'registry-token'],
  ])('%s (%s) holds %s', (path, content, kind) => expect(secretFileKind(path, content)).toBe(kind));
});

describe('ENV and ARG', () => {
  test.each([
    ['ENV with a literal password', ['ENV DB_PASSWORD=hunter2'], [['dockerfile-secret-in-env', 2, { instruction: 'ENV', name: 'DB_PASSWORD' }]]],
    ['legacy ENV form', ['ENV API_KEY abc123'], [['dockerfile-secret-in-env', 2, { instruction: 'ENV', name: 'API_KEY' }]]],
    ['several pairs, quoted', ['ENV LOG_LEVEL=info SECRET_KEY="a b c"'], [['dockerfile-secret-in-env', 2, { instruction: 'ENV', name: 'SECRET_KEY' }]]],
    ['ARG with a default token', ['ARG NPM_TOKEN=npm_abc123'], [['dockerfile-secret-in-env', 2, { instruction: 'ARG', name: 'NPM_TOKEN' }]]],
    ['ARG without a default', ['ARG NPM_TOKEN'], []],
    ['ARG and ENV from ${API_TOKEN}', ['ARG API_TOKEN', 'ENV API_TOKEN=${API_TOKEN}'], []],
    ['an empty value', ['ENV GITHUB_TOKEN=""'], []],
    ['a path to a secret file', ['ENV DB_PASSWORD_FILE=/run/secrets/db'], []],
    ['a flag about a token', ['ENV REQUIRE_TOKEN=false'], []],
  ])('%s', (_name, instructions, expected) => {
    const found = secretFindings({ Dockerfile: dockerfile(...instructions) });
    expect(found.map(([code, , line, , args]) => [code, line, args])).toEqual(expected);
    for (const [, path, , severity] of found) expect([path, severity]).toEqual(['Dockerfile', 'error']);
  });

  test('a build secret mounted with RUN --mount=type=secret is noted, not reported', () => {
    const result = scan({ Dockerfile: dockerfile('RUN --mount=type=secret,id=npm,target=/root/.npmrc npm ci') });
    expect(result.findings.filter((f) => SECRET_CODES.has(f.code))).toEqual([]);
    expect(result.facts.orchestration.buildSecrets).toEqual([{ path: 'Dockerfile', line: 2 }]);
  });
});

describe('COPY and ADD', () => {
  test.each([
    ['an .env file, even when Git ignores it', { Dockerfile: dockerfile('COPY .env /app/.env') }, [['dockerfile-copies-secret', 2, { instruction: 'COPY', source: '.env', kind: 'env-file' }]]],
    ['.env.example', { Dockerfile: dockerfile('COPY .env.example /app/.env'), '.env.example': 'A=1\n' }, []],
    ['an SSH key with ADD', { Dockerfile: dockerfile('ADD id_rsa /root/.ssh/id_rsa') }, [['dockerfile-copies-secret', 2, { instruction: 'ADD', source: 'id_rsa', kind: 'private-key' }]]],
    ['a private key in the repository', { Dockerfile: dockerfile('COPY --chown=node certs/server.pem /certs/'), 'certs/server.pem': '-----BEGIN PRIVATE KEY-----\n' }, [['dockerfile-copies-secret', 2, { instruction: 'COPY', source: 'certs/server.pem', kind: 'private-key' }]]],
    ['a certificate', { Dockerfile: dockerfile('COPY certs/server.pem /certs/'), 'certs/server.pem': '-----BEGIN CERTIFICATE-----\n' }, []],
    ['an .npmrc with a token, JSON form', { Dockerfile: dockerfile('COPY [".npmrc", "/app/"]'), '.npmrc': '//registry.npmjs.org/:_authToken=npm_abc\n' }, [['dockerfile-copies-secret', 2, { instruction: 'COPY', source: '.npmrc', kind: 'registry-token' }]]],
    ['an .npmrc that reads the token from the environment', { Dockerfile: dockerfile('COPY .npmrc /app/'), '.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' }, []],
    ['a glob of keys', { Dockerfile: dockerfile('COPY keys/*.key /keys/'), 'keys/app.key': '-----BEGIN EC PRIVATE KEY-----\n' }, [['dockerfile-copies-secret', 2, { instruction: 'COPY', source: 'keys/*.key', kind: 'private-key' }]]],
    ['a copy from another stage', { Dockerfile: dockerfile('COPY --from=build /app/.env /app/.env') }, []],
  ])('%s', (_name, files, expected) => {
    expect(secretFindings(files as Record<string, string>).map(([code, , line, , args]) => [code, line, args])).toEqual(expected);
  });
});

describe('COPY . . and .dockerignore', () => {
  const app = { Dockerfile: dockerfile('COPY package.json ./', 'COPY . .'), '.env': 'DB_PASSWORD=hunter2\n', '.env.example': 'DB_PASSWORD=\n', 'server.js': '' };

  test.each([
    ['no .dockerignore', {}, [['dockerfile-context-leaks-secret', 3, { instruction: 'COPY', source: '.', file: '.env', kind: 'env-file' }]]],
    ['.dockerignore excludes .env', { '.dockerignore': '.env\n' }, []],
    ['a glob with an exception for the example', { '.dockerignore': '**/.env*\n!.env.example\n' }, []],
    ['a .dockerignore that does not cover it', { '.dockerignore': 'node_modules\n' }, [['dockerfile-context-leaks-secret', 3, { instruction: 'COPY', source: '.', file: '.env', kind: 'env-file' }]]],
    ['an exception that re-includes it', { '.dockerignore': '.env*\n!.env\n' }, [['dockerfile-context-leaks-secret', 3, { instruction: 'COPY', source: '.', file: '.env', kind: 'env-file' }]]],
    ['the Dockerfile\'s own ignore file wins', { '.dockerignore': 'node_modules\n', 'Dockerfile.dockerignore': '.env\n' }, []],
  ])('%s', (_name, extra, expected) => {
    expect(secretFindings({ ...app, ...extra }).map(([code, , line, , args]) => [code, line, args])).toEqual(expected);
  });

  test('the context is the Dockerfile\'s directory, and nested secrets in it count', () => {
    const found = secretFindings({
      'api/Dockerfile': dockerfile('COPY . .'), 'api/config/.env.production': 'X=1\n', '.env': 'outside the context\n', 'api/.dockerignore': 'node_modules\n',
    });
    expect(found.map(([code, path, line, , args]) => [code, path, line, args])).toEqual([
      ['dockerfile-context-leaks-secret', 'api/Dockerfile', 2, { instruction: 'COPY', source: '.', file: 'api/config/.env.production', kind: 'env-file' }],
    ]);
  });
});

describe('hostile ignore files and COPY sources', () => {
  test('a .dockerignore line or a COPY glob over 64 KiB matches nothing and crashes nothing', () => {
    const huge = `${'a'.repeat(70_000)}*`;
    const files = { Dockerfile: dockerfile('COPY . /app', `COPY ${huge} /x/`), '.dockerignore': lines(huge, 'node_modules'), '.env': 'TOKEN=abc' };
    expect(() => scan(files)).not.toThrow();
    // The long pattern ignores nothing, so the .env still goes into the image and is reported.
    expect(secretFindings(files).map(([code, path]) => [code, path])).toContainEqual(['dockerfile-context-leaks-secret', 'Dockerfile']);
  });
});
