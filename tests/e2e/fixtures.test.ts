import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { fixture, REPO_ROOT, runJson } from '../helpers/cli.js';
import { reportSchema } from '../../src/report/schema.js';

const jsonSchema = JSON.parse(readFileSync(`${REPO_ROOT}/dist/report-schema.json`, 'utf8'));
const validate = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false }).compile(jsonSchema);

function statuses(report: any): Record<string, string> {
  return Object.fromEntries(report.steps.map((s: any) => [s.id, s.status]));
}

function scan(name: string) {
  const { status, report, stderr } = runJson([fixture(name)]);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  expect(validate(report)).toBe(true);
  expect(reportSchema.safeParse(report).success).toBe(true);
  return report;
}

describe('fixture repositories, through the built CLI', () => {
  test('empty: every step to do, first-dockerfile next', () => {
    const report = scan('empty');
    expect(report.summary).toEqual({ done: 0, partial: 0, todo: 7, unknown: 0, total: 7, nextStep: 'first-dockerfile' });
    expect(report.services).toEqual([]);
    expect(report.findings).toEqual([]);
  });

  test('node-service: one service found, no Dockerfile yet', () => {
    const report = scan('node-service');
    expect(report.services).toEqual([expect.objectContaining({ path: '.', language: 'javascript', kind: 'app', manifest: 'package.json', dockerfiles: [] })]);
    expect(report.summary.nextStep).toBe('first-dockerfile');
    const step2 = report.steps.find((s: any) => s.id === 'all-dockerfiles');
    expect(step2.checks[0].missing).toEqual([expect.objectContaining({ code: 'service-without-dockerfile', path: 'package.json', args: { service: '.', language: 'javascript' } })]);
  });

  test('python-service-dockerfile: steps 1 and 2 done, Compose next', () => {
    const report = scan('python-service-dockerfile');
    expect(statuses(report)).toMatchObject({ 'first-dockerfile': 'done', 'all-dockerfiles': 'done', compose: 'todo' });
    expect(report.summary.nextStep).toBe('compose');
    expect(report.services).toEqual([expect.objectContaining({ path: '.', language: 'python', dockerfiles: ['Dockerfile'] })]);
    expect(report.steps[0].checks[0].evidence).toEqual([expect.objectContaining({ code: 'dockerfile', path: 'Dockerfile', line: 1 })]);
  });

  test('monorepo-partial: names the service without a Dockerfile and the one missing from Compose', () => {
    const report = scan('monorepo-partial');
    expect(statuses(report)).toEqual({
      'first-dockerfile': 'done', 'all-dockerfiles': 'partial', compose: 'partial', 'dev-in-containers': 'todo',
      'automated-builds': 'todo', 'ci-with-images': 'todo', 'cd-staging': 'todo',
    });
    expect(report.summary).toMatchObject({ done: 1, partial: 2, nextStep: 'all-dockerfiles' });
    expect(report.services.map((s: any) => [s.path, s.language, s.dockerfiles, s.compose])).toEqual([
      ['services/api', 'javascript', ['services/api/Dockerfile'], ['api']],
      ['services/web', 'go', [], []],
      ['services/worker', 'python', ['services/worker/Dockerfile'], []],
    ]);
    const missing = (id: string) => report.steps.find((s: any) => s.id === id).checks.flatMap((c: any) => c.missing);
    expect(missing('all-dockerfiles')).toEqual([expect.objectContaining({ code: 'service-without-dockerfile', args: { service: 'services/web', language: 'go' } })]);
    expect(missing('compose')).toEqual([expect.objectContaining({ code: 'compose-missing-service', path: 'services/worker/Dockerfile', args: { service: 'services/worker' } })]);
  });

  test('github-pipeline: build and push, test in the image, deploy to staging: all seven done', () => {
    const report = scan('github-pipeline');
    expect(report.summary).toEqual({ done: 7, partial: 0, todo: 0, unknown: 0, total: 7, nextStep: null });
    const evidence = (id: string) => report.steps.find((s: any) => s.id === id).checks.flatMap((c: any) => c.evidence);
    expect(evidence('automated-builds')).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'ci-image-build', path: '.github/workflows/ci.yml', line: 26 })]));
    expect(evidence('ci-with-images')).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'ci-test-in-image', path: '.github/workflows/ci.yml', line: 25 })]));
    expect(evidence('cd-staging')).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'ci-deploy', path: '.github/workflows/ci.yml', args: expect.objectContaining({ environment: 'staging' }) })]));
    expect(evidence('dev-in-containers')).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'compose-bind-mount', path: 'compose.yaml', line: 9 })]));
  });

  test('gitlab-pipeline: the same path on GitLab CI, all seven done', () => {
    const report = scan('gitlab-pipeline');
    expect(report.summary).toEqual({ done: 7, partial: 0, todo: 0, unknown: 0, total: 7, nextStep: null });
    const evidence = (id: string) => report.steps.find((s: any) => s.id === id).checks.flatMap((c: any) => c.evidence);
    expect(evidence('automated-builds')).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'ci-image-build', path: '.gitlab-ci.yml', line: 13 }),
      expect.objectContaining({ code: 'ci-image-push', path: '.gitlab-ci.yml', line: 14 }),
    ]));
    expect(evidence('ci-with-images')).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'ci-test-in-image', path: '.gitlab-ci.yml', confidence: 'strong' })]));
    expect(evidence('cd-staging')).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'ci-deploy', args: expect.objectContaining({ environment: 'staging' }) })]));
    expect(evidence('dev-in-containers')).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'compose-develop-watch', path: 'docker-compose.yml' })]));
  });

  test('broken-input: every broken file is a finding with its line; undecidable steps say so', () => {
    const report = scan('broken-input');
    expect(report.findings.map((f: any) => [f.code, f.severity, f.path, f.line])).toEqual(expect.arrayContaining([
      ['yaml-syntax', 'error', '.github/workflows/build.yml', 8],
      ['dockerfile-no-from', 'error', 'Dockerfile', 2],
      ['yaml-syntax', 'error', 'docker-compose.yml', expect.any(Number)],
    ]));
    expect(statuses(report)).toMatchObject({ 'first-dockerfile': 'todo', compose: 'unknown', 'automated-builds': 'unknown' });
    for (const finding of report.findings) expect(finding.message).toEqual(expect.any(String));
    // The parser's own reason and place, not its whole message: the CLI bundle loads js-yaml on
    // first use behind a stand-in, which must still tell its errors apart.
    const workflow = report.findings.find((f: any) => f.code === 'yaml-syntax' && f.path === '.github/workflows/build.yml');
    expect([workflow.line, workflow.column, workflow.args.message]).toEqual([8, 1, 'tab characters must not be used in indentation']);
  });
});
