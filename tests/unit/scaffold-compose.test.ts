import { parse } from 'yaml';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { runDetectors } from '../../src/detectors/run.js';
import { planScaffold } from '../../src/scaffold/plan.js';
import { backingServicesOf } from '../../src/scaffold/backing-services.js';
import { serviceFiles } from '../../src/scaffold/project/service-files.js';
import { SCAFFOLD_PROJECTS } from '../helpers/scaffold-projects.js';
import { fixture } from '../helpers/cli.js';
import { readTree } from '../helpers/read-tree.js';

const GENERATOR = { name: 'containerize-check', version: '0.0.0-test' };

/** Runs `init all` in memory and returns the repository as it would be afterwards. */
function afterInit(files: Record<string, string>) {
  const snapshot = createMemorySnapshot(files);
  const plan = planScaffold(snapshot, runDetectors(snapshot).facts, { target: 'all', generator: GENERATOR });
  const written = Object.fromEntries(plan.files.map((f) => [f.path, f.content]));
  const after = { ...files, ...written };
  return { plan, written, after, detection: runDetectors(createMemorySnapshot(after)) };
}

describe('a new compose.yaml', () => {
  const { written, detection } = afterInit(SCAFFOLD_PROJECTS['node-npm']!.files);
  const text = written['compose.yaml']!;

  test('matches its snapshot', () => expect(text).toMatchSnapshot());

  test('parses back as a valid Compose file that builds the service, with its backing service', () => {
    expect(detection.findings.filter((f) => f.path === 'compose.yaml')).toEqual([]);
    const [file] = detection.facts.compose;
    expect(file).toMatchObject({ path: 'compose.yaml', valid: true, override: false });
    expect(file!.services.map((s) => [s.name, s.build?.context, s.image, s.ports])).toEqual([
      ['shop', '.', undefined, ['3000:3000']],
      ['postgres', undefined, 'postgres:17', []],
    ]);
    const document = parse(text);
    expect(document.services.shop.environment).toEqual({ DATABASE_URL: 'postgres://app:app@postgres:5432/app' });
    expect(document.services.shop.depends_on).toEqual(['postgres']);
    expect(document.services.postgres.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
    expect(document.volumes).toEqual({ 'postgres-data': {} });
  });

  test('quotes ports, so YAML 1.1 readers do not take them for base-60 numbers', () => {
    expect(text).toContain('- "3000:3000"');
  });

  test('gives developers a watch loop that the dev-environment detector counts', () => {
    expect(detection.facts.devEnvironment).toEqual([expect.objectContaining({ code: 'compose-develop-watch', path: 'compose.yaml', confidence: 'strong', args: { service: 'shop' } })]);
    expect(parse(text).services.shop.develop.watch).toEqual([
      { action: 'sync+restart', path: '.', target: '/app', ignore: ['node_modules/'] },
      { action: 'rebuild', path: 'package.json' },
      { action: 'rebuild', path: 'package-lock.json' },
    ]);
    expect(detection.facts.services.map((s) => [s.path, s.composeServices])).toEqual([['.', ['shop']]]);
  });
});

describe('a repository that already has a Compose file (monorepo-partial)', () => {
  const files = readTree(fixture('monorepo-partial'));
  const { plan, written, detection } = afterInit(files);
  const override = written['compose.override.yaml']!;

  test('is left as it is; the additions go to an override file Compose merges in', () => {
    expect(plan.files.map((f) => f.path)).toEqual(['services/web/Dockerfile', 'services/web/.dockerignore', 'compose.override.yaml', '.github/workflows/containers.yml']);
    expect(override).toMatchSnapshot();
  });

  test('the override adds the missing services, a dev loop for each, and only the backing services not there yet', () => {
    const document = parse(override);
    expect(Object.keys(document.services)).toEqual(['api', 'web', 'worker', 'redis']);
    expect(document.services.api).toEqual({ develop: { watch: [{ action: 'rebuild', path: './services/api' }] } });
    expect(document.services.worker).toMatchObject({ build: './services/worker', environment: { REDIS_URL: 'redis://redis:6379' }, depends_on: ['redis'] });
    expect(document.services.web).toMatchObject({ build: './services/web', ports: ['8000:8000'] });
  });

  test('after it, every containerized service is in the Compose app and has a watch loop', () => {
    expect(detection.findings.filter((f) => f.path.startsWith('compose'))).toEqual([]);
    expect(detection.facts.services.filter((s) => s.kind === 'app').map((s) => [s.path, s.composeServices])).toEqual([
      ['services/api', ['api']], ['services/web', ['web']], ['services/worker', ['worker']],
    ]);
    expect(detection.facts.devEnvironment.filter((e) => e.code === 'compose-develop-watch').map((e) => e.args.service)).toEqual(['api', 'web', 'worker']);
  });

  test('an existing override is extended with its comments kept', () => {
    const withOverride = { ...files, 'compose.override.yaml': '# our local tweaks\nservices:\n  api:\n    environment:\n      DEBUG: "1" # noisy\n' };
    const { written: again } = afterInit(withOverride);
    const text = again['compose.override.yaml']!;
    expect(text).toContain('# our local tweaks');
    expect(text).toContain('DEBUG: "1" # noisy');
    expect(parse(text).services.api).toEqual({ environment: { DEBUG: '1' }, develop: { watch: [{ action: 'rebuild', path: './services/api' }] } });
    expect(Object.keys(parse(text).services)).toEqual(['api', 'web', 'worker', 'redis']);
  });

  test('nothing is proposed once Compose covers everything', () => {
    const { after } = afterInit(files);
    const snapshot = createMemorySnapshot(after);
    const plan = planScaffold(snapshot, runDetectors(snapshot).facts, { target: 'compose', generator: GENERATOR });
    expect(plan).toEqual({ files: [], skipped: [{ kind: 'compose', reason: 'compose-covered' }] });
  });
});

describe('backing services guessed from dependencies', () => {
  test.each([
    [{ 'package.json': '{"dependencies":{"pg":"^8","ioredis":"^5"},"description":"mongodb"}' }, ['postgres', 'redis']],
    [{ 'requirements.txt': 'celery[redis]==5.4\npsycopg[binary]\ndjango-redis\n' }, ['postgres', 'redis']],
    [{ 'go.mod': 'module x\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.6.0\n\tgithub.com/segmentio/kafka-go v0.4.47\n)\n' }, ['kafka', 'postgres']],
    [{ 'pom.xml': '<dependency><artifactId>spring-boot-starter-amqp</artifactId></dependency><dependency><artifactId>mysql-connector-j</artifactId></dependency>' }, ['mysql', 'rabbitmq']],
    [{ 'App.csproj': '<PackageReference Include="MongoDB.Driver" Version="2" />' }, ['mongodb']],
    [{ Gemfile: 'gem "bunny"\ngem "redis-namespace"\n' }, ['rabbitmq']],
    [{ 'package.json': '{"dependencies":{"express":"^4"}}' }, []],
  ])('%j → %j', (files, expected) => {
    const snapshot = createMemorySnapshot(files);
    const [service] = runDetectors(snapshot).facts.services;
    expect(backingServicesOf(serviceFiles(snapshot, service!))).toEqual(expected);
  });
});
