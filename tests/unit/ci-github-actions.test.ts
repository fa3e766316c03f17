import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiJobFact } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]);
const jobNamed = (jobs: CiJobFact[], name: string) => jobs.find((job) => job.job === name);
const brief = (job: CiJobFact | undefined) => job?.activities.map((a) => [a.kind, a.tool, a.confidence, a.line]);

const RELEASE = lines(
  'name: release', //                                      1
  'on:',
  '  push:',
  '    branches: [main]',
  'env:', //                                                5
  '  REGISTRY: ghcr.io',
  'jobs:',
  '  test:',
  '    runs-on: ubuntu-latest',
  '    container: node:20-bookworm', //                       10
  '    services:',
  '      postgres:',
  '        image: postgres:16',
  '    steps:',
  '      - uses: actions/checkout@v4', //                     15
  '      - run: npm ci && npm test',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    outputs:',
  '      image: ${{ steps.meta.outputs.tags }}', //           20
  '    steps:',
  '      - uses: actions/checkout@v4',
  '      - name: Log in',
  '        uses: docker/login-action@v3',
  '        with:', //                                         25
  '          registry: ${{ env.REGISTRY }}',
  '      - id: meta',
  '        uses: docker/metadata-action@v5',
  '        with:',
  '          images: ${{ env.REGISTRY }}/acme/api', //        30
  '      - name: Build and push',
  '        uses: docker/build-push-action@v6',
  '        with:',
  '          context: ./api',
  '          file: ./api/Dockerfile.prod', //                 35
  "          push: ${{ github.event_name != 'pull_request' }}",
  '          tags: ${{ steps.meta.outputs.tags }}',
  '  e2e:',
  '    needs: build',
  '    runs-on: ubuntu-latest', //                            40
  '    container:',
  '      image: ${{ needs.build.outputs.image }}',
  '    steps:',
  '      - run: npm run test:e2e',
  '  deploy-staging:', //                                    45
  '    needs: build',
  '    runs-on: ubuntu-latest',
  '    environment:',
  '      name: staging',
  '      url: https://staging.example.com', //               50
  '    steps:',
  '      - name: Roll out',
  '        run: |',
  '          echo "deploying"',
  '          kubectl set image deployment/api api=ghcr.io/acme/api:${{ github.sha }}', // 55
  '',
  '          kubectl rollout status deployment/api',
);

describe('github actions', () => {
  test('lists the workflow and reads build, login, test and deploy jobs with their lines', () => {
    const { facts, findings } = runCi({ '.github/workflows/release.yml': RELEASE });
    expect(findings).toEqual([]);
    expect(facts.ci.configs).toEqual([{ system: 'github-actions', path: '.github/workflows/release.yml' }]);
    expect(facts.ci.jobs.map((job) => [job.job, job.line])).toEqual([['test', 8], ['build', 17], ['e2e', 38], ['deploy-staging', 45]]);
    const [test, build, e2e, deploy] = facts.ci.jobs;
    expect(brief(test)).toEqual([['job-image', 'container', 'weak', 10]]);
    expect(brief(build)).toEqual([
      ['registry-login', 'docker/login-action', 'strong', 24],
      ['image-build', 'docker/build-push-action', 'strong', 32],
    ]);
    expect(build?.activities[1]).toMatchObject({ context: 'api', dockerfile: 'api/Dockerfile.prod', pushes: true, image: 'ghcr.io/acme/api', path: '.github/workflows/release.yml' });
    expect(brief(e2e)).toEqual([['test-in-image', 'container', 'strong', 41]]);
    expect(deploy?.activities.map((a) => [a.kind, a.tool, a.confidence, a.line, a.environment])).toEqual([
      ['deploy', 'environment', 'strong', 48, 'staging'],
      ['deploy', 'kubectl set image', 'strong', 55, 'staging'],
      ['deploy', 'kubectl rollout', 'strong', 57, 'staging'],
    ]);
  });

  test('a service running the image built earlier is a test inside that image', () => {
    const workflow = lines(
      'on: push',
      'jobs:',
      '  image:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: docker build -t ghcr.io/acme/api:${{ github.sha }} . && docker push ghcr.io/acme/api:${{ github.sha }}',
      '  integration:',
      '    runs-on: ubuntu-latest',
      '    services:',
      '      api:',
      '        image: ghcr.io/acme/api:${{ github.sha }}',
      '      redis:',
      '        image: redis:7',
      '    steps:',
      '      - run: docker run --rm ghcr.io/acme/api:${{ github.sha }} pytest',
      '      - run: docker run --rm python:3.12 pytest',
    );
    const { facts } = runCi({ '.github/workflows/ci.yaml': workflow });
    expect(brief(jobNamed(facts.ci.jobs, 'image'))).toEqual([['image-build', 'docker build', 'strong', 6], ['image-push', 'docker push', 'strong', 6]]);
    expect(brief(jobNamed(facts.ci.jobs, 'integration'))).toEqual([
      ['test-in-image', 'services', 'strong', 10],
      ['test-in-image', 'docker run', 'strong', 15],
      ['test-in-image', 'docker run', 'weak', 16],
    ]);
  });

  test('working-directory and --target test; build-push-action without context builds the repository', () => {
    const workflow = lines(
      'on: [push]',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    defaults:',
      '      run:',
      '        working-directory: services/web',
      '    steps:',
      '      - run: docker build --target test -f Dockerfile .',
      '      - uses: docker/build-push-action@v5',
      '        with:',
      '          target: test',
      '          load: true',
      '      - working-directory: ${{ github.workspace }}/services/worker',
      '        run: >-',
      '          docker build',
      '          -t worker .',
    );
    const { facts } = runCi({ '.github/workflows/build.yml': workflow });
    const activities = facts.ci.jobs[0]?.activities ?? [];
    expect(activities.map((a) => [a.kind, a.line, a.context, a.dockerfile, a.pushes])).toEqual([
      ['image-build', 9, 'services/web', 'services/web/Dockerfile', false],
      ['test-in-image', 9, 'services/web', 'services/web/Dockerfile', undefined],
      ['image-build', 10, '.', undefined, false],
      ['test-in-image', 10, '.', undefined, undefined],
      ['image-build', 16, 'services/worker', undefined, false],
    ]);
  });

  test('local reusable workflows are followed with their inputs and attributed to their own file', () => {
    const caller = lines(
      'on: push',
      'jobs:',
      '  publish:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: docker buildx build --push -t registry.example.com/app:$GITHUB_SHA .',
      '  to-staging:',
      '    needs: publish',
      '    uses: ./.github/workflows/deploy.yml',
      '    with:',
      '      environment: staging',
      '    secrets: inherit',
    );
    const callee = lines(
      'on:',
      '  workflow_call:',
      '    inputs:',
      '      environment: { type: string, required: true }',
      'jobs:',
      '  rollout:',
      '    runs-on: ubuntu-latest',
      '    environment: ${{ inputs.environment }}',
      '    steps:',
      '      - run: helm upgrade --install app ./chart --set image.tag=$GITHUB_SHA',
    );
    const { facts } = runCi({ '.github/workflows/main.yml': caller, '.github/workflows/deploy.yml': callee });
    expect(facts.ci.configs.map((c) => c.path)).toEqual(['.github/workflows/deploy.yml', '.github/workflows/main.yml']);
    expect(facts.ci.jobs.map((job) => [job.file, job.job, job.line])).toEqual([
      ['.github/workflows/deploy.yml', 'to-staging / rollout', 6],
      ['.github/workflows/main.yml', 'publish', 3],
    ]);
    expect(facts.ci.jobs[0]?.activities.map((a) => [a.kind, a.tool, a.environment, a.path, a.line])).toEqual([
      ['deploy', 'environment', 'staging', '.github/workflows/deploy.yml', 8],
      ['deploy', 'helm upgrade', 'staging', '.github/workflows/deploy.yml', 10],
    ]);
  });

  test('a deploy job with no recognised command is a medium deploy; ssh actions deploy remotely', () => {
    const workflow = lines(
      'on: push',
      'jobs:',
      '  deploy-production:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: ./scripts/release.sh',
      '  server:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: appleboy/ssh-action@v1',
      '        with:',
      '          host: ${{ secrets.HOST }}',
      '          script: |',
      '            cd /srv/app',
      '            docker compose pull',
      '            docker compose up -d',
    );
    const { facts } = runCi({ '.github/workflows/cd.yml': workflow });
    expect(facts.ci.jobs.map((job) => job.activities.map((a) => [a.kind, a.tool, a.confidence, a.line, a.environment]))).toEqual([
      [['deploy', 'job name', 'medium', 3, 'production']],
      [['deploy', 'docker compose up', 'strong', 16, undefined]],
    ]);
  });

  test('broken YAML is a syntax finding with its position', () => {
    const { facts, findings } = runCi({ '.github/workflows/ci.yml': lines('on: push', 'jobs:', '  build:', '    steps: [', '      - run: make') });
    expect(facts.ci.configs).toHaveLength(1);
    expect(facts.ci.jobs).toEqual([]);
    expect(findings[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error', path: '.github/workflows/ci.yml', line: 5, column: 7 });
    expect(findings.every((f) => f.code === 'yaml-syntax' && typeof f.args.message === 'string')).toBe(true);
  });

  test('a wrong shape is reported where it is, and the rest of the file is still read', () => {
    const workflow = lines('on: push', 'jobs:', '  lint: just a string', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - run: docker build -t app .');
    const { facts, findings } = runCi({ '.github/workflows/ci.yml': workflow });
    expect(findings.map((f) => [f.code, f.line, f.args.kind])).toEqual([['schema-mismatch', 3, 'GitHub Actions workflow']]);
    expect(facts.ci.jobs.map((job) => [job.job, job.activities.length])).toEqual([['build', 1]]);
    const notAWorkflow = runCi({ '.github/workflows/x.yml': lines('- just', '- a list') });
    expect(notAWorkflow.findings.map((f) => [f.code, f.line])).toEqual([['schema-mismatch', 1]]);
    expect(notAWorkflow.facts.ci.jobs).toEqual([]);
  });

  test('files outside .github/workflows are not workflows', () => {
    const { facts } = runCi({ '.github/workflows/nested/x.yml': 'on: push\njobs: {}\n', '.github/dependabot.yml': 'version: 2\n' });
    expect(facts.ci.configs).toEqual([]);
  });
});
