import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiActivity } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]).facts.ci;
/** [kind, tool, path, line] plus the fields a test names. */
const brief = (activities: CiActivity[], ...fields: Array<keyof CiActivity>) =>
  activities.map((a) => [a.kind, a.tool, a.path, a.line, ...fields.map((field) => a[field])]);

const gitlab = (...script: string[]) => lines('build:', '  script:', ...script.map((line) => `    - ${line}`));

describe('scripts CI calls are followed one level', () => {
  test('a shell script: its commands count, with its own path and lines, for the calling job', () => {
    const ci = runCi({
      '.gitlab-ci.yml': gitlab('./scripts/build.sh'),
      'scripts/build.sh': lines(
        '#!/usr/bin/env bash', // 1
        'set -euo pipefail',
        'IMAGE="registry.example.com/acme/api:${CI_COMMIT_SHA:-dev}"',
        'docker build -t "$IMAGE" api', // 4
        'docker push "$IMAGE"', // 5
      ),
    });
    expect(ci.jobs.map((job) => job.job)).toEqual(['build']);
    expect(brief(ci.jobs[0]!.activities, 'context', 'image', 'confidence')).toEqual([
      ['image-build', 'docker build', 'scripts/build.sh', 4, 'api', 'registry.example.com/acme/api:${CI_COMMIT_SHA:-dev}', 'strong'],
      ['image-push', 'docker push', 'scripts/build.sh', 5, undefined, 'registry.example.com/acme/api:${CI_COMMIT_SHA:-dev}', 'strong'],
    ]);
  });

  test('arguments fill $1 and name the environment; the script directory is known from $0', () => {
    const ci = runCi({
      '.github/workflows/cd.yml': lines('on: push', 'jobs:', '  cd:', '    runs-on: ubuntu-latest', '    steps:', '      - run: bash ci/deploy.sh staging'),
      'ci/deploy.sh': lines(
        '#!/bin/sh',
        'cd "$(dirname "$0")/.."',
        'ENV="${1:?usage: deploy.sh ENV}"',
        'docker build -t acme/web ./web', // 4
        'helm upgrade --install web ./chart -n "web-$ENV"', // 5
        'kubectl rollout status deploy/web', // 6
      ),
    });
    expect(brief(ci.jobs[0]!.activities, 'context', 'environment')).toEqual([
      ['image-build', 'docker build', 'ci/deploy.sh', 4, 'web', undefined],
      ['deploy', 'helm upgrade', 'ci/deploy.sh', 5, undefined, 'staging'],
      ['deploy', 'kubectl rollout', 'ci/deploy.sh', 6, undefined, 'staging'],
    ]);
  });

  test('a Makefile target with its prerequisites, $(MAKE) calls and variables', () => {
    const ci = runCi({
      '.gitlab-ci.yml': gitlab('make release TAG=$CI_COMMIT_SHA'),
      Makefile: lines(
        'IMAGE ?= ghcr.io/acme/shop', // 1
        'TAG ?= latest',
        '.PHONY: image push release',
        'image:', // 4
        '\tdocker build -t $(IMAGE):$(TAG) .', // 5
        'push: image',
        '\t@docker push $(IMAGE):$(TAG)', // 7
        'release:',
        '\t$(MAKE) push', // 9
        'test:',
        '\tgo test ./...',
      ),
    });
    expect(brief(ci.jobs[0]!.activities, 'image')).toEqual([
      ['image-build', 'docker build', 'Makefile', 5, 'ghcr.io/acme/shop:$CI_COMMIT_SHA'],
      ['image-push', 'docker push', 'Makefile', 7, 'ghcr.io/acme/shop:$CI_COMMIT_SHA'],
    ]);
  });

  test('make -C and the default target; npm scripts from package.json', () => {
    const ci = runCi({
      'bitbucket-pipelines.yml': lines('pipelines:', '  default:', '    - step:', '        script:', '          - make -C services/api', '          - npm run docker:push'),
      'services/api/Makefile': lines('all: docker', 'docker:', '\tdocker build -t api .'),
      'package.json': lines('{', '  "scripts": {', '    "docker:push": "docker compose push"', '  }', '}'),
    });
    expect(brief(ci.jobs[0]!.activities, 'context')).toEqual([
      ['image-push', 'docker compose push', 'package.json', 3, undefined],
      ['image-build', 'docker build', 'services/api/Makefile', 3, 'services/api'],
    ]);
  });

  test('one level only: what a followed script calls is judged by its name', () => {
    const ci = runCi({
      '.gitlab-ci.yml': gitlab('./ci/release.sh'),
      'ci/release.sh': lines('#!/bin/bash', './ci/docker-build.sh', './ci/unknown.sh'),
      'ci/docker-build.sh': lines('#!/bin/bash', 'docker build -t x .'),
    });
    expect(brief(ci.jobs[0]!.activities, 'confidence')).toEqual([['image-build', './ci/docker-build.sh', 'ci/release.sh', 2, 'medium']]);
  });

  test('a script that is missing, or says nothing about containers, is judged by its name', () => {
    const ci = runCi({
      '.gitlab-ci.yml': gitlab('./scripts/deploy-staging.sh', './scripts/lint.sh'),
      'scripts/lint.sh': lines('#!/bin/sh', 'eslint .'),
    });
    expect(brief(ci.jobs[0]!.activities, 'confidence', 'environment')).toEqual([['deploy', './scripts/deploy-staging.sh', '.gitlab-ci.yml', 3, 'medium', 'staging']]);
  });

  test('never a loop and never outside the repository', () => {
    const ci = runCi({
      '.gitlab-ci.yml': gitlab('./a.sh', 'bash ../outside.sh', '/usr/local/bin/build.sh', 'make loop'),
      'a.sh': lines('#!/bin/sh', './a.sh', 'docker build .'),
      Makefile: lines('loop: loop', '\t$(MAKE) loop', '\tdocker build -t loop .'),
    });
    expect(brief(ci.jobs[0]!.activities)).toEqual([
      ['image-build', 'docker build', 'Makefile', 3],
      ['image-build', 'docker build', 'a.sh', 3],
    ]);
  });
});
