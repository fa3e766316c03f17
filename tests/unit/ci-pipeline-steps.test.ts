import { lines } from '../helpers/detect.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { scanSnapshot } from '../../src/engine/scan.js';
import { loadChecklist } from '../../src/checklist/load.js';

const checklist = loadChecklist('containerization');
const statusOf = (files: Record<string, string>, id: string) => scanSnapshot(createMemorySnapshot(files, { name: 'demo' }), checklist).steps.find((step) => step.id === id)?.status;

const APP = { 'package.json': '{ "name": "app", "scripts": { "start": "node server.js" }, "dependencies": { "express": "^4" } }\n', Dockerfile: 'FROM node:20\n' };

describe('CI facts through the checks', () => {
  test('a GitLab build whose push job sits in an included file is pushed by the pipeline', () => {
    const files = {
      ...APP,
      '.gitlab-ci.yml': lines('include: [{ local: ci/push.yml }]', 'build:', '  script: [docker build -t $CI_REGISTRY_IMAGE .]'),
      'ci/push.yml': lines('push:', '  script: [docker push $CI_REGISTRY_IMAGE]'),
    };
    expect(statusOf(files, 'automated-builds')).toBe('done');
  });

  test('an environment named `shop-staging` is a staging environment; `pre-prod` still is one', () => {
    const deployTo = (environment: string) => ({
      ...APP,
      '.github/workflows/cd.yml': lines('on: push', 'jobs:', '  cd:', '    runs-on: ubuntu-latest', `    environment: ${environment}`, '    steps:', '      - run: kubectl apply -f k8s/'),
    });
    expect([statusOf(deployTo('shop-staging'), 'cd-staging'), statusOf(deployTo('pre-prod'), 'cd-staging'), statusOf(deployTo('shop-production'), 'cd-staging')]).toEqual(['done', 'done', 'partial']);
  });

  test('a skaffold.yaml nobody runs, or a job merely in a public image, decides nothing', () => {
    const files = {
      ...APP,
      'skaffold.yaml': lines('apiVersion: skaffold/v4beta11', 'kind: Config', 'build:', '  artifacts: [{ image: app }]', 'profiles:', '  - name: staging', '    deploy: { kubectl: {} }'),
      '.gitlab-ci.yml': lines('test:', '  image: node:20', '  script: [npm test]'),
    };
    expect(['automated-builds', 'ci-with-images', 'cd-staging'].map((id) => statusOf(files, id))).toEqual(['todo', 'todo', 'todo']);
  });
});
