import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]).facts.ci;

const SKAFFOLD = lines(
  'apiVersion: skaffold/v4beta11', // 1
  'kind: Config',
  'build:',
  '  artifacts:',
  '    - image: europe-docker.pkg.dev/acme/shop/api', // 5
  '      context: services/api',
  '    - image: europe-docker.pkg.dev/acme/shop/web',
  '      context: services/web',
  '      docker:',
  '        dockerfile: Dockerfile.prod', // 10
  'manifests:',
  '  kustomize:',
  '    paths: [k8s/base]',
  'profiles:',
  '  - name: staging', // 15
  '    manifests:',
  '      kustomize:',
  '        paths: [k8s/overlays/staging]',
  '  - name: prod',
  '    manifests:', // 20
  '      kustomize:',
  '        paths: [k8s/overlays/prod]',
);

describe('skaffold', () => {
  test('on its own, skaffold.yaml says what it would build and deploy: weak, never deciding', () => {
    const ci = runCi({ 'skaffold.yaml': SKAFFOLD });
    expect(ci.configs).toEqual([{ system: 'skaffold', path: 'skaffold.yaml' }]);
    expect(ci.jobs[0]!.activities.map((a) => [a.kind, a.confidence, a.line, a.context ?? a.environment])).toEqual([
      ['image-build', 'weak', 5, 'services/api'],
      ['image-build', 'weak', 7, 'services/web'],
      ['deploy', 'weak', 15, 'staging'],
      ['deploy', 'weak', 19, 'prod'],
    ]);
  });

  test('`skaffold run -p staging` in CI builds each artifact (pushed) and deploys to the profile', () => {
    const ci = runCi({ 'skaffold.yaml': SKAFFOLD, '.gitlab-ci.yml': lines('deploy:', '  script:', '    - skaffold run -p staging --default-repo=$REGISTRY') });
    const job = ci.jobs.find((j) => j.system === 'gitlab-ci')!;
    expect(job.activities.map((a) => [a.kind, a.tool, a.confidence, a.path, a.line, a.context ?? a.environment, a.dockerfile, a.pushes])).toEqual([
      ['deploy', 'skaffold run', 'strong', '.gitlab-ci.yml', 3, 'staging', undefined, undefined],
      ['image-build', 'skaffold run', 'strong', 'skaffold.yaml', 5, 'services/api', 'services/api/Dockerfile', true],
      ['image-build', 'skaffold run', 'strong', 'skaffold.yaml', 7, 'services/web', 'services/web/Dockerfile.prod', true],
    ]);
  });

  test('local.push: false keeps built images local unless --push says otherwise', () => {
    const config = lines('apiVersion: skaffold/v4beta11', 'kind: Config', 'build:', '  local: { push: false }', '  artifacts: [{ image: app }]');
    const plain = runCi({ 'skaffold.yaml': config, '.gitlab-ci.yml': lines('b:', '  script: [skaffold build]') });
    const pushed = runCi({ 'skaffold.yaml': config, '.gitlab-ci.yml': lines('b:', '  script: [skaffold build --push]') });
    const pushes = (ci: ReturnType<typeof runCi>) => ci.jobs.find((j) => j.system === 'gitlab-ci')!.activities.map((a) => a.pushes);
    expect([pushes(plain), pushes(pushed)]).toEqual([[false], [true]]);
  });
});
