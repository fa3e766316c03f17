import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';

/** Config files of every system added after the first six, written in shapes no tool accepts. */
describe('odd shapes never throw', () => {
  test.each([
    ['.travis.yml', lines('services: 5', 'env: [5, { A: 1 }]', 'script: { a: 1 }', 'jobs: { include: [5, null, { deploy: [5, { provider: script }] }] }')],
    ['.drone.yml', lines('kind: pipeline', 'steps: 5', '---', 'kind: pipeline', 'steps: [5, { image: 5, settings: 5, when: [5] }]', 'trigger: 5', 'services: { a: 5 }')],
    ['.woodpecker/x.yml', lines('steps: { a: 5, b: { commands: 5, when: { event: 5 } } }')],
    ['.buildkite/pipeline.yml', lines('steps: [5, { group: x, steps: 5 }, { plugins: 5 }, { plugins: [5, { docker-compose#v1: 5 }] }, { command: [5] }]')],
    ['cloudbuild.yaml', lines('steps: [{ name: 5 }, { name: x, args: 5 }, { name: bash, entrypoint: bash, args: [-c, 5] }]', 'images: [5]', 'substitutions: 5')],
    ['buildspec.yml', lines('version: 0.2', 'phases: { build: { commands: 5, finally: 5 } }', 'artifacts: { files: 5 }')],
    ['.tekton/x.yaml', lines('apiVersion: tekton.dev/v1', 'kind: PipelineRun', 'spec: { pipelineSpec: { tasks: [5, { taskRef: 5, params: 5 }, { taskSpec: { steps: [5, { script: 5 }] } }] }, params: 5 }')],
    ['codefresh.yml', lines('version: 1', 'steps: { a: 5, b: { type: build, image_name: 5 }, c: { type: parallel, steps: 5 }, d: { type: composition, composition_candidates: 5 } }')],
    ['Earthfile', lines('VERSION 0.8', 'ci:', '    PIPELINE', '    BUILD', '    WITH DOCKER --load', '    RUN --push', '    SAVE IMAGE', 'x:', '    BUILD +ci')],
    ['skaffold.yaml', lines('apiVersion: skaffold/v4', 'build: { artifacts: [5, { image: 5 }] }', 'profiles: [5, { name: x, deploy: 5 }]')],
    ['argo.yaml', lines('kind: Application', 'metadata: { annotations: { argocd-image-updater.argoproj.io/image-list: 5 } }')],
    ['flux.yaml', lines('apiVersion: image.toolkit.fluxcd.io/v1', 'kind: ImageUpdateAutomation', 'spec: 5')],
    ['Makefile', lines('a: a b', '\t$(MAKE) a', 'define X', 'endef', 'b:: ; docker build .')],
  ])('%s', (path, content) => {
    const files = { [path]: content, '.gitlab-ci.yml': lines('j:', '  script: [make a, earthly +ci, skaffold run, ./x.sh]'), 'x.sh': '#!/bin/sh\n$(\n' };
    expect(() => detect(files, [ciDetector])).not.toThrow();
  });
});
