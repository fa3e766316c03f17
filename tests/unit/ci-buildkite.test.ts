import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiJobFact } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]);
const brief = (job: CiJobFact | undefined) => job?.activities.map((a) => [a.kind, a.tool, a.confidence, a.line, a.environment ?? a.image ?? a.pushes]);

describe('buildkite', () => {
  test('docker-compose plugin builds, pushes and runs tests in the service; ecr logs in; a labelled deploy', () => {
    const { facts, findings } = runCi({
      '.buildkite/pipeline.yml': lines(
        'env:', // 1
        '  REGISTRY: 123.dkr.ecr.eu-west-1.amazonaws.com',
        'steps:',
        '  - label: ":docker: build"',
        '    key: build', // 5
        '    plugins:',
        '      - ecr#v2.9.0:',
        '          login: true',
        '      - docker-compose#v5.4.1:',
        '          build: app', // 10
        '          image-repository: 123.dkr.ecr.eu-west-1.amazonaws.com/app',
        '  - wait',
        '  - label: ":jest: tests"',
        '    command: yarn test',
        '    plugins:', // 15
        '      - docker-compose#v5.4.1:',
        '          run: app',
        '  - group: deploy',
        '    steps:',
        '      - label: ":rocket: Deploy to staging"', // 20
        '        branches: main',
        '        command: scripts/deploy.sh',
        '      - block: "Release to production?"',
      ),
      '.buildkite/docker-compose.yml': lines('services:', '  app:', '    build: .'),
      'scripts/deploy.sh': lines('#!/bin/bash', 'aws ecs update-service --cluster shop --service app --force-new-deployment'),
    });
    expect(findings).toEqual([]);
    expect(facts.ci.configs).toEqual([{ system: 'buildkite', path: '.buildkite/pipeline.yml' }]);
    expect(facts.ci.jobs.map((job) => [job.job, job.line, brief(job)])).toEqual([
      [':docker: build', 4, [['registry-login', 'ecr plugin', 'strong', 7, undefined], ['image-build', 'docker-compose plugin build', 'strong', 9, '123.dkr.ecr.eu-west-1.amazonaws.com/app']]],
      [':jest: tests', 13, [['test-in-image', 'docker-compose plugin run', 'strong', 16, 'app']]],
      [':rocket: Deploy to staging', 20, [['deploy', 'aws ecs update-service', 'strong', 2, 'staging']]],
    ]);
    expect(facts.ci.jobs[0]!.activities[1]!.pushes).toBe(true);
  });

  test('the docker plugin runs a step in an image; files without steps are not pipelines', () => {
    const { facts } = runCi({
      'buildkite.yml': lines('steps:', '  - command: go test ./...', '    plugins:', '      docker#v5.11.0:', '        image: golang:1.22'),
      '.buildkite/hooks.yml': lines('name: not a pipeline'),
    });
    expect(facts.ci.configs.map((c) => c.path)).toEqual(['buildkite.yml']);
    expect(brief(facts.ci.jobs[0])).toEqual([['job-image', 'docker plugin', 'weak', 4, 'golang:1.22']]);
  });
});
