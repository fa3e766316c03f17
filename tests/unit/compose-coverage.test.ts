import { detect, lines } from '../helpers/detect.js';
import { CHECKS_BY_ID } from '../../src/checks/registry.js';

type Files = Record<string, string>;

function composeStep(files: Files) {
  const { facts, findings } = detect(files);
  const outcomes = ['compose-file-exists', 'compose-covers-services'].map((id) => CHECKS_BY_ID.get(id)!.run({ facts, findings }, {}));
  return {
    statuses: outcomes.map((o) => o.status),
    missing: outcomes.flatMap((o) => o.missing).map((e) => [e.code, e.path, e.args.service]),
  };
}

const repo: Files = {
  'api/package.json': JSON.stringify({ scripts: { start: 'node .' } }),
  'api/Dockerfile': lines('FROM node:22', 'COPY . .'),
  'worker/requirements.txt': 'celery\n',
  'worker/Dockerfile': lines('FROM python:3.12', 'COPY . .'),
};

describe('the compose step: every service with a Dockerfile is in the Compose app', () => {
  test('partial, naming the service missing from it', () => {
    expect(composeStep({ ...repo, 'compose.yaml': lines('services:', '  api:', '    build: ./api') })).toEqual({
      statuses: ['pass', 'partial'],
      missing: [['compose-missing-service', 'worker/Dockerfile', 'worker']],
    });
  });

  test.each<[string, Files]>([
    ['in the override', { 'compose.yaml': lines('services:', '  api:', '    build: ./api'), 'compose.override.yaml': lines('services:', '  worker:', '    build: ./worker') }],
    ['in an included file', { 'compose.yaml': lines('include: [workers/compose.workers.yml]', 'services:', '  api:', '    build: ./api'), 'workers/compose.workers.yml': lines('services:', '  worker:', '    build: ../worker') }],
    // A later -f file's paths start from the first file's directory, here the root.
    ['in a file named with -f', { 'docker-compose.yml': lines('services:', '  api:', '    build: ./api'), 'ops/workers.yml': lines('services:', '  worker:', '    build: ./worker'), Makefile: lines('up:', '\tdocker compose -f docker-compose.yml -f ops/workers.yml up') }],
    ['through extends of another file', { 'compose.yaml': lines('services:', '  api:', '    build: ./api', '  worker:', '    extends: { file: common.yml, service: py }'), 'common.yml': lines('services:', '  py:', '    build: ./worker') }],
    ['with its Dockerfile written inline', { 'compose.yaml': lines('services:', '  api:', '    build: ./api', '  worker:', '    build:', '      context: ./worker', '      dockerfile_inline: FROM python:3.12') }],
    ['only under a profile', { 'compose.yaml': lines('services:', '  api:', '    build: ./api', '  worker:', '    build: ./worker', '    profiles: [jobs]') }],
  ])('done when the other service is %s', (_name, files) => {
    expect(composeStep({ ...repo, ...files })).toEqual({ statuses: ['pass', 'pass'], missing: [] });
  });

  test('no Compose file at all: to do', () => {
    expect(composeStep(repo).statuses).toEqual(['fail', 'fail']);
  });
});
