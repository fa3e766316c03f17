import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiJobFact } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]);
const brief = (job: CiJobFact | undefined) => job?.activities.map((a) => [a.kind, a.tool, a.confidence, a.line, a.environment]);

const PIPELINES = lines(
  'image: node:20', //                                                        1
  'definitions:',
  '  services:',
  '    api:',
  '      image: $ECR/api:$BITBUCKET_COMMIT', //                                5
  '  steps:',
  '    - step: &build',
  '        name: Build and push image',
  '        services: [docker]',
  '        caches: [docker]', //                                              10
  '        script:',
  '          - docker build -t $ECR/api:$BITBUCKET_COMMIT services/api',
  '          - pipe: atlassian/aws-ecr-push-image:2.4.2',
  '            variables:',
  '              IMAGE_NAME: $ECR/api', //                                    15
  'pipelines:',
  '  default:',
  '    - step: *build',
  '    - parallel:',
  '        - step:', //                                                       20
  '            name: Lint',
  '            script:',
  '              - npm ci && npm run lint',
  '        - step:',
  '            name: Contract tests', //                                      25
  '            services: [api]',
  '            script:',
  '              - npm run test:contract',
  '  branches:',
  '    main:', //                                                             30
  '      - step: *build',
  '      - stage:',
  '          name: Deploy to staging',
  '          deployment: staging',
  '          steps:', //                                                      35
  '            - step:',
  '                name: Roll out',
  '                script:',
  '                  - pipe: atlassian/aws-ecs-deploy:1.12.1',
  '                    variables:', //                                        40
  '                      CLUSTER_NAME: staging',
  '      - step:',
  '          name: Production',
  '          deployment: production',
  '          trigger: manual', //                                             45
  '          script:',
  '            - pipe: atlassian/ssh-run:0.8.1',
  '              variables:',
  "                COMMAND: 'cd /srv && docker compose pull && docker compose up -d'",
);

describe('bitbucket pipelines', () => {
  test('anchored steps, parallel and stage blocks, services, pipes and deployments', () => {
    const { facts, findings } = runCi({ 'bitbucket-pipelines.yml': PIPELINES });
    expect(findings).toEqual([]);
    expect(facts.ci.configs).toEqual([{ system: 'bitbucket-pipelines', path: 'bitbucket-pipelines.yml' }]);
    expect(facts.ci.jobs.map((job) => [job.job, job.line])).toEqual([
      ['default: Build and push image', 7],
      ['default: Lint', 20],
      ['default: Contract tests', 24],
      ['branches.main: Roll out', 36],
      ['branches.main: Production', 42],
    ]);
    const [build, lint, contract, rollOut, production] = facts.ci.jobs;
    expect(build?.dockerDaemon).toEqual({ via: 'docker', line: 9 });
    expect(brief(build)).toEqual([
      ['job-image', 'image', 'weak', 1, undefined],
      ['image-build', 'docker build', 'strong', 12, undefined],
      ['image-push', 'atlassian/aws-ecr-push-image', 'strong', 13, undefined],
    ]);
    expect(build?.activities[1]?.context).toBe('services/api');
    expect(brief(lint)).toEqual([['job-image', 'image', 'weak', 1, undefined]]);
    expect(brief(contract)).toEqual([
      ['job-image', 'image', 'weak', 1, undefined],
      ['test-in-image', 'services', 'strong', 26, undefined],
    ]);
    expect(brief(rollOut)).toEqual([
      ['job-image', 'image', 'weak', 1, undefined],
      ['deploy', 'deployment', 'strong', 34, 'staging'],
      ['deploy', 'atlassian/aws-ecs-deploy', 'strong', 39, 'staging'],
    ]);
    expect(brief(production)).toEqual([
      ['job-image', 'image', 'weak', 1, undefined],
      ['deploy', 'deployment', 'strong', 44, 'production'],
      ['deploy', 'atlassian/ssh-run', 'strong', 47, 'production'],
    ]);
  });

  test('options.docker gives every step a daemon; custom pipelines and step images are read', () => {
    const config = lines(
      'options:',
      '  docker: true',
      'pipelines:',
      '  custom:',
      '    release:', //                                                      5
      '      - variables:',
      '          - name: TAG',
      '      - step:',
      '          image: google/cloud-sdk:alpine',
      '          script:', //                                                 10
      '            - gcloud auth configure-docker',
      '            - docker buildx build --push -t gcr.io/acme/app:$TAG .',
      '            - gcloud run deploy app --image gcr.io/acme/app:$TAG',
      '            - pipe: atlassian/ssh-run:0.8.1',
      '              variables: { COMMAND: ./restart.sh }', //                15
    );
    const { facts } = runCi({ 'bitbucket-pipelines.yml': config });
    const [release] = facts.ci.jobs;
    expect(release?.job).toBe('custom.release: step 1');
    expect(release?.dockerDaemon).toEqual({ via: 'options.docker', line: 2 });
    expect(brief(release)).toEqual([
      ['job-image', 'image', 'weak', 9, undefined],
      ['registry-login', 'gcloud auth configure-docker', 'strong', 11, undefined],
      ['image-build', 'docker buildx build', 'strong', 12, undefined],
      ['deploy', 'gcloud run deploy', 'strong', 13, undefined],
      ['deploy', 'atlassian/ssh-run', 'medium', 14, undefined],
    ]);
  });

  test('broken YAML and a file without pipelines are findings', () => {
    const broken = runCi({ 'bitbucket-pipelines.yml': lines('pipelines:', '  default:', '    - step:', "        script: ['docker build .'") });
    expect(broken.findings.map((f) => f.code)[0]).toBe('yaml-syntax');
    expect(broken.facts.ci.configs).toHaveLength(1);
    const shapeless = runCi({ 'bitbucket-pipelines.yml': lines('image: node:20', 'pipeline:', '  default: []') });
    expect(shapeless.findings.map((f) => [f.code, f.line, f.args.kind])).toEqual([['schema-mismatch', 1, 'Bitbucket Pipelines config']]);
    const wrongBranches = runCi({ 'bitbucket-pipelines.yml': lines('pipelines:', '  branches:', '    main: docker build .', '  default:', '    - step: { script: [docker push acme/app] }') });
    expect(wrongBranches.findings.map((f) => [f.code, f.line])).toEqual([['schema-mismatch', 3]]);
    expect(wrongBranches.facts.ci.jobs.map((job) => brief(job))).toEqual([[['image-push', 'docker push', 'strong', 5, undefined]]]);
  });
});
