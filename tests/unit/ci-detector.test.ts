import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import { dockerfilesDetector } from '../../src/detectors/dockerfiles.js';
import { CHECKS_BY_ID } from '../../src/checks/registry.js';
import type { z } from 'zod';

describe('ci detector', () => {
  test('runs every system and sorts jobs by file, then line', () => {
    const { facts } = detect(
      {
        '.gitlab-ci.yml': lines('late:', '  script: [docker push acme/app]', 'early:', '  script: [docker build -t acme/app .]'),
        '.github/workflows/ci.yml': lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - run: docker build .'),
        Jenkinsfile: lines('pipeline {', '  stages {', "    stage('Deploy') { steps { sh 'helm upgrade --install app ./chart' } }", '  }', '}'),
        'bitbucket-pipelines.yml': lines('pipelines:', '  default:', '    - step: { script: [docker build .] }'),
        'azure-pipelines.yml': lines('steps:', '  - script: docker build .'),
        '.circleci/config.yml': lines('version: 2.1', 'jobs:', '  b:', '    docker: [{ image: cimg/base:current }]', '    steps: [checkout]'),
      },
      [ciDetector],
    );
    expect(facts.ci.configs).toEqual([
      { system: 'github-actions', path: '.github/workflows/ci.yml' },
      { system: 'gitlab-ci', path: '.gitlab-ci.yml' },
      { system: 'circleci', path: '.circleci/config.yml' },
      { system: 'jenkins', path: 'Jenkinsfile' },
      { system: 'azure-pipelines', path: 'azure-pipelines.yml' },
      { system: 'bitbucket-pipelines', path: 'bitbucket-pipelines.yml' },
    ]);
    expect(facts.ci.jobs.map((job) => [job.file, job.line, job.job])).toEqual([
      ['.circleci/config.yml', 3, 'b'],
      ['.github/workflows/ci.yml', 3, 'build'],
      ['.gitlab-ci.yml', 1, 'late'],
      ['.gitlab-ci.yml', 3, 'early'],
      ['Jenkinsfile', 3, 'Deploy'],
      ['azure-pipelines.yml', 1, 'steps'],
      ['bitbucket-pipelines.yml', 3, 'default: step 1'],
    ]);
  });

  test('pipelines under examples, fixtures or docs are listed with weak activities and never pass a CI step', () => {
    const build = lines('steps:', '  - script: docker build -t acme/app . && docker push acme/app');
    const { facts } = detect({ 'tests/fixtures/aks/azure-pipelines.yml': build, 'examples/run/cloudbuild.yaml': lines('steps:', '  - name: gcr.io/cloud-builders/docker', '    args: [build, -t, gcr.io/p/app, .]') }, [ciDetector]);
    expect(facts.ci.jobs.map((job) => [job.file, job.activities.map((a) => [a.kind, a.confidence])])).toEqual([
      ['examples/run/cloudbuild.yaml', [['image-build', 'weak']]],
      ['tests/fixtures/aks/azure-pipelines.yml', [['image-build', 'weak'], ['image-push', 'weak']]],
    ]);
    const check = CHECKS_BY_ID.get('ci-builds-images')!;
    expect(check.run({ facts, findings: [] }, (check.params as z.ZodType).parse({})).status).toBe('fail');
    const root = detect({ 'azure-pipelines.yml': build }, [ciDetector]).facts;
    expect(root.ci.jobs.flatMap((job) => job.activities.map((a) => a.confidence))).toEqual(['strong', 'strong']);
  });

  test('a repository without CI has no configs and no jobs', () => {
    expect(detect({ 'README.md': '# docker build .\n' }, [ciDetector]).facts.ci).toEqual({ configs: [], jobs: [] });
  });

  test.each([
    ['.github/workflows/x.yml', lines('on: push', 'jobs:', '  a: { steps: [null, 5, { run: null }, { uses: 5 }], container: 5, services: [1], environment: { name: 5 } }', '  b: { uses: ./.github/workflows/x.yml }')],
    ['.github/workflows/empty.yml', ''],
    ['.gitlab-ci.yml', lines('include: 5', 'default: []', 'j:', '  extends: 5', '  script: [[a], [.j, script], 7, null]', '  services: [5, { alias: x }]', '  environment: { name: 5, action: 3 }', '  image: { entrypoint: [""] }')],
    ['.gitlab-ci.yml', lines('---', '---')],
    ['.circleci/config.yml', lines('version: 2.1', 'orbs: 5', 'executors: []', 'jobs:', '  a: { executor: { name: 5 }, steps: [5, null, { run: null }, { when: 5 }, { a/b: 1 }] }', 'workflows:', '  version: 2', '  w: { jobs: [5, { a: null }, { x: 1, y: 2 }, "a"] }')],
    ['azure-pipelines.yml', lines('resources: { containers: 5 }', 'variables: [5, { name: x }]', 'stages: [{ stage: s, jobs: 5 }, { template: 5 }]', 'jobs: [{ job: j, steps: [{ task: 5 }, { script: 5 }, { task: Docker@2, inputs: 5 }], strategy: 5 }]')],
    ['bitbucket-pipelines.yml', lines('pipelines:', '  default: [5, { step: null }, { parallel: 5 }, { stage: 5 }, { step: { script: [5, { pipe: 5 }], services: 5, deployment: 5 } }]', '  custom: { a: { steps: 5 } }')],
    ['Jenkinsfile', lines('}}}} stage( docker.build( sh """ \'\'\' /* ', " sh 'docker push")],
  ])('odd shapes in %s never throw', (path, content) => {
    expect(() => detect({ [path]: content }, [ciDetector])).not.toThrow();
  });

  test('the Dockerfiles detector learns the files and contexts CI builds with', () => {
    const workflow = lines(
      'on: push',
      'jobs:',
      '  image:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: docker build -f build/api.containerfile -t api services/api',
    );
    const { facts } = detect(
      { '.github/workflows/ci.yml': workflow, 'build/api.containerfile': 'FROM node:20\nUSER node\n', 'services/api/package.json': '{}' },
      [ciDetector, dockerfilesDetector],
    );
    expect(facts.dockerfiles.map((d) => [d.path, d.contexts])).toEqual([['build/api.containerfile', ['services/api']]]);
  });
});
