import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import type { CiJobFact } from '../../src/detectors/facts.js';

const runCi = (files: Record<string, string>) => detect(files, [ciDetector]);
const brief = (job: CiJobFact | undefined) => job?.activities.map((a) => [a.kind, a.tool, a.confidence, a.path, a.line, a.context ?? a.environment ?? a.image]);

const PIPELINE_RUN = lines(
  'apiVersion: tekton.dev/v1', // 1
  'kind: PipelineRun',
  'metadata:',
  '  name: shop-on-push',
  'spec:', // 5
  '  params:',
  '    - name: image',
  '      value: quay.io/acme/shop:{{revision}}',
  '  pipelineSpec:',
  '    params:', // 10
  '      - name: image',
  '    tasks:',
  '      - name: fetch',
  '        taskRef: { resolver: hub, params: [{ name: name, value: git-clone }] }',
  '      - name: build', // 15
  '        runAfter: [fetch]',
  '        taskRef:',
  '          resolver: bundles',
  '          params:',
  '            - { name: name, value: buildah }', // 20
  '            - { name: bundle, value: quay.io/konflux-ci/tekton-catalog/task-buildah:0.4 }',
  '        params:',
  '          - { name: IMAGE, value: $(params.image) }',
  '          - { name: DOCKERFILE, value: ./api/Dockerfile }',
  '          - { name: CONTEXT, value: api }', // 25
  '      - name: smoke',
  '        runAfter: [build]',
  '        taskRef: { name: smoke-test }',
  '        params:',
  '          - { name: image, value: $(tasks.build.results.IMAGE_URL) }', // 30
  '      - name: deploy-staging',
  '        taskRef: { name: kubernetes-actions }',
  '        params:',
  '          - name: script',
  '            value: kubectl -n shop-staging set image deploy/shop shop=$(params.image)', // 35
);
const TASK = lines(
  'apiVersion: tekton.dev/v1beta1', // 1
  'kind: Task',
  'metadata:',
  '  name: smoke-test',
  'spec:', // 5
  '  params:',
  '    - name: image',
  '  steps:',
  '    - name: run',
  '      image: $(params.image)', // 10
  '      script: |',
  '        #!/bin/sh',
  '        npm run test:smoke',
);

describe('tekton', () => {
  test('catalog tasks by name and params, a local Task step by step, results passed along, a script task', () => {
    const { facts, findings } = runCi({ '.tekton/push.yaml': PIPELINE_RUN, '.tekton/tasks/smoke.yaml': TASK });
    expect(findings).toEqual([]);
    expect(facts.ci.configs.map((c) => [c.system, c.path])).toEqual([['tekton', '.tekton/push.yaml'], ['tekton', '.tekton/tasks/smoke.yaml']]);
    expect(facts.ci.jobs.map((job) => [job.job, brief(job)])).toEqual([
      ['shop-on-push / fetch', []],
      ['shop-on-push / build', [['image-build', 'buildah', 'strong', '.tekton/push.yaml', 15, 'api']]],
      ['shop-on-push / smoke', [['test-in-image', 'step image', 'strong', '.tekton/tasks/smoke.yaml', 10, 'quay.io/acme/shop:{{revision}}']]],
      ['shop-on-push / deploy-staging', [['deploy', 'kubectl set image', 'strong', '.tekton/push.yaml', 31, 'staging']]],
    ]);
    const build = facts.ci.jobs[1]!.activities[0]!;
    expect([build.dockerfile, build.image, build.pushes]).toEqual(['api/Dockerfile', 'quay.io/acme/shop:{{revision}}', true]);
  });

  test('a Pipeline started by a PipelineRun gets its params; kaniko in the workspace path', () => {
    const { facts } = runCi({
      'tekton/pipeline.yaml': lines(
        'apiVersion: tekton.dev/v1', 'kind: Pipeline', 'metadata: { name: build }', 'spec:', '  params: [{ name: IMAGE, default: x }]', '  tasks:',
        '    - name: image', '      taskRef: { name: kaniko }', '      params:', '        - { name: IMAGE, value: $(params.IMAGE) }', '        - { name: CONTEXT, value: $(workspaces.source.path)/web }',
        '---', 'apiVersion: tekton.dev/v1', 'kind: PipelineRun', 'metadata: { generateName: build- }', 'spec:', '  pipelineRef: { name: build }', '  params: [{ name: IMAGE, value: ghcr.io/acme/web }]',
      ),
    });
    expect(facts.ci.jobs.map((job) => [job.job, job.activities.map((a) => [a.kind, a.context, a.image, a.pushes])])).toEqual([['build- / image', [['image-build', 'web', 'ghcr.io/acme/web', true]]]]);
  });
});
