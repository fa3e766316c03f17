import { detect, lines } from '../helpers/detect.js';
import { ciDetector } from '../../src/detectors/ci/index.js';
import picomatch from 'picomatch';
import { filesMatchingGlob, matching } from '../../src/detectors/ci/find-files.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import type { CiSystem } from '../../src/detectors/facts.js';

/**
 * CI providers find their files through the snapshot's name and directory indexes rather than by
 * testing every path. Each row lists files the provider's path pattern takes (at the root, nested,
 * with dots in their names) and files it must leave out (one directory too deep or too shallow,
 * another case, another extension), all with content the provider would read.
 */
const configsOf = (system: CiSystem, files: Record<string, string>) =>
  detect(files, [ciDetector]).facts.ci.configs.filter((config) => config.system === system).map((config) => config.path);

const WORKFLOW = lines('on: push', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - run: docker build .');
const STEPS = lines('steps:', '  - command: docker build .');
const TEKTON = lines('apiVersion: tekton.dev/v1', 'kind: Task', 'metadata: { name: build }', 'spec:', '  steps: [{ name: b, image: docker, script: docker build . }]');
const EARTHFILE = lines('VERSION 0.8', 'ci:', '    PIPELINE', '    BUILD +image', 'image:', '    FROM alpine', '    SAVE IMAGE acme/app');
const SKAFFOLD = lines('apiVersion: skaffold/v4beta11', 'kind: Config', 'build:', '  artifacts: [{ image: acme/app }]');
const ARGO = lines('apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', '  name: app', '  annotations:', '    argocd-image-updater.argoproj.io/image-list: acme/app');
const JENKINSFILE = lines('pipeline {', '  stages {', "    stage('Build') { steps { sh 'docker build .' } }", '  }', '}');

describe('CI files found through the snapshot index', () => {
  test.each<[CiSystem, string, string[], string[]]>([
    ['github-actions', WORKFLOW,
      ['.github/workflows/a.yml', '.github/workflows/b.yaml', '.github/workflows/release.v2.yml'],
      ['.github/workflows/sub/x.yml', '.github/workflows/c.YML', '.github/workflows/x.yml.bak', 'app/.github/workflows/y.yml', '.github/workflow/z.yml', '.GitHub/workflows/w.yml']],
    ['circleci', lines('version: 2.1', 'jobs:', '  b:', '    docker: [{ image: cimg/base:current }]', '    steps: [checkout]'),
      ['.circleci/config.yml'],
      ['.circleci/config.yaml', '.circleci/other.yml', 'app/.circleci/config.yml']],
    ['jenkins', JENKINSFILE,
      ['Jenkinsfile', 'Jenkinsfile.release', 'ci/Jenkinsfile', 'jenkinsfile', 'deploy/build.jenkinsfile', 'ci/JenkinsFile.prod.groovy'],
      ['Jenkinsfile.md', 'Jenkinsfile.BAK', 'Jenkinsfile-old', 'jenkinsfiles/deploy.groovy', 'MyJenkinsfile']],
    ['azure-pipelines', lines('steps:', '  - script: docker build .'),
      ['azure-pipelines.yml', 'azure-pipelines.ci.yaml', 'app/azure-pipelines-release.yml', '.azure-pipelines/build.yml', '.azure-pipelines/templates/deep.yaml'],
      ['Azure-Pipelines.yml', 'azure-pipelines.yml.bak', 'app/.azure-pipelines/x.yml', '.azure-pipelines/.yml', '.azure-pipelines/notes.md']],
    ['drone', lines('kind: pipeline', 'steps:', '  - name: b', '    image: docker', '    commands: [docker build .]'),
      ['.drone.yaml', '.drone.yml'],
      ['app/.drone.yml', '.drone.yml.bak', 'drone.yml']],
    ['woodpecker', lines('steps:', '  b:', '    image: docker', '    commands: [docker build .]'),
      ['.woodpecker.yml', '.woodpecker/build.yml', '.woodpecker/test.v2.yaml'],
      ['.woodpecker/sub/deep.yml', 'app/.woodpecker.yml', '.woodpecker/notes.md']],
    ['buildkite', STEPS,
      ['.buildkite.yaml', '.buildkite/deploy/release.yaml', '.buildkite/pipeline.yml', 'buildkite.yml'],
      ['app/buildkite.yml', 'app/.buildkite/pipeline.yml', 'Buildkite.yml']],
    ['cloud-build', lines('steps:', '  - name: gcr.io/cloud-builders/docker', '    args: [build, -t, gcr.io/p/app, .]'),
      ['cloudbuild-ci.json', 'cloudbuild.yaml', 'deploy/prod/cloudbuild.prod.yml'],
      ['CloudBuild.yaml', 'cloudbuild.yaml.bak', 'mycloudbuild.yaml']],
    ['codebuild', lines('version: 0.2', 'phases:', '  build:', '    commands: [docker build .]'),
      ['buildspec.yml', 'ci/buildspec-release.yaml'],
      ['BuildSpec.yml', 'buildspec.json', 'mybuildspec.yml']],
    ['codefresh', lines("version: '1.0'", 'steps:', '  build:', '    type: build', '    image_name: acme/app'),
      ['.codefresh/deep/x.yaml', '.codefresh/release.yml', 'codefresh-ci.yaml', 'codefresh.yml'],
      ['app/codefresh.yml', 'Codefresh.yml', '.codefresh/notes.md']],
    ['tekton', TEKTON,
      ['.tekton/push.yaml', 'a/.tekton/b.yml', 'deploy/tekton/tasks/build.yaml', 'tekton/pipeline.yml'],
      ['tekton.yaml', 'mytekton/x.yaml', 'Tekton/x.yaml', 'tekton-tasks/x.yaml', 'tekton/README.md']],
    ['earthly', EARTHFILE,
      ['Earthfile', 'services/api/Earthfile'],
      ['earthfile', 'Earthfile.old', 'x/EARTHFILE']],
    ['skaffold', SKAFFOLD,
      ['deploy/skaffold.yml', 'skaffold.yaml'],
      ['Skaffold.yaml', 'skaffold.yaml.bak', 'my-skaffold.yaml']],
    ['argo-cd', ARGO,
      ['a.b.c.yaml', 'app.yaml', 'deploy/argo/app.yml'],
      ['app.YAML', 'app.yaml.txt', 'deploy/app.json']],
  ])('%s', (system, content, found, ignored) => {
    const files = Object.fromEntries([...found, ...ignored].map((path) => [path, content]));
    expect(configsOf(system, files)).toEqual([...found].sort());
  });

  test('GitLab includes: exact paths and globs, at any depth the glob allows; files no provider reads are left out', () => {
    const files = {
      '.gitlab-ci.yml': lines('include:', '  - local: ci/base.yml', "  - local: '/ci/jobs/*.yml'", '  - local: notes.txt', 'build:', '  script: [docker build .]'),
      'ci/base.yml': lines('base:', '  script: [docker push acme/app]'),
      'ci/jobs/a.yml': lines('a:', '  script: [docker login]'),
      'ci/jobs/b.yml': lines('b:', '  script: [docker login]'),
      'ci/jobs/deeper/c.yml': lines('c:', '  script: [docker login]'),
      'ci/jobs/d.txt': lines('d:', '  script: [docker login]'),
      'notes.txt': lines('n:', '  script: [docker login]'),
    };
    expect(configsOf('gitlab-ci', files)).toEqual(['.gitlab-ci.yml', 'ci/base.yml', 'ci/jobs/a.yml', 'ci/jobs/b.yml']);
  });
});

describe('lookup helpers', () => {
  const snapshot = createMemorySnapshot(Object.fromEntries(
    ['a.yml', 'x/a.yml', 'x/tekton/b.yml', 'x/tekton/deep/c.yml', 'tekton/d.yml', 'mytekton/e.yml', 'x/tekton.yml'].map((path) => [path, '']),
  ));

  test('matching keeps the candidates a full-path pattern takes, sorted and once', () => {
    expect(matching(/^x\//, snapshot.filesIn('x'), snapshot.filesUnder('x'), ['x/a.yml'])).toEqual(['x/a.yml', 'x/tekton.yml', 'x/tekton/b.yml', 'x/tekton/deep/c.yml']);
  });

  test('filesNamedLike with a pattern tests names, not paths, as with a predicate', () => {
    expect(snapshot.filesNamedLike(/^a\.yml$/)).toEqual(['a.yml', 'x/a.yml']);
    expect(snapshot.filesNamedLike(/^x\//)).toEqual([]);
    expect(snapshot.filesNamedLike((name) => /^a\.yml$/.test(name))).toEqual(['a.yml', 'x/a.yml']);
  });

  test('filesInDirectoriesLike takes the files directly in each matching directory', () => {
    expect(snapshot.filesInDirectoriesLike((dir) => /(?:^|\/)tekton(?:\/|$)/.test(dir))).toEqual(['tekton/d.yml', 'x/tekton/b.yml', 'x/tekton/deep/c.yml']);
  });

  test.each(['**/Dockerfile', 'services/**/Dockerfile', '**/api.Dockerfile', 'services/*/Dockerfile*', '**/[Dd]ockerfile', '!**/Dockerfile', '**/', '**'])(
    'filesMatchingGlob(%s) finds what picomatch finds among all files',
    (glob) => {
      const files = createMemorySnapshot(Object.fromEntries(
        ['Dockerfile', 'dockerfile', '.docker/Dockerfile', 'services/api/Dockerfile', 'services/api/Dockerfile.prod', 'services/api/api.Dockerfile', 'services/web/deep/Dockerfile', 'README.md']
          .map((path) => [path, '']),
      ));
      const matches = picomatch(glob, { dot: true });
      expect(filesMatchingGlob(files, glob)).toEqual(files.files.filter((path) => matches(path)));
    },
  );
});
