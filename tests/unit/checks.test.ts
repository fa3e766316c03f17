import { emptyFacts } from '../../src/detectors/run.js';
import { CHECKS_BY_ID } from '../../src/checks/registry.js';
import type { CiActivity, CiJobFact, Facts } from '../../src/detectors/facts.js';
import type { Finding } from '../../src/findings/finding.js';
import type { z } from 'zod';
import { detect, lines } from '../helpers/detect.js';

function run(id: string, facts: Facts, findings: Finding[] = [], params: Record<string, unknown> = {}) {
  const check = CHECKS_BY_ID.get(id)!;
  return check.run({ facts, findings }, (check.params as z.ZodType).parse(params));
}

function job(name: string, activities: Array<Partial<CiActivity> & Pick<CiActivity, 'kind'>>, file = '.github/workflows/ci.yml'): CiJobFact {
  return {
    system: 'github-actions', file, job: name, line: 1,
    activities: activities.map((a, i) => ({ path: file, line: 10 + i, confidence: 'strong', tool: 'docker', ...a })),
  };
}

function ciFacts(...jobs: CiJobFact[]): Facts {
  const facts = emptyFacts();
  facts.ci = { configs: [{ system: 'github-actions', path: '.github/workflows/ci.yml' }], jobs };
  return facts;
}

describe('image checks', () => {
  const repo = {
    'api/package.json': '{"scripts":{"start":"node ."}}',
    'api/Dockerfile': 'FROM node:20\n',
    'worker/requirements.txt': 'celery\n',
    'examples/demo/package.json': '{"scripts":{"start":"node ."}}',
    'lib/package.json': '{"name":"lib","exports":"./index.js"}',
  };

  test('dockerfile-exists passes on one Dockerfile and fails on none', () => {
    expect(run('dockerfile-exists', detect(repo).facts)).toMatchObject({ status: 'pass', evidence: [{ code: 'dockerfile', path: 'api/Dockerfile' }] });
    expect(run('dockerfile-exists', detect({ 'package.json': '{}' }).facts).status).toBe('fail');
  });

  test('a Dockerfile only under examples/ does not count', () => {
    const result = run('dockerfile-exists', detect({ 'examples/demo/Dockerfile': 'FROM node:20\n', 'examples/demo/package.json': '{}' }).facts);
    expect(result).toMatchObject({ status: 'fail', evidence: [{ code: 'dockerfile', confidence: 'weak' }] });
  });

  test('services-have-dockerfiles names the deployable services without one, not libraries or examples', () => {
    const result = run('services-have-dockerfiles', detect(repo).facts);
    expect(result.status).toBe('partial');
    expect(result.missing.map((m) => [m.code, m.path, m.args.service])).toEqual([['service-without-dockerfile', 'worker/requirements.txt', 'worker']]);
    const all = run('services-have-dockerfiles', detect({ ...repo, 'worker/Dockerfile': 'FROM python:3.12\n' }).facts);
    expect(all).toMatchObject({ status: 'pass', missing: [] });
    expect(run('services-have-dockerfiles', detect({}).facts).status).toBe('fail');
  });

  test('compose checks: a file with services, and every containerized service in it', () => {
    const withCompose = { ...repo, 'compose.yaml': lines('services:', '  api:', '    build: ./api') };
    expect(run('compose-file-exists', detect(withCompose).facts)).toMatchObject({ status: 'pass', evidence: [{ code: 'compose-file', path: 'compose.yaml' }] });
    expect(run('compose-covers-services', detect(withCompose).facts)).toMatchObject({ status: 'pass', evidence: [{ code: 'compose-service', path: 'compose.yaml', line: 2 }] });
    const partial = run('compose-covers-services', detect({ ...withCompose, 'worker/Dockerfile': 'FROM python:3.12\n' }).facts);
    expect(partial.status).toBe('partial');
    expect(partial.missing).toEqual([expect.objectContaining({ code: 'compose-missing-service', path: 'worker/Dockerfile', args: { service: 'worker' } })]);
    expect(run('compose-file-exists', detect(repo).facts).status).toBe('fail');
    expect(run('compose-covers-services', detect(repo).facts).status).toBe('fail');
  });

  test('a Compose file for tests or CI alone does not make the compose step pass; beside the app\'s own it changes nothing', () => {
    const testsOnly = { ...repo, 'docker-compose.test.yml': lines('services:', '  db:', '    image: postgres:16', '  api:', '    build: ./api') };
    for (const name of ['docker-compose.test.yml', 'compose.ci.yaml', 'docker-compose-e2e.yml', 'compose.integration.yaml', 'docker-compose.tests.yml']) {
      const result = run('compose-file-exists', detect({ ...repo, [name]: testsOnly['docker-compose.test.yml'] }).facts);
      expect(result).toMatchObject({ status: 'fail', evidence: [{ code: 'compose-file', path: name, confidence: 'weak' }] });
    }
    // Broken, it does not make the step undecidable either, as an app's own broken file would.
    const broken = detect({ ...repo, 'docker-compose.test.yml': 'services:\n  api: [\n' });
    expect(run('compose-file-exists', broken.facts, broken.findings)).toMatchObject({ status: 'fail', evidence: [] });
    const both = run('compose-file-exists', detect({ ...testsOnly, 'compose.yaml': lines('services:', '  api:', '    build: ./api') }).facts);
    expect(both).toMatchObject({ status: 'pass', evidence: [{ path: 'compose.yaml', confidence: 'strong' }, { path: 'docker-compose.test.yml', confidence: 'weak' }] });
    // Names that only look alike stay the app's: a "contest" or "citadel" variant is no test setup.
    for (const name of ['compose.contest.yaml', 'docker-compose.citadel.yml', 'docker-compose.prod.yml']) {
      expect(run('compose-file-exists', detect({ ...repo, [name]: testsOnly['docker-compose.test.yml'] }).facts)).toMatchObject({ status: 'pass', evidence: [{ path: name, confidence: 'strong' }] });
    }
  });

  test('a Compose file that does not parse makes the step undecidable, not failed', () => {
    const { facts, findings } = detect({ 'compose.yaml': 'services:\n  api: [\n' });
    expect(run('compose-file-exists', facts, findings)).toMatchObject({ status: 'unknown', evidence: [{ code: 'config-not-understood', path: 'compose.yaml' }] });
  });
});

describe('dev-environment', () => {
  test('passes on strong or medium evidence, never on weak alone', () => {
    const facts = emptyFacts();
    expect(run('dev-environment', facts).status).toBe('fail');
    facts.devEnvironment = [{ code: 'docs-run-containers', path: 'README.md', line: 4, args: { command: 'docker compose up' }, confidence: 'weak' }];
    expect(run('dev-environment', facts).status).toBe('fail');
    facts.devEnvironment.push({ code: 'devcontainer', path: '.devcontainer/devcontainer.json', args: {}, confidence: 'strong' });
    expect(run('dev-environment', facts)).toMatchObject({ status: 'pass', evidence: [{ code: 'devcontainer' }, { code: 'docs-run-containers' }] });
  });
});

describe('CI checks', () => {
  test('ci-builds-images: pushed is done, built-only is partial, nothing is todo', () => {
    expect(run('ci-builds-images', ciFacts(job('build', [{ kind: 'image-build', pushes: true, context: 'api' }]))).status).toBe('pass');
    expect(run('ci-builds-images', ciFacts(job('build', [{ kind: 'image-build' }, { kind: 'image-push' }]))).status).toBe('pass');
    const unpushed = run('ci-builds-images', ciFacts(job('build', [{ kind: 'image-build', context: 'api' }])));
    expect(unpushed).toMatchObject({ status: 'partial', missing: [{ code: 'ci-build-without-push', path: '.github/workflows/ci.yml', line: 10 }] });
    expect(run('ci-builds-images', ciFacts(job('build', [{ kind: 'image-build' }])), [], { requirePush: false }).status).toBe('pass');
    expect(run('ci-builds-images', ciFacts()).status).toBe('fail');
    expect(run('ci-builds-images', ciFacts(job('build', [{ kind: 'image-build', confidence: 'weak' }]))).status).toBe('fail');
  });

  test('a CI file that does not parse: unknown rather than todo', () => {
    const broken: Finding = { code: 'yaml-syntax', severity: 'error', path: '.github/workflows/ci.yml', line: 3, args: { message: 'x' } };
    for (const id of ['ci-builds-images', 'ci-tests-in-images', 'cd-deploys-to-staging']) {
      expect(run(id, ciFacts(), [broken])).toMatchObject({ status: 'unknown', evidence: [{ code: 'config-not-understood', line: 3 }] });
    }
  });

  test('ci-tests-in-images: a public job image alone is not enough', () => {
    expect(run('ci-tests-in-images', ciFacts(job('test', [{ kind: 'job-image', image: 'node:20', confidence: 'weak' }])))).toMatchObject({
      status: 'fail', evidence: [{ code: 'ci-job-image', confidence: 'weak', args: { image: 'node:20' } }],
    });
    expect(run('ci-tests-in-images', ciFacts(job('test', [{ kind: 'test-in-image', tool: 'docker run' }]))).status).toBe('pass');
  });

  test('cd-deploys-to-staging: staging-like environments pass, production only is partial', () => {
    expect(run('cd-deploys-to-staging', ciFacts(job('deploy', [{ kind: 'deploy', environment: 'staging' }]))).status).toBe('pass');
    expect(run('cd-deploys-to-staging', ciFacts(job('deploy', [{ kind: 'deploy', environment: 'review/$CI_COMMIT_REF_SLUG' }]))).status).toBe('pass');
    expect(run('cd-deploys-to-staging', ciFacts(job('deploy', [{ kind: 'deploy', environment: 'production' }]))).status).toBe('partial');
    expect(run('cd-deploys-to-staging', ciFacts(job('deploy', [{ kind: 'deploy' }]))).status).toBe('partial');
    expect(run('cd-deploys-to-staging', ciFacts(job('deploy', [{ kind: 'deploy', environment: 'prod-eu' }])), [], { environments: ['prod-eu'] }).status).toBe('pass');
    expect(run('cd-deploys-to-staging', ciFacts()).status).toBe('fail');
  });
});
