import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiJobFact } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]);
const brief = (job: CiJobFact | undefined) => job?.activities.map((a) => [a.kind, a.tool, a.confidence, a.line]);

const CONFIG = lines(
  'version: 2.1', //                                   1
  'orbs:',
  '  docker: circleci/docker@2.8.1',
  '  aws-ecr: circleci/aws-ecr@9.3.4',
  '  aws-ecs: circleci/aws-ecs@4.1.0', //              5
  'executors:',
  '  node:',
  '    docker:',
  '      - image: cimg/node:20.11',
  '      - image: cimg/postgres:16.2', //              10
  'jobs:',
  '  test:',
  '    executor: node',
  '    steps:',
  '      - checkout', //                               15
  '      - run: npm ci && npm test',
  '  image:',
  '    docker:',
  '      - image: cimg/base:2024.02',
  '    working_directory: ~/repo', //                  20
  '    steps:',
  '      - checkout',
  '      - setup_remote_docker:',
  '          docker_layer_caching: true',
  '      - docker/check', //                           25
  '      - docker/build:',
  '          image: acme/web',
  '          path: services/web',
  '          docker-context: services/web',
  '      - run:', //                                   30
  '          name: Integration',
  '          working_directory: ~/repo/services/web',
  '          command: |',
  '            docker compose -f docker-compose.test.yml up --exit-code-from sut',
  '      - docker/push:', //                           35
  '          image: acme/web',
  'workflows:',
  '  main:',
  '    jobs:',
  '      - test', //                                   40
  '      - image:',
  '          requires: [test]',
  '      - aws-ecr/build_and_push_image:',
  '          repo: api',
  '          path: services/api', //                   45
  '          context: aws',
  '      - aws-ecs/deploy_service_update:',
  '          name: deploy-staging',
  '          cluster: staging',
  '          context: [aws, staging]', //              50
  '      - aws-ecs/deploy_service_update:',
  '          name: deploy-production',
  '          context: aws-production',
);

describe('circleci', () => {
  test('executors, orbs as steps and as workflow jobs, remote docker and deploy names', () => {
    const { facts, findings } = runCi({ '.circleci/config.yml': CONFIG });
    expect(findings).toEqual([]);
    expect(facts.ci.configs).toEqual([{ system: 'circleci', path: '.circleci/config.yml' }]);
    expect(facts.ci.jobs.map((job) => [job.job, job.line])).toEqual([
      ['test', 12],
      ['image', 17],
      ['aws-ecr/build_and_push_image', 43],
      ['deploy-staging', 47],
      ['deploy-production', 51],
    ]);
    const [test, image, ecr, staging, production] = facts.ci.jobs;
    expect(brief(test)).toEqual([['job-image', 'docker', 'weak', 9]]);
    expect(image?.dockerDaemon).toEqual({ via: 'setup_remote_docker', line: 23 });
    expect(brief(image)).toEqual([
      ['job-image', 'docker', 'weak', 19],
      ['registry-login', 'docker/check', 'strong', 25],
      ['image-build', 'docker/build', 'strong', 26],
      ['test-in-image', 'docker compose up', 'strong', 34],
      ['image-push', 'docker/push', 'strong', 35],
    ]);
    expect(image?.activities[2]).toMatchObject({ context: 'services/web', dockerfile: 'services/web/Dockerfile', image: 'acme/web', pushes: false });
    expect(ecr?.activities).toEqual([
      { kind: 'image-build', confidence: 'strong', tool: 'aws-ecr/build_and_push_image', context: 'services/api', dockerfile: 'services/api/Dockerfile', image: 'api', pushes: true, path: '.circleci/config.yml', line: 43 },
    ]);
    expect(staging?.activities.map((a) => [a.kind, a.tool, a.environment])).toEqual([['deploy', 'aws-ecs/deploy_service_update', 'staging']]);
    expect(production?.activities.map((a) => [a.kind, a.environment])).toEqual([['deploy', 'production']]);
  });

  test('one job run twice with different contexts is two deploys; custom commands and when are followed', () => {
    const config = lines(
      'version: 2.1',
      'commands:',
      '  release:',
      '    steps:',
      '      - run: kubectl apply -k overlays/$OVERLAY', //  5
      'jobs:',
      '  deploy:',
      '    machine:',
      '      image: ubuntu-2204:current',
      '    steps:', //                                     10
      '      - when:',
      '          condition: << pipeline.git.branch >>',
      '          steps:',
      '            - release',
      'workflows:', //                                     15
      '  cd:',
      '    jobs:',
      '      - deploy:',
      '          name: deploy-qa',
      '          context: qa', //                          20
      '      - deploy:',
      '          name: ship-it',
      '          context: production',
    );
    const { facts } = runCi({ '.circleci/config.yml': config });
    expect(facts.ci.jobs.map((job) => [job.job, job.line, job.activities.map((a) => [a.tool, a.line, a.environment])])).toEqual([
      ['deploy-qa', 7, [['kubectl apply', 5, 'qa']]],
      ['ship-it', 7, [['kubectl apply', 5, 'production']]],
    ]);
  });

  test('a 2.0 config without workflows runs its jobs; an image built earlier as a job image is a test', () => {
    const config = lines(
      'version: 2',
      'jobs:',
      '  build:',
      '    docker: [{ image: "cimg/base:stable" }]',
      '    steps:',
      '      - setup_remote_docker',
      '      - run: docker build -t $ECR/app:$CIRCLE_SHA1 . && docker push $ECR/app:$CIRCLE_SHA1',
      '  smoke:',
      '    docker:',
      '      - image: $ECR/app:$CIRCLE_SHA1', //  10
      '    steps:',
      '      - run: { command: ./bin/smoke }',
    );
    const { facts } = runCi({ '.circleci/config.yml': config });
    expect(facts.ci.jobs.map((job) => [job.job, brief(job)])).toEqual([
      ['build', [['job-image', 'docker', 'weak', 4], ['image-build', 'docker build', 'strong', 7], ['image-push', 'docker push', 'strong', 7]]],
      ['smoke', [['test-in-image', 'docker', 'strong', 10]]],
    ]);
    expect(facts.ci.jobs[0]?.dockerDaemon).toEqual({ via: 'setup_remote_docker', line: 6 });
  });

  test('broken YAML and a config without version are findings, never crashes', () => {
    const broken = runCi({ '.circleci/config.yml': lines('version: 2.1', 'jobs:', '  build:', '    steps: [ checkout, { run: "make }') });
    expect(broken.findings.map((f) => [f.code, f.path])[0]).toEqual(['yaml-syntax', '.circleci/config.yml']);
    expect(broken.facts.ci.configs).toHaveLength(1);
    const noVersion = runCi({ '.circleci/config.yml': lines('jobs:', '  build:', '    docker: nope', '    steps:', '      - run: docker build .') });
    expect(noVersion.findings.map((f) => [f.code, f.line, f.args.kind])).toEqual([
      ['schema-mismatch', 1, 'CircleCI config'],
      ['schema-mismatch', 3, 'CircleCI config'],
    ]);
    expect(noVersion.facts.ci.jobs.map((job) => job.activities.map((a) => a.kind))).toEqual([['image-build']]);
  });
});
