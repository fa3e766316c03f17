import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiJobFact } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]);
const brief = (job: CiJobFact | undefined) => job?.activities.map((a) => [a.kind, a.tool, a.confidence, a.line]);

const STAGED = lines(
  'trigger:', //                                                           1
  '  branches:',
  '    include: [main]',
  'resources:',
  '  containers:', //                                                      5
  '    - container: app',
  '      image: acme/web-tests:$(Build.BuildId)',
  'variables:',
  '  imageRepository: web',
  'stages:', //                                                            10
  '  - stage: Build',
  '    jobs:',
  '      - job: Docker',
  '        pool:',
  '          vmImage: ubuntu-latest', //                                   15
  '        steps:',
  '          - task: Docker@2',
  '            displayName: Login',
  '            inputs:',
  '              command: login', //                                       20
  '              containerRegistry: acme-acr',
  '          - task: Docker@2',
  '            inputs:',
  '              command: buildAndPush',
  '              repository: $(imageRepository)', //                        25
  '              dockerfile: $(Build.SourcesDirectory)/src/Web/Dockerfile',
  '              buildContext: $(Build.SourcesDirectory)/src',
  '              tags: $(Build.BuildId)',
  '  - stage: Test',
  '    jobs:', //                                                          30
  '      - job: Integration',
  '        container: app',
  '        steps:',
  '          - script: dotnet test',
  '  - stage: DeployStaging', //                                           35
  '    jobs:',
  '      - deployment: Web',
  '        environment: staging',
  '        strategy:',
  '          runOnce:', //                                                 40
  '            deploy:',
  '              steps:',
  '                - task: KubernetesManifest@1',
  '                  inputs:',
  '                    action: deploy', //                                 45
  '                    manifests: k8s/*.yml',
  '                - bash: |',
  '                    az containerapp update -n web -g rg --image acme.azurecr.io/web:$(Build.BuildId)',
);

describe('azure pipelines', () => {
  test('stages, Docker@2 login and buildAndPush, container aliases, deployment jobs with strategies', () => {
    const { facts, findings } = runCi({ 'azure-pipelines.yml': STAGED });
    expect(findings).toEqual([]);
    expect(facts.ci.configs).toEqual([{ system: 'azure-pipelines', path: 'azure-pipelines.yml' }]);
    expect(facts.ci.jobs.map((job) => [job.job, job.line])).toEqual([['Build / Docker', 13], ['Test / Integration', 31], ['DeployStaging / Web', 37]]);
    const [build, test, deploy] = facts.ci.jobs;
    expect(brief(build)).toEqual([['registry-login', 'Docker@2', 'strong', 17], ['image-build', 'Docker@2', 'strong', 22]]);
    expect(build?.activities[1]).toMatchObject({ context: 'src', dockerfile: 'src/Web/Dockerfile', image: '$(imageRepository)', pushes: true });
    expect(test?.activities).toEqual([
      { kind: 'job-image', confidence: 'weak', tool: 'container', image: 'acme/web-tests:$(Build.BuildId)', path: 'azure-pipelines.yml', line: 32 },
    ]);
    expect(deploy?.activities.map((a) => [a.kind, a.tool, a.confidence, a.line, a.environment])).toEqual([
      ['deploy', 'deployment', 'strong', 38, 'staging'],
      ['deploy', 'KubernetesManifest@1', 'strong', 43, 'staging'],
      ['deploy', 'az containerapp update', 'strong', 48, 'staging'],
    ]);
  });

  test('the single-job steps form, local step templates, working directories and a Dockerfile glob', () => {
    const pipeline = lines(
      'pool:',
      '  vmImage: ubuntu-latest',
      'steps:',
      '  - template: templates/build.yml',
      '    parameters:', //                                                    5
      '      service: api',
      '  - script: |',
      '      docker run --rm api:$(Build.BuildId) npm test',
      '    workingDirectory: services/api',
      '  - task: Docker@2', //                                                 10
      '    inputs:',
      '      command: build',
      '      arguments: --target test --build-arg CONFIG=Release',
    );
    const template = lines(
      'parameters:',
      '  - name: service',
      '    type: string',
      'steps:',
      '  - bash: docker build -t api:$(Build.BuildId) .', //                   5
      '    workingDirectory: $(System.DefaultWorkingDirectory)/services/api',
    );
    const { facts } = runCi({ 'azure-pipelines.yml': pipeline, 'templates/build.yml': template, 'services/api/Dockerfile': 'FROM node:20\n' });
    expect(facts.ci.configs.map((c) => c.path)).toEqual(['azure-pipelines.yml', 'templates/build.yml']);
    expect(facts.ci.jobs.map((job) => [job.job, job.line])).toEqual([['steps', 3]]);
    expect(facts.ci.jobs[0]?.activities.map((a) => [a.kind, a.tool, a.confidence, a.path, a.line, a.context, a.dockerfile])).toEqual([
      ['test-in-image', 'docker run', 'strong', 'azure-pipelines.yml', 8, undefined, undefined],
      ['image-build', 'Docker@2', 'strong', 'azure-pipelines.yml', 10, 'services/api', 'services/api/Dockerfile'],
      ['test-in-image', 'Docker@2', 'strong', 'azure-pipelines.yml', 10, 'services/api', 'services/api/Dockerfile'],
      ['image-build', 'docker build', 'strong', 'templates/build.yml', 5, 'services/api', undefined],
    ]);
  });

  test('extends templates and conditional insertions are opened; helm and AzureCLI tasks deploy', () => {
    const pipeline = lines('trigger: none', 'extends:', '  template: .azure-pipelines/base.yml');
    const base = lines(
      'jobs:',
      '  - ${{ if eq(variables.isMain, true) }}:',
      '    - job: Release',
      '      steps:',
      '        - task: HelmDeploy@0', //                                      5
      '          inputs:',
      '            command: upgrade',
      '            chartPath: charts/web',
      '        - task: AzureCLI@2',
      '          inputs:', //                                                 10
      '            scriptType: bash',
      '            inlineScript: |',
      '              az acr login --name acme',
      '              az webapp config container set --name web --docker-custom-image-name acme.azurecr.io/web:1',
    );
    const { facts } = runCi({ 'azure-pipelines.yml': pipeline, '.azure-pipelines/base.yml': base });
    expect(facts.ci.jobs.map((job) => [job.file, job.job, brief(job)])).toEqual([
      ['.azure-pipelines/base.yml', 'Release', [
        ['deploy', 'HelmDeploy@0', 'strong', 5],
        ['registry-login', 'az acr login', 'strong', 13],
        ['deploy', 'az webapp config container', 'strong', 14],
      ]],
    ]);
  });

  test('broken YAML and wrong shapes are findings; other files are still read', () => {
    const { facts, findings } = runCi({
      'azure-pipelines.yml': lines('steps:', '  - script: docker build .', '    displayName: "unterminated'),
      'ci/azure-pipelines.release.yml': lines('jobs: not-a-list'),
      'ci/azure-pipelines.build.yml': lines('steps:', '  - script: docker push acme/app'),
    });
    expect(findings.map((f) => [f.code, f.path, f.args.kind ?? null])).toEqual([
      ['yaml-syntax', 'azure-pipelines.yml', null],
      ['schema-mismatch', 'ci/azure-pipelines.release.yml', 'Azure Pipelines config'],
    ]);
    expect(facts.ci.configs.map((c) => c.path)).toEqual(['azure-pipelines.yml', 'ci/azure-pipelines.build.yml', 'ci/azure-pipelines.release.yml']);
    expect(facts.ci.jobs.map((job) => [job.file, brief(job)])).toEqual([
      ['ci/azure-pipelines.build.yml', [['image-push', 'docker push', 'strong', 2]]],
    ]);
  });
});
