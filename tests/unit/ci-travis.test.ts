import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiJobFact } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]);
const brief = (job: CiJobFact | undefined) => job?.activities.map((a) => [a.kind, a.tool, a.confidence, a.path, a.line, a.environment ?? a.image ?? a.context]);

const TRAVIS = lines(
  'language: minimal', // 1
  'services:',
  '  - docker',
  'env:',
  '  global:', // 5
  '    - IMAGE=acme/shop',
  'before_install:',
  '  - echo "$DOCKER_PASSWORD" | docker login -u "$DOCKER_USERNAME" --password-stdin',
  'script:',
  '  - docker build -t $IMAGE:$TRAVIS_COMMIT .', // 10
  '  - docker run --rm $IMAGE:$TRAVIS_COMMIT npm test',
  'after_success:',
  '  - docker push $IMAGE:$TRAVIS_COMMIT',
  'deploy:',
  '  - provider: script', // 15
  '    script: bash scripts/deploy.sh qa',
  '    on:',
  '      branch: develop',
  '  - provider: pages',
  '    skip_cleanup: true', // 20
);

describe('travis ci', () => {
  test('the root job: phases in order, docker service, tests in the built image, a scripted deploy', () => {
    const { facts, findings } = runCi({ '.travis.yml': TRAVIS, 'scripts/deploy.sh': lines('#!/bin/bash', 'helm upgrade --install shop ./chart --set image.tag=$TRAVIS_COMMIT') });
    expect(findings).toEqual([]);
    expect(facts.ci.configs).toEqual([{ system: 'travis', path: '.travis.yml' }]);
    const [job] = facts.ci.jobs;
    expect([job!.job, job!.line, job!.dockerDaemon]).toEqual(['build', 1, { via: 'services: docker', line: 2 }]);
    expect(brief(job)).toEqual([
      ['registry-login', 'docker login', 'strong', '.travis.yml', 8, undefined],
      ['image-build', 'docker build', 'strong', '.travis.yml', 10, '$IMAGE:$TRAVIS_COMMIT'],
      ['test-in-image', 'docker run', 'strong', '.travis.yml', 11, '$IMAGE:$TRAVIS_COMMIT'],
      ['image-push', 'docker push', 'strong', '.travis.yml', 13, '$IMAGE:$TRAVIS_COMMIT'],
      ['deploy', 'helm upgrade', 'strong', 'scripts/deploy.sh', 2, 'qa'],
    ]);
  });

  test('jobs.include: each stage job runs the root phases it does not replace', () => {
    const { facts } = runCi({
      '.travis.yml': lines(
        'language: node_js',
        'script: npm test',
        'jobs:',
        '  include:',
        '    - stage: build image', // 5
        '      script: docker build -t acme/app .',
        '    - stage: deploy staging',
        '      script: skip',
        '      deploy:',
        '        provider: script', // 10
        '        script: kubectl -n staging set image deploy/app app=acme/app:$TRAVIS_TAG',
        '        on:',
        '          tags: true',
      ),
    });
    expect(facts.ci.jobs.map((job) => [job.job, brief(job)])).toEqual([
      ['build', []],
      ['build image 1', [['image-build', 'docker build', 'strong', '.travis.yml', 6, 'acme/app']]],
      ['deploy staging 2', [['deploy', 'kubectl set image', 'strong', '.travis.yml', 11, 'staging']]],
    ]);
  });

  test('a broken file is a finding, never a throw', () => {
    const { findings } = runCi({ '.travis.yml': 'script: [\n' });
    expect(findings.map((f) => [f.code, f.path])).toEqual([['yaml-syntax', '.travis.yml']]);
  });
});
