import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]).facts.ci;

const APPLICATION = lines(
  'apiVersion: argoproj.io/v1alpha1', // 1
  'kind: Application',
  'metadata:',
  '  name: shop',
  '  namespace: argocd', // 5
  '  annotations:',
  '    argocd-image-updater.argoproj.io/image-list: api=ghcr.io/acme/shop-api',
  '    argocd-image-updater.argoproj.io/write-back-method: git',
  'spec:',
  '  source:', // 10
  '    path: deploy/overlays/staging',
  '  destination:',
  '    namespace: shop',
);
const FLUX = lines(
  'apiVersion: image.toolkit.fluxcd.io/v1beta2', // 1
  'kind: ImageRepository',
  'metadata: { name: web, namespace: flux-system }',
  'spec: { image: ghcr.io/acme/web }',
  '---', // 5
  'apiVersion: image.toolkit.fluxcd.io/v1beta2',
  'kind: ImagePolicy',
  'metadata: { name: web }',
  'spec: { imageRepositoryRef: { name: web }, policy: { semver: { range: ">=1.0.0" } } }',
  '---', // 10
  'apiVersion: image.toolkit.fluxcd.io/v1beta2',
  'kind: ImageUpdateAutomation',
  'metadata: { name: flux-system, namespace: flux-system }',
  'spec:',
  '  update: { path: ./clusters/production, strategy: Setters }', // 15
);

describe('gitops image updaters', () => {
  test('Argo CD Image Updater: a deploy of the listed image to the app`s environment, medium on its own', () => {
    const ci = runCi({ 'argocd/shop.yaml': APPLICATION });
    expect(ci.configs).toEqual([{ system: 'argo-cd', path: 'argocd/shop.yaml' }]);
    expect(ci.jobs.map((job) => [job.system, job.job, job.activities.map((a) => [a.kind, a.tool, a.confidence, a.line, a.image, a.environment])])).toEqual([
      ['argo-cd', 'shop', [['deploy', 'argocd-image-updater', 'medium', 7, 'ghcr.io/acme/shop-api', 'staging']]],
    ]);
  });

  test('strong once any pipeline is seen building the image it watches', () => {
    const ci = runCi({ 'argocd/shop.yaml': APPLICATION, '.gitlab-ci.yml': lines('b:', '  script: [docker build -t ghcr.io/acme/shop-api:$CI_COMMIT_SHA ., docker push ghcr.io/acme/shop-api:$CI_COMMIT_SHA]') });
    expect(ci.jobs.find((job) => job.system === 'argo-cd')!.activities.map((a) => a.confidence)).toEqual(['strong']);
  });

  test('an updater under examples or fixtures stays weak, even when a pipeline builds the image it watches', () => {
    const ci = runCi({ 'examples/argocd/shop.yaml': APPLICATION, '.gitlab-ci.yml': lines('b:', '  script: [docker build -t ghcr.io/acme/shop-api:$CI_COMMIT_SHA ., docker push ghcr.io/acme/shop-api:$CI_COMMIT_SHA]') });
    expect(ci.jobs.find((job) => job.system === 'argo-cd')!.activities.map((a) => a.confidence)).toEqual(['weak']);
  });

  test('a build under fixtures does not confirm an updater', () => {
    const build = lines('steps:', '  - script: docker build -t ghcr.io/acme/shop-api:1 . && docker push ghcr.io/acme/shop-api:1');
    const ci = runCi({ 'argocd/shop.yaml': APPLICATION, 'tests/fixtures/ci/azure-pipelines.yml': build });
    expect(ci.jobs.find((job) => job.file === 'tests/fixtures/ci/azure-pipelines.yml')!.activities.map((a) => [a.kind, a.image, a.confidence])).toEqual([
      ['image-build', 'ghcr.io/acme/shop-api:1', 'weak'],
      ['image-push', 'ghcr.io/acme/shop-api:1', 'weak'],
    ]);
    expect(ci.jobs.find((job) => job.system === 'argo-cd')!.activities.map((a) => a.confidence)).toEqual(['medium']);
    // The same pipeline at the root confirms it.
    const atRoot = runCi({ 'argocd/shop.yaml': APPLICATION, 'azure-pipelines.yml': build });
    expect(atRoot.jobs.find((job) => job.system === 'argo-cd')!.activities.map((a) => a.confidence)).toEqual(['strong']);
  });

  test('Flux image automation: the images its policies watch, the environment of the path it updates', () => {
    const ci = runCi({ 'clusters/production/image-automation.yaml': FLUX, 'README.md': 'ImageUpdateAutomation' });
    expect(ci.jobs.map((job) => [job.system, job.job, job.line, job.activities.map((a) => [a.kind, a.confidence, a.line, a.image, a.environment])])).toEqual([
      ['flux', 'flux-system', 12, [['deploy', 'medium', 15, 'ghcr.io/acme/web', 'production']]],
    ]);
  });

  test('an Application without the updater annotation is no deploy of its own', () => {
    expect(runCi({ 'app.yaml': APPLICATION.replace(/ {4}argocd-image-updater.*\n/g, '') }).jobs).toEqual([]);
  });
});
