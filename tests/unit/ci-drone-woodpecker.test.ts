import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiJobFact } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]);
const brief = (job: CiJobFact | undefined) => job?.activities.map((a) => [a.kind, a.tool, a.confidence, a.line, a.environment ?? a.image]);

const DRONE = lines(
  'kind: pipeline', // 1
  'type: docker',
  'name: default',
  'steps:',
  '  - name: publish', // 5
  '    image: plugins/docker',
  '    settings:',
  '      repo: registry.acme.io/shop/api',
  '      dockerfile: api/Dockerfile',
  '      context: api', // 10
  '      tags: [latest]',
  '  - name: integration',
  '    image: registry.acme.io/shop/api:latest',
  '    commands: [npm run test:integration]',
  '  - name: deploy', // 15
  '    image: pelotech/drone-helm3',
  '    settings:',
  '      mode: upgrade',
  '      chart: ./chart',
  '      namespace: shop', // 20
  '    when:',
  '      event: [promote]',
  '      target: [staging]',
  'services:',
  '  - name: db', // 25
  '    image: postgres:16',
  '---',
  'kind: secret',
  'name: docker_password',
);

describe('drone', () => {
  test('plugin builds push unless dry_run, a step in the built image tests it, a promotion target deploys', () => {
    const { facts, findings } = runCi({ '.drone.yml': DRONE });
    expect(findings).toEqual([]);
    expect(facts.ci.configs).toEqual([{ system: 'drone', path: '.drone.yml' }]);
    const [publish, integration, deploy] = facts.ci.jobs;
    expect(publish!.activities.map((a) => [a.kind, a.context, a.dockerfile, a.image, a.pushes])).toEqual([['image-build', 'api', 'api/Dockerfile', 'registry.acme.io/shop/api', true]]);
    expect(brief(integration)).toEqual([['test-in-image', 'image', 'strong', 13, 'registry.acme.io/shop/api:latest']]);
    expect(brief(deploy)).toEqual([
      ['deploy', 'pelotech/drone-helm3', 'strong', 16, 'staging'],
      ['deploy', 'when target', 'strong', 21, 'staging'],
    ]);
  });

  test('pipelines of a multi-document file are named; dry_run builds do not push; the docker socket is a daemon', () => {
    const { facts } = runCi({
      '.drone.yml': lines(
        'kind: pipeline', 'name: pr', 'steps:', '  - name: build', '    image: plugins/docker', '    settings: { repo: acme/x, dry_run: true }',
        '---', 'kind: pipeline', 'name: main', 'steps:', '  - name: compose', '    image: docker:24', '    volumes: [{ name: sock, path: /var/run/docker.sock }]', '    commands: [docker compose run --rm app pytest]',
      ),
    });
    expect(facts.ci.jobs.map((job) => [job.job, job.dockerDaemon?.via, job.activities.map((a) => [a.kind, a.pushes])])).toEqual([
      ['pr / build', undefined, [['image-build', false]]],
      ['main / compose', 'docker.sock', [['job-image', undefined], ['test-in-image', undefined]]],
    ]);
  });
});

describe('promotions', () => {
  test('a Drone pipeline triggered by a promotion deploys its deploy steps to the target; Woodpecker `when` lists', () => {
    const { facts } = runCi({
      '.drone.yml': lines('kind: pipeline', 'name: promote', 'trigger:', '  event: [promote]', '  target: [qa]', 'steps:', '  - name: rollout', '    image: bitnami/kubectl', '    commands: [kubectl apply -f k8s/]'),
      '.woodpecker.yml': lines('steps:', '  - name: ship', '    image: alpine/helm', '    commands: [helm upgrade --install app ./chart]', '    when:', '      - event: deployment', '        environment: uat'),
    });
    expect(facts.ci.jobs.map((job) => [job.system, job.activities.filter((a) => a.kind === 'deploy').map((a) => [a.tool, a.environment, a.line])])).toEqual([
      ['drone', [['trigger target', 'qa', 3], ['kubectl apply', 'qa', 9]]],
      ['woodpecker', [['helm upgrade', 'uat', 4], ['when target', 'uat', 5]]],
    ]);
  });
});

describe('woodpecker', () => {
  test('workflows in .woodpecker/, steps as a map or a list, the buildx plugin', () => {
    const { facts, findings } = runCi({
      '.woodpecker/build.yml': lines(
        'steps:',
        '  image:',
        '    image: woodpeckerci/plugin-docker-buildx',
        '    settings:',
        '      repo: codeberg.org/acme/site', // 5
        '      dockerfile: Containerfile',
        '      registry: codeberg.org',
      ),
      '.woodpecker/deploy.yaml': lines('steps:', '  - name: staging', '    image: alpine/k8s:1.30', '    commands:', '      - kubectl -n staging rollout restart deploy/site'),
    });
    expect(findings).toEqual([]);
    expect(facts.ci.configs.map((c) => [c.system, c.path])).toEqual([['woodpecker', '.woodpecker/build.yml'], ['woodpecker', '.woodpecker/deploy.yaml']]);
    expect(facts.ci.jobs.map((job) => [job.job, job.activities.map((a) => [a.kind, a.dockerfile ?? a.environment ?? a.image, a.pushes])])).toEqual([
      ['build / image', [['image-build', 'Containerfile', true]]],
      ['deploy / staging', [['job-image', 'alpine/k8s:1.30', undefined], ['deploy', 'staging', undefined]]],
    ]);
  });
});
