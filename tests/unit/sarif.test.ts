import { formatSarif } from '../../src/formatters/sarif.js';
import { scanSnapshot } from '../../src/engine/scan.js';
import { loadChecklist } from '../../src/checklist/load.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { createDiskSnapshot } from '../../src/snapshot/disk.js';
import { evaluateGate } from '../../src/gate/gate.js';
import { CHECKS } from '../../src/checks/registry.js';
import { FINDING_CODES } from '../../src/findings/finding.js';
import type { Report } from '../../src/report/types.js';
import { sarifValidator } from '../helpers/sarif-schema.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { lines } from '../helpers/detect.js';

const validate = sarifValidator();
const containerization = loadChecklist('containerization');

function reportOf(files: Record<string, string>, checklist = containerization): Report {
  return scanSnapshot(createMemorySnapshot(files, { name: 'demo' }), checklist);
}

function sarif(report: Report) {
  const log = JSON.parse(formatSarif(report));
  return { log, run: log.runs[0], results: log.runs[0].results as any[] };
}

const where = (result: any) => {
  const { artifactLocation, region } = result.locations[0].physicalLocation;
  return `${artifactLocation.uri}:${region.startLine}`;
};

const partialRepo = {
  'api/package.json': '{"scripts":{"start":"node ."}}',
  'api/Dockerfile': lines('FROM node:20'),
  'worker/requirements.txt': 'celery\n',
  'my service #2/package.json': '{"scripts":{"start":"node ."}}',
  'compose.yaml': 'services:\n  api: [\n',
};

/** What GitHub code scanning requires of an upload, beyond the schema (docs: "SARIF support for code scanning"). */
function expectGitHubAcceptable(log: any): void {
  expect(log.version).toBe('2.1.0');
  for (const run of log.runs) {
    expect(run.tool.driver.name).toBeTruthy();
    const ruleIds = run.tool.driver.rules.map((r: any) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.shortDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.help.text.length).toBeGreaterThan(0);
      expect(rule.help.markdown.length).toBeGreaterThan(0);
      expect(rule.properties.tags.length).toBeLessThanOrEqual(20);
    }
    expect(run.results.length).toBeLessThanOrEqual(25_000);
    const fingerprints = new Set<string>();
    for (const result of run.results) {
      expect(ruleIds).toContain(result.ruleId);
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.locations.length).toBeGreaterThanOrEqual(1);
      expect(result.locations.length).toBeLessThanOrEqual(10);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uri).not.toMatch(/^(\/|\.\/|\.$|[a-z][a-z0-9+.-]*:)/i);
      expect(artifactLocation.uri).not.toBe('');
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      const fingerprint = result.partialFingerprints['containerizeCheck/v1'];
      expect(fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(fingerprints.has(fingerprint)).toBe(false);
      fingerprints.add(fingerprint);
    }
  }
}

describe('SARIF', () => {
  test.each([
    ['a partial repository', () => reportOf(partialRepo)],
    ['an empty repository', () => reportOf({})],
    ['the bundled example', () => scanSnapshot(createDiskSnapshot(`${REPO_ROOT}examples/shop`), containerization)],
    ['the orchestration checklist', () => reportOf(partialRepo, loadChecklist('orchestration'))],
  ])('%s: valid against the SARIF 2.1.0 schema and what GitHub requires', (_name, make) => {
    const { log } = sarif(make());
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expectGitHubAcceptable(log);
  });

  test('a rule per check of the checklist, with the step\'s why and advice, and one per finding code', () => {
    const { run } = sarif(reportOf(partialRepo));
    const rules = run.tool.driver.rules as any[];
    expect(rules.map((r) => r.id)).toEqual([...containerization.steps.flatMap((s) => s.checks.map((c) => c.check.id)), ...FINDING_CODES]);
    const compose = rules.find((r) => r.id === 'compose-file-exists');
    expect(compose.shortDescription.text).toBe(CHECKS.find((c) => c.id === 'compose-file-exists')!.description);
    expect(compose.help.markdown).toContain(containerization.steps[2]!.advice.split('\n')[0]);
    expect(compose.help.text).toContain(containerization.steps[2]!.why);
    expect(run.tool.driver).toMatchObject({ name: 'containerize-check', informationUri: expect.stringMatching(/^https:\/\//) });
    expect(run.originalUriBaseIds['%SRCROOT%']).toBeDefined();
  });

  test('results: each missing item at its file, findings at their line and column, encoded paths', () => {
    const { results } = sarif(reportOf(partialRepo));
    const brief = results.map((r) => [r.ruleId, r.level, where(r)]);
    expect(brief).toContainEqual(['services-have-dockerfiles', 'warning', 'worker/requirements.txt:1']);
    expect(brief).toContainEqual(['yaml-syntax', 'error', 'compose.yaml:3']);
    expect(results.find((r) => r.ruleId === 'yaml-syntax').locations[0].physicalLocation.region.startColumn).toBeGreaterThanOrEqual(1);
    // The Compose file does not parse: "could not tell" is a note, located at the parse error.
    expect(brief).toContainEqual(['compose-file-exists', 'note', 'compose.yaml:3']);
    expect(results.map(where)).toContainEqual('my%20service%20%232/package.json:1');
    for (const result of results) expect(result.locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
  });

  test('a gap about something missing is anchored at a file that exists, never at the root', () => {
    const { results } = sarif(reportOf({ 'api/go.mod': 'module api\n', 'api/main.go': 'package main\n' }));
    const anchored = results.filter((r) => r.ruleId === 'dockerfile-exists');
    expect(anchored.map(where)).toEqual(['api/go.mod:1']);
    // Nothing at all to point at: README.md, the one file nearly every repository has.
    expect(new Set(sarif(reportOf({})).results.map(where))).toEqual(new Set(['README.md:1']));
    const orchestration = sarif(reportOf({ 'k8s/deploy.yaml': lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: api }') }, loadChecklist('orchestration')));
    expect(orchestration.results.map(where).some((w) => w.startsWith('.:') || w.startsWith(':'))).toBe(false);
  });

  test('steps the gate requires are errors', () => {
    const report = reportOf(partialRepo);
    report.gate = evaluateGate(report, { require: ['all-dockerfiles'] });
    const { results } = sarif(report);
    expect(results.filter((r) => r.ruleId === 'services-have-dockerfiles').map((r) => r.level)).toEqual(['error', 'error']);
    expect(results.filter((r) => r.ruleId === 'ci-builds-images').map((r) => r.level)).toEqual(['warning']);
  });

  test('partial fingerprints ignore line numbers, so an edit above keeps the alert', () => {
    const before = sarif(reportOf({ ...partialRepo, 'api/Dockerfile': lines('FROM node:latest') })).results;
    const after = sarif(reportOf({ ...partialRepo, 'api/Dockerfile': lines('# a comment', '', 'FROM node:latest') })).results;
    const latest = (results: any[]) => results.find((r) => r.ruleId === 'dockerfile-latest-tag');
    expect(where(latest(before))).not.toBe(where(latest(after)));
    expect(latest(before).partialFingerprints).toEqual(latest(after).partialFingerprints);
    expect(before.map((r) => r.partialFingerprints)).toEqual(after.map((r) => r.partialFingerprints));
  });

  test('ignored gaps and findings are reported as suppressed, with the reason', () => {
    const report = reportOf(partialRepo);
    const check = report.steps[1]!.checks[0]!;
    check.ignored = check.missing.map((m) => ({ ...m, reason: 'worker is retired' }));
    check.missing = [];
    check.status = 'pass';
    const root = report.findings.find((f) => f.code === 'dockerfile-runs-as-root')!;
    report.findings = report.findings.filter((f) => f !== root);
    report.ignoredFindings = [{ ...root, reason: 'the base image sets USER' }];
    const { log, results } = sarif(report);
    const suppressed = results.filter((r) => r.suppressions);
    expect(suppressed.map((r) => [r.ruleId, where(r), r.suppressions[0].justification])).toEqual([
      ['services-have-dockerfiles', 'my%20service%20%232/package.json:1', 'worker is retired'],
      ['services-have-dockerfiles', 'worker/requirements.txt:1', 'worker is retired'],
      ['dockerfile-runs-as-root', 'api/Dockerfile:1', 'the base image sets USER'],
    ]);
    expect(validate(log)).toBe(true);
  });

  test('an attested step raises no alerts; an expired attestation does', () => {
    const report = reportOf(partialRepo);
    const step = report.steps[1]!;
    step.attestation = { reason: 'the worker is built by its own repository', expires: null, expired: false };
    step.status = 'done';
    expect(sarif(report).results.filter((r) => r.ruleId === 'services-have-dockerfiles')).toEqual([]);
    step.attestation = { ...step.attestation, expires: '2020-01-01', expired: true };
    step.status = 'partial';
    expect(sarif(report).results.filter((r) => r.ruleId === 'services-have-dockerfiles')).toHaveLength(2);
  });

  test('check ids and finding codes never collide, so every rule id is unambiguous', () => {
    const codes = new Set<string>(FINDING_CODES);
    expect(CHECKS.map((c) => c.id).filter((id) => codes.has(id))).toEqual([]);
  });
});

describe('SARIF and terminal safety', () => {
  test('C1 controls and line separators from file names are escaped, and the JSON still parses', async () => {
    const { formatSarif } = await import('../../src/formatters/sarif.js');
    const { scanSnapshot } = await import('../../src/engine/scan.js');
    const { createMemorySnapshot } = await import('../../src/snapshot/memory.js');
    const { loadChecklist } = await import('../../src/checklist/load.js');
    const name = 'bad\u009b31m\u2028dir';
    const report = scanSnapshot(createMemorySnapshot({ [`${name}/package.json`]: '{"scripts":{"start":"x"}}' }), loadChecklist('containerization'));
    const output = formatSarif(report);
    expect(output).not.toMatch(/[\u007f-\u009f\u2028\u2029]/);
    expect(output).toContain('\\u009b');
    expect(JSON.parse(output).runs[0].results.length).toBeGreaterThan(0);
  });
});
