import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiJobFact } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]).facts.ci;
const brief = (job: CiJobFact | undefined) => job?.activities.map((a) => [a.kind, a.tool, a.confidence, a.line, a.environment ?? a.pushes]);

describe('gitlab ci: rules', () => {
  test('a job whose rules all say never is off; rules variables name the environments a job deploys to', () => {
    const ci = runCi({
      '.gitlab-ci.yml': lines(
        'build:', // 1
        '  rules:',
        '    - when: never',
        '  script: [docker build -t x .]',
        'deploy:', // 5
        '  stage: deploy',
        '  environment:',
        '    name: $DEPLOY_ENV',
        '  rules:',
        '    - if: $CI_COMMIT_BRANCH == "develop"', // 10
        '      variables: { DEPLOY_ENV: staging }',
        '    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH',
        '      variables: { DEPLOY_ENV: production }',
        '      when: manual',
        '  script: [kubectl apply -f k8s/]', // 15
      ),
    });
    expect(ci.jobs.map((job) => job.job)).toEqual(['deploy']);
    expect(brief(ci.jobs[0])).toEqual([
      ['deploy', 'environment', 'strong', 7, 'staging'],
      ['deploy', 'environment', 'strong', 7, 'production'],
      ['deploy', 'kubectl apply', 'strong', 15, 'staging'],
      ['deploy', 'kubectl apply', 'strong', 15, 'production'],
    ]);
  });
});

describe('gitlab ci: includes this tool cannot read', () => {
  test('GitLab templates bring their known jobs; a local job of the same name overrides or turns them off', () => {
    const ci = runCi({
      '.gitlab-ci.yml': lines(
        'include:',
        '  - template: Auto-DevOps.gitlab-ci.yml', // 2
        'variables:',
        '  STAGING_ENABLED: "1"',
        'production:', // 5
        '  rules: [{ when: never }]',
      ),
    });
    expect(ci.jobs.map((job) => [job.job, brief(job)])).toEqual([
      ['build', [['image-build', 'template Auto-DevOps.gitlab-ci.yml', 'medium', 2, true]]],
      ['review', [['deploy', 'template Auto-DevOps.gitlab-ci.yml', 'medium', 2, 'review/$CI_COMMIT_REF_NAME']]],
      ['staging', [['deploy', 'template Auto-DevOps.gitlab-ci.yml', 'medium', 2, 'staging']]],
    ]);
  });

  test('components are judged by name; hidden jobs of project includes by the name a job extends', () => {
    const ci = runCi({
      '.gitlab-ci.yml': lines(
        'include:',
        '  - component: $CI_SERVER_FQDN/components/kaniko/build@2.0', // 2
        '  - project: acme/ci-templates',
        '    file: /templates/pipeline.yml',
        'build-web:', // 5
        '  extends: .build',
        '  variables:',
        '    DOCKER_IMAGE_NAME: web',
        'deploy-review:',
        '  extends: .helm-deploy', // 10
        '  environment: review/$CI_COMMIT_REF_SLUG',
        'lint:',
        '  extends: .lint',
      ),
    });
    expect(ci.jobs.map((job) => [job.job, brief(job)])).toEqual([
      ['include $CI_SERVER_FQDN/components/kaniko/build@2.0', [['image-build', '$CI_SERVER_FQDN/components/kaniko/build@2.0', 'medium', 2, true]]],
      ['build-web', [['image-build', '.build', 'medium', 6, true]]],
      ['deploy-review', [['deploy', '.helm-deploy', 'medium', 10, 'review/$CI_COMMIT_REF_SLUG'], ['deploy', 'environment', 'medium', 11, 'review/$CI_COMMIT_REF_SLUG']]],
      ['lint', []],
    ]);
  });

  test('without remote includes an unknown extends is only a typo: nothing is guessed', () => {
    const ci = runCi({ '.gitlab-ci.yml': lines('build:', '  extends: .docker-build', '  script: [echo]') });
    expect(brief(ci.jobs[0])).toEqual([]);
  });
});
