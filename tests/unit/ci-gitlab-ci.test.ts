import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiJobFact } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]);
const brief = (job: CiJobFact | undefined) => job?.activities.map((a) => [a.kind, a.tool, a.confidence, a.path, a.line]);
const jobNamed = (jobs: CiJobFact[], name: string) => jobs.find((job) => job.job === name);

const DIND_PIPELINE = lines(
  'default:', //                                                   1
  '  image: docker:27',
  '  services:',
  '    - docker:27-dind',
  '  before_script:', //                                           5
  '    - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"',
  'variables:',
  '  IMAGE: $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA',
  'stages: [build, test, deploy]',
  'build:', //                                                     10
  '  stage: build',
  '  script:',
  '    - docker build --pull -t $IMAGE -f docker/Dockerfile .',
  '    - docker push $IMAGE',
  'unit:', //                                                      15
  '  stage: test',
  '  image: $IMAGE',
  '  services: []',
  '  before_script: []',
  '  script:', //                                                  20
  '    - pytest',
  'deploy_staging:',
  '  stage: deploy',
  '  image: bitnami/kubectl:1.30',
  '  inherit:', //                                                 25
  '    default: false',
  '  script:',
  '    - kubectl set image deployment/web web=$IMAGE',
  '  environment:',
  '    name: staging', //                                          30
  '    url: https://staging.example.com',
  'stop_review:',
  '  stage: deploy',
  '  script: ["echo stop"]',
  '  environment:', //                                             35
  '    name: review/$CI_COMMIT_REF_SLUG',
  '    action: stop',
);

describe('gitlab ci', () => {
  test('defaults, docker-in-docker, the image built earlier as a job image, environments', () => {
    const { facts, findings } = runCi({ '.gitlab-ci.yml': DIND_PIPELINE });
    expect(findings).toEqual([]);
    expect(facts.ci.configs).toEqual([{ system: 'gitlab-ci', path: '.gitlab-ci.yml' }]);
    expect(facts.ci.jobs.map((job) => [job.job, job.line])).toEqual([['build', 10], ['unit', 15], ['deploy_staging', 22], ['stop_review', 32]]);
    const [build, unit, deploy, stop] = facts.ci.jobs;
    expect(build?.dockerDaemon).toEqual({ via: 'docker:27-dind', line: 4 });
    expect(brief(build)).toEqual([
      ['job-image', 'image', 'weak', '.gitlab-ci.yml', 2],
      ['registry-login', 'docker login', 'strong', '.gitlab-ci.yml', 6],
      ['image-build', 'docker build', 'strong', '.gitlab-ci.yml', 13],
      ['image-push', 'docker push', 'strong', '.gitlab-ci.yml', 14],
    ]);
    expect(build?.activities[2]).toMatchObject({ context: '.', dockerfile: 'docker/Dockerfile', image: '$IMAGE', pushes: false });
    expect(unit?.dockerDaemon).toBeUndefined();
    expect(brief(unit)).toEqual([['test-in-image', 'image', 'strong', '.gitlab-ci.yml', 17]]);
    expect(deploy?.activities.map((a) => [a.kind, a.tool, a.confidence, a.line, a.environment])).toEqual([
      ['job-image', 'image', 'weak', 24, undefined],
      ['deploy', 'kubectl set image', 'strong', 28, 'staging'],
      ['deploy', 'environment', 'strong', 29, 'staging'],
    ]);
    // It still runs in the default image and logs in, but stopping an environment is no deploy.
    expect(stop?.activities.map((a) => a.kind)).toEqual(['job-image', 'registry-login']);
  });

  test('local includes, extends, !reference and anchors keep the line where each command is written', () => {
    const main = lines(
      'include:',
      '  - local: ci/templates.yml',
      "  - '/ci/jobs/*.yml'",
      '  - project: acme/ci-templates',
      '    file: /docker.yml', //                                    5
      '  - template: Security/SAST.gitlab-ci.yml',
      '.setup: &setup',
      '  - cd services/api',
      'build-api:',
      '  extends: .kaniko', //                                       10
      'deploy-prod:',
      '  extends: [.deploy]',
      '  script:',
      '    - !reference [.aws, script]',
      '    - *setup', //                                             15
      '    - helm upgrade --install api ./chart',
      '  environment: production',
    );
    const templates = lines(
      '.kaniko:',
      '  image:',
      '    name: gcr.io/kaniko-project/executor:v1.23.2-debug',
      '    entrypoint: [""]',
      '  script:', //                                                5
      '    - /kaniko/executor',
      '      --context "${CI_PROJECT_DIR}/services/api"',
      '      --dockerfile "${CI_PROJECT_DIR}/services/api/Dockerfile"',
      '      --destination "${CI_REGISTRY_IMAGE}/api:${CI_COMMIT_SHA}"',
      '.aws:', //                                                    10
      '  script:',
      '    - aws ecr get-login-password | docker login --username AWS --password-stdin $ECR',
      '.deploy:',
      '  stage: deploy',
      '  image: alpine/helm:3.15', //                                15
    );
    const lint = lines('spec:', '  inputs:', '    stage: { default: test }', '---', 'lint:', '  stage: $[[ inputs.stage ]]', '  image: node:20', '  script:', '    - npm ci', '    - npm run lint');
    const { facts, findings } = runCi({ '.gitlab-ci.yml': main, 'ci/templates.yml': templates, 'ci/jobs/lint.yml': lint, 'ci/unused.yml': 'x: 1\n' });
    expect(findings).toEqual([]);
    expect(facts.ci.configs.map((c) => c.path)).toEqual(['.gitlab-ci.yml', 'ci/jobs/lint.yml', 'ci/templates.yml']);
    expect(facts.ci.jobs.map((job) => [job.file, job.job, job.line])).toEqual([
      ['.gitlab-ci.yml', 'build-api', 9],
      ['.gitlab-ci.yml', 'deploy-prod', 11],
      ['ci/jobs/lint.yml', 'lint', 5],
    ]);
    const [build, deploy, lintJob] = facts.ci.jobs;
    expect(brief(build)).toEqual([
      ['job-image', 'image', 'weak', 'ci/templates.yml', 2],
      ['image-build', 'kaniko', 'strong', 'ci/templates.yml', 6],
    ]);
    expect(build?.activities[1]).toMatchObject({ context: 'services/api', dockerfile: 'services/api/Dockerfile', image: '${CI_REGISTRY_IMAGE}/api:${CI_COMMIT_SHA}', pushes: true });
    expect(brief(deploy)).toEqual([
      ['deploy', 'helm upgrade', 'strong', '.gitlab-ci.yml', 16],
      ['deploy', 'environment', 'strong', '.gitlab-ci.yml', 17],
      ['registry-login', 'aws ecr get-login-password', 'strong', 'ci/templates.yml', 12],
      ['job-image', 'image', 'weak', 'ci/templates.yml', 15],
    ]);
    expect(deploy?.activities.filter((a) => a.kind === 'deploy').map((a) => a.environment)).toEqual(['production', 'production']);
    expect(brief(lintJob)).toEqual([['job-image', 'image', 'weak', 'ci/jobs/lint.yml', 7]]);
  });

  test('merge keys point at the anchor; hidden jobs and keywords are not jobs; the old top-level image is a default', () => {
    const pipeline = lines(
      'image: python:3.12',
      '.docker: &docker',
      '  services: [name: docker:dind]',
      '  script:',
      '    - docker compose -f docker-compose.test.yml up --exit-code-from sut', // 5
      'workflow:',
      '  rules: [{ if: $CI_COMMIT_BRANCH }]',
      'cache: { paths: [.venv] }',
      'integration:',
      '  <<: *docker', //                                                        10
      '  stage: test',
    );
    const { facts } = runCi({ '.gitlab-ci.yml': pipeline });
    expect(facts.ci.jobs.map((job) => job.job)).toEqual(['integration']);
    expect(facts.ci.jobs[0]?.dockerDaemon).toEqual({ via: 'docker:dind', line: 3 });
    expect(brief(facts.ci.jobs[0])).toEqual([
      ['job-image', 'image', 'weak', '.gitlab-ci.yml', 1],
      ['test-in-image', 'docker compose up', 'strong', '.gitlab-ci.yml', 5],
    ]);
  });

  test('cycles in extends and includes end; missing templates are ignored', () => {
    const { facts } = runCi({
      '.gitlab-ci.yml': lines('include: ci/a.yml', '.a:', '  extends: .b', '.b:', '  extends: .a', 'job:', '  extends: [.a, .missing]', '  script: [docker build .]'),
      'ci/a.yml': lines('include: /.gitlab-ci.yml', 'other:', '  script: [make test]'),
    });
    expect(facts.ci.jobs.map((job) => [job.job, job.activities.map((a) => a.kind)])).toEqual([
      ['job', ['image-build']],
      ['other', []],
    ]);
  });

  test('broken YAML in an included file is reported there; the rest is read', () => {
    const { facts, findings } = runCi({
      '.gitlab-ci.yml': lines('include: [ci/broken.yml]', 'build:', '  script: docker build -t app .'),
      'ci/broken.yml': lines('deploy:', '  script:', '    - "unterminated'),
    });
    expect(findings.map((f) => [f.code, f.path])).toContainEqual(['yaml-syntax', 'ci/broken.yml']);
    expect(facts.ci.configs.map((c) => c.path)).toEqual(['.gitlab-ci.yml', 'ci/broken.yml']);
    expect(facts.ci.jobs.map((job) => [job.job, job.activities.map((a) => [a.kind, a.line])])).toEqual([['build', [['image-build', 3]]]]);
  });

  test('jobs of the wrong shape are reported with their line and skipped', () => {
    const pipeline = lines('stages: [build]', 'build: docker build .', 'test:', '  script:', '    key: value', 'push:', '  script: docker push app');
    const { facts, findings } = runCi({ '.gitlab-ci.yml': pipeline });
    expect(findings.map((f) => [f.code, f.severity, f.line, f.args.kind])).toEqual([
      ['schema-mismatch', 'error', 2, 'GitLab CI config'],
      ['schema-mismatch', 'error', 4, 'GitLab CI config'],
    ]);
    expect(facts.ci.jobs.map((job) => [job.job, job.activities.map((a) => a.kind)])).toEqual([['test', []], ['push', ['image-push']]]);
    expect(runCi({ '.gitlab-ci.yml': '- not a map\n' }).findings.map((f) => f.code)).toEqual(['schema-mismatch']);
  });
});
