import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]);

describe('aws codebuild', () => {
  test('phases run in one shell; imagedefinitions.json feeds a CodePipeline deploy', () => {
    const { facts, findings } = runCi({
      'buildspec.yml': lines(
        'version: 0.2', // 1
        'env:',
        '  variables:',
        '    REPO: 123456789012.dkr.ecr.us-east-1.amazonaws.com/shop',
        'phases:', // 5
        '  pre_build:',
        '    commands:',
        '      - aws ecr get-login-password | docker login --username AWS --password-stdin $REPO',
        '      - cd services/api',
        '  build:', // 10
        '    commands:',
        '      - docker build -t $REPO:$CODEBUILD_RESOLVED_SOURCE_VERSION .',
        '  post_build:',
        '    commands:',
        '      - docker push $REPO:$CODEBUILD_RESOLVED_SOURCE_VERSION', // 15
        '      - printf \'[{"name":"api","imageUri":"%s"}]\' $REPO:$CODEBUILD_RESOLVED_SOURCE_VERSION > imagedefinitions.json',
        'artifacts:',
        '  files:',
        '    - services/api/imagedefinitions.json',
      ),
    });
    expect(findings).toEqual([]);
    expect(facts.ci.configs).toEqual([{ system: 'codebuild', path: 'buildspec.yml' }]);
    expect(facts.ci.jobs.map((job) => job.job)).toEqual(['buildspec']);
    expect(facts.ci.jobs[0]!.activities.map((a) => [a.kind, a.tool, a.confidence, a.line, a.context])).toEqual([
      ['registry-login', 'aws ecr get-login-password', 'strong', 8, undefined],
      ['image-build', 'docker build', 'strong', 12, 'services/api'],
      ['image-push', 'docker push', 'strong', 15, undefined],
      ['deploy', 'codepipeline services/api/imagedefinitions.json', 'medium', 19, undefined],
    ]);
  });

  test('a buildspec named for an environment deploys there', () => {
    const { facts } = runCi({ 'ci/buildspec-deploy-staging.yml': lines('version: 0.2', 'phases:', '  build:', '    commands:', '      - helm upgrade --install shop ./chart') });
    expect(facts.ci.jobs[0]!.activities.map((a) => [a.kind, a.environment])).toEqual([['deploy', 'staging']]);
  });
});
