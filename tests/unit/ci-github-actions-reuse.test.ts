import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiActivity } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]);
const brief = (activities: CiActivity[], ...fields: Array<keyof CiActivity>) =>
  activities.map((a) => [a.kind, a.tool, a.path, a.line, ...fields.map((field) => a[field])]);

describe('github actions: matrices', () => {
  test('a scalar matrix builds each value, include adds to it, exclude takes away', () => {
    const { facts } = runCi({
      '.github/workflows/images.yml': lines(
        'on: push',
        'jobs:',
        '  image:',
        '    runs-on: ubuntu-latest',
        '    strategy:', // 5
        '      matrix:',
        '        service: [api, web, worker]',
        '        include:',
        '          - service: web',
        '            dockerfile: web/Dockerfile.prod', // 10
        '        exclude:',
        '          - service: worker',
        '    steps:',
        '      - uses: docker/build-push-action@v6',
        '        with:', // 15
        '          context: ./${{ matrix.service }}',
        '          file: ${{ matrix.dockerfile }}',
        '          push: true',
        '          tags: ghcr.io/acme/${{ matrix.service }}:latest',
      ),
    });
    expect(brief(facts.ci.jobs[0]!.activities, 'context', 'dockerfile', 'image', 'pushes')).toEqual([
      ['image-build', 'docker/build-push-action', '.github/workflows/images.yml', 14, 'api', undefined, 'ghcr.io/acme/api:latest', true],
      ['image-build', 'docker/build-push-action', '.github/workflows/images.yml', 14, 'web', 'web/Dockerfile.prod', 'ghcr.io/acme/web:latest', true],
    ]);
  });

  test('a matrix of environments deploys to each; an expression matrix is read once, as written', () => {
    const { facts } = runCi({
      '.github/workflows/cd.yml': lines(
        'on: push',
        'jobs:',
        '  deploy:',
        '    strategy:',
        '      matrix:', // 5
        '        env: [staging, production]',
        '    environment: ${{ matrix.env }}',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: helm upgrade --install app ./chart', // 10
        '  dynamic:',
        '    strategy:',
        '      matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}',
        '    runs-on: ubuntu-latest',
        '    steps:', // 15
        '      - run: docker build ${{ matrix.dir }}',
      ),
    });
    const [deploy, dynamic] = facts.ci.jobs;
    expect(brief(deploy!.activities, 'environment', 'confidence')).toEqual([
      ['deploy', 'environment', '.github/workflows/cd.yml', 7, 'staging', 'strong'],
      ['deploy', 'environment', '.github/workflows/cd.yml', 7, 'production', 'strong'],
      ['deploy', 'helm upgrade', '.github/workflows/cd.yml', 10, 'staging', 'strong'],
      ['deploy', 'helm upgrade', '.github/workflows/cd.yml', 10, 'production', 'strong'],
    ]);
    expect(brief(dynamic!.activities)).toEqual([['image-build', 'docker build', '.github/workflows/cd.yml', 16]]);
  });
});

describe('github actions: local composite actions', () => {
  const ACTION = lines(
    'name: Build image', // 1
    'inputs:',
    '  context:',
    '    default: .',
    '  push:', // 5
    '    default: "false"',
    'runs:',
    '  using: composite',
    '  steps:',
    '    - uses: docker/login-action@v3', // 10
    '    - uses: docker/build-push-action@v6',
    '      with:',
    '        context: ${{ inputs.context }}',
    '        push: ${{ inputs.push }}',
    '        tags: ${{ env.REGISTRY }}/shop:${{ github.sha }}', // 15
    '    - shell: bash',
    '      run: ./scripts/smoke.sh ${{ inputs.context }}',
  );

  test('its steps run with the caller`s inputs and env, at the action file`s lines', () => {
    const { facts, findings } = runCi({
      '.github/workflows/ci.yml': lines('on: push', 'env:', '  REGISTRY: ghcr.io/acme', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', '      - uses: ./.github/actions/build-image', '        with:', '          context: services/shop', '          push: true'),
      '.github/actions/build-image/action.yml': ACTION,
      'scripts/smoke.sh': lines('#!/bin/sh', 'docker run --rm ghcr.io/acme/shop:test npm test'),
    });
    expect(findings).toEqual([]);
    expect(facts.ci.configs.map((c) => c.path)).toEqual(['.github/actions/build-image/action.yml', '.github/workflows/ci.yml']);
    expect(brief(facts.ci.jobs[0]!.activities, 'context', 'image', 'pushes')).toEqual([
      ['registry-login', 'docker/login-action', '.github/actions/build-image/action.yml', 10, undefined, undefined, undefined],
      ['image-build', 'docker/build-push-action', '.github/actions/build-image/action.yml', 11, 'services/shop', 'ghcr.io/acme/shop:${{ github.sha }}', true],
      ['test-in-image', 'docker run', 'scripts/smoke.sh', 2, undefined, 'ghcr.io/acme/shop:test', undefined],
    ]);
  });

  test('defaults apply when the caller gives no input; a missing or non-composite action reads as nothing', () => {
    const { facts } = runCi({
      '.github/workflows/ci.yml': lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: ./.github/actions/build-image', '      - uses: ./.github/actions/missing', '      - uses: ./.github/actions/js'),
      '.github/actions/build-image/action.yml': ACTION,
      '.github/actions/js/action.yaml': lines('runs:', '  using: node20', '  main: index.js'),
    });
    expect(brief(facts.ci.jobs[0]!.activities, 'context', 'pushes').filter((a) => a[0] === 'image-build')).toEqual([
      ['image-build', 'docker/build-push-action', '.github/actions/build-image/action.yml', 11, '.', false],
    ]);
  });

  test('an action that uses itself is read once', () => {
    const { facts } = runCi({
      '.github/workflows/ci.yml': lines('on: push', 'jobs:', '  a:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: ./loop'),
      'loop/action.yml': lines('runs:', '  using: composite', '  steps:', '    - uses: ./loop', '    - run: docker build .', '      shell: bash'),
    });
    expect(brief(facts.ci.jobs[0]!.activities)).toEqual([['image-build', 'docker build', 'loop/action.yml', 5]]);
  });
});

describe('github actions: reusable workflows of other repositories', () => {
  test('judged by their name and inputs, with medium confidence', () => {
    const { facts } = runCi({
      '.github/workflows/release.yml': lines(
        'on: push',
        'jobs:',
        '  image:',
        '    uses: acme/shared-workflows/.github/workflows/docker-build.yml@v3',
        '    with:', // 5
        '      image-names: ghcr.io/acme/api',
        '      context: ./api',
        '    secrets: inherit',
        '  local-build:',
        '    uses: acme/shared-workflows/.github/workflows/build-image.yml@v3', // 10
        '    with:',
        '      image_name: api',
        '      push: false',
        '  deploy-staging:',
        '    uses: acme/shared-workflows/.github/workflows/deploy-k8s.yml@v3', // 15
        '    with:',
        '      environment: staging',
        '  lint:',
        '    uses: acme/shared-workflows/.github/workflows/lint.yml@v3',
      ),
    });
    const [image, local, deploy, lint] = facts.ci.jobs;
    expect(brief(image!.activities, 'context', 'image', 'pushes', 'confidence')).toEqual([
      ['image-build', 'acme/shared-workflows/.github/workflows/docker-build.yml', '.github/workflows/release.yml', 4, 'api', 'ghcr.io/acme/api', true, 'medium'],
    ]);
    expect(brief(local!.activities, 'pushes')).toEqual([['image-build', 'acme/shared-workflows/.github/workflows/build-image.yml', '.github/workflows/release.yml', 10, false]]);
    expect(brief(deploy!.activities, 'environment', 'confidence')).toEqual([['deploy', 'acme/shared-workflows/.github/workflows/deploy-k8s.yml', '.github/workflows/release.yml', 15, 'staging', 'medium']]);
    expect(lint!.activities).toEqual([]);
  });
});
