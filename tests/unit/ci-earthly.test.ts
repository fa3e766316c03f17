import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiActivity } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]).facts.ci;
const brief = (activities: CiActivity[] = []) => activities.map((a) => [a.kind, a.tool, a.confidence, a.path, a.line, a.image, a.pushes]);

const EARTHFILE = lines(
  'VERSION 0.8', // 1
  'ARG --global REGISTRY=ghcr.io/acme',
  'deps:',
  '    FROM node:20',
  '    COPY package.json ./', // 5
  'docker:',
  '    FROM DOCKERFILE -f api/Dockerfile api',
  '    SAVE IMAGE --push $REGISTRY/api:latest',
  'test:',
  '    FROM earthly/dind:alpine', // 10
  '    WITH DOCKER --load api:test=+docker',
  '        RUN docker run --rm api:test npm test',
  '    END',
  'deploy:',
  '    BUILD +docker', // 15
  '    RUN --push kubectl -n staging rollout restart deploy/api',
  'ci:',
  '    PIPELINE --push',
  '    TRIGGER push main',
  '    BUILD +test', // 20
  '    BUILD +deploy',
);

describe('earthly', () => {
  test('a CI job running earthly reads the target: SAVE IMAGE pushes only with --push', () => {
    const pushed = runCi({ '.gitlab-ci.yml': lines('release:', '  script: [earthly --ci --push +docker]'), Earthfile: EARTHFILE });
    expect(brief(pushed.jobs[0]!.activities)).toEqual([['image-build', 'earthly SAVE IMAGE', 'strong', 'Earthfile', 8, 'ghcr.io/acme/api:latest', true]]);
    expect(pushed.jobs[0]!.activities[0]!.dockerfile).toBe('api/Dockerfile');
    const local = runCi({ '.gitlab-ci.yml': lines('build:', '  script: [earthly +docker]'), Earthfile: EARTHFILE });
    expect(local.jobs[0]!.activities.map((a) => a.pushes)).toEqual([false]);
  });

  test('WITH DOCKER --load tests the loaded image; RUN --push deploys only with --push', () => {
    const ci = runCi({ '.github/workflows/ci.yml': lines('on: push', 'jobs:', '  ci:', '    runs-on: ubuntu-latest', '    steps:', '      - run: earthly +test', '      - run: earthly --push +deploy'), Earthfile: EARTHFILE });
    expect(ci.jobs[0]!.activities.map((a) => [a.kind, a.line, a.environment])).toEqual([
      ['image-build', 8, undefined],
      ['image-build', 8, undefined],
      ['test-in-image', 12, undefined],
      ['deploy', 16, 'staging'],
    ]);
  });

  test('PIPELINE targets are CI jobs of their own; a missing Earthfile leaves a medium build', () => {
    const ci = runCi({ Earthfile: EARTHFILE, '.gitlab-ci.yml': lines('x:', '  script: [earthly ./missing+image]') });
    expect(ci.configs).toEqual([{ system: 'gitlab-ci', path: '.gitlab-ci.yml' }, { system: 'earthly', path: 'Earthfile' }]);
    const pipeline = ci.jobs.find((job) => job.system === 'earthly')!;
    expect([pipeline.job, pipeline.line, pipeline.activities.map((a) => [a.kind, a.line])]).toEqual(['+ci', 17, [['image-build', 8], ['test-in-image', 12], ['deploy', 16]]]);
    expect(brief(ci.jobs.find((job) => job.system === 'gitlab-ci')!.activities)).toEqual([['image-build', 'earthly', 'medium', '.gitlab-ci.yml', 2, undefined, false]]);
  });
});
