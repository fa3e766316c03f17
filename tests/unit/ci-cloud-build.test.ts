import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiJobFact } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]);
const brief = (job: CiJobFact | undefined) => job?.activities.map((a) => [a.kind, a.tool, a.confidence, a.line, a.context ?? a.environment ?? a.image]);

const CLOUDBUILD = lines(
  'substitutions:', // 1
  '  _IMAGE: europe-docker.pkg.dev/$PROJECT_ID/shop/api',
  'steps:',
  '  - id: build',
  "    name: gcr.io/cloud-builders/docker", // 5
  "    args: ['build', '-t', '${_IMAGE}:$SHORT_SHA', '-f', 'api/Dockerfile', 'api']",
  '  - id: unit-tests',
  "    name: '${_IMAGE}:$SHORT_SHA'",
  '    entrypoint: npm',
  "    args: ['test']", // 10
  '  - id: push',
  '    name: gcr.io/cloud-builders/docker',
  "    args: ['push', '${_IMAGE}:$SHORT_SHA']",
  '  - id: deploy-staging',
  '    name: gcr.io/google.com/cloudsdktool/cloud-sdk:slim', // 15
  '    entrypoint: bash',
  '    args:',
  '      - -c',
  '      - |',
  '        gcloud run deploy shop-api-staging \\', // 20
  '          --image ${_IMAGE}:$SHORT_SHA --region europe-west1',
  'images:',
  "  - '${_IMAGE}:$SHORT_SHA'",
);

describe('google cloud build', () => {
  test('builder steps as commands, a step in the built image, images: as pushes, a scripted deploy', () => {
    const { facts, findings } = runCi({ 'cloudbuild.yaml': CLOUDBUILD });
    expect(findings).toEqual([]);
    expect(facts.ci.configs).toEqual([{ system: 'cloud-build', path: 'cloudbuild.yaml' }]);
    expect(facts.ci.jobs.map((job) => [job.job, brief(job)])).toEqual([
      ['build', [['image-build', 'docker build', 'strong', 6, 'api']]],
      ['unit-tests', [['test-in-image', 'step name', 'strong', 8, '${_IMAGE}:$SHORT_SHA']]],
      ['push', [['image-push', 'docker push', 'strong', 13, 'europe-docker.pkg.dev/$PROJECT_ID/shop/api:$SHORT_SHA']]],
      ['deploy-staging', [['deploy', 'gcloud run deploy', 'strong', 20, 'staging']]],
      ['images', [['image-push', 'images', 'strong', 23, '${_IMAGE}:$SHORT_SHA']]],
    ]);
  });

  test('kaniko and JSON configs in subdirectories; $$ is a literal dollar', () => {
    const { facts } = runCi({
      'services/web/cloudbuild.json': JSON.stringify({ steps: [{ name: 'gcr.io/kaniko-project/executor:latest', args: ['--destination=gcr.io/acme/web:$$TAG', '--context=dir://services/web'] }] }, null, 2),
    });
    expect(facts.ci.jobs[0]!.activities.map((a) => [a.kind, a.tool, a.context, a.image, a.pushes, a.line])).toEqual([['image-build', 'kaniko', 'services/web', 'gcr.io/acme/web:$TAG', true, 5]]);
  });
});
