import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatJunit } from '../../src/formatters/junit.js';
import { scanSnapshot } from '../../src/engine/scan.js';
import { loadChecklist } from '../../src/checklist/load.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import type { Report } from '../../src/report/types.js';
import { lines } from '../helpers/detect.js';

const checklist = loadChecklist('containerization');
const reportOf = (files: Record<string, string>): Report => scanSnapshot(createMemorySnapshot(files, { name: 'demo' }), checklist);

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });
  return parser.parse(xml).testsuites;
}

const partialRepo = {
  'api/package.json': '{"scripts":{"start":"node ."}}',
  'api/Dockerfile': lines('FROM node:latest', 'USER node'),
  'worker/requirements.txt': 'celery\n',
  'compose.yaml': 'services:\n  api: [\n',
};

describe('JUnit XML', () => {
  test('a suite per step with a test case for the step and each check; todo and partial fail, unknown errs', () => {
    const suites = parse(formatJunit(reportOf(partialRepo)));
    const steps = suites.testsuite.filter((s: any) => s.name !== 'Findings');
    expect(steps.map((s: any) => s.name)).toEqual(checklist.steps.map((s, i) => `${i + 1}. ${s.title}`));
    expect(steps.map((s: any) => s.testcase.length)).toEqual(checklist.steps.map((s) => 1 + s.checks.length));
    const outcome = (test: any) => (test.failure ? `failure:${test.failure.type}` : test.error ? `error:${test.error.type}` : 'pass');
    expect(steps.map((s: any) => outcome(s.testcase[0]))).toEqual(['pass', 'failure:partial', 'error:unknown', 'failure:todo', 'failure:todo', 'failure:todo', 'failure:todo']);
    expect(steps[2].testcase.map((t: any) => [t.name, outcome(t)])).toEqual([
      ['step compose: Write a Compose file for the whole app', 'error:unknown'],
      ['check compose-file-exists', 'error:unknown'],
      ['check compose-covers-services', 'failure:fail'],
    ]);
    expect(steps[1].testcase[1].failure['#text']).toContain('worker/requirements.txt');
  });

  test('counts add up on every level', () => {
    const suites = parse(formatJunit(reportOf(partialRepo)));
    let tests = 0;
    let failures = 0;
    let errors = 0;
    for (const suite of suites.testsuite) {
      const cases = suite.testcase;
      expect(Number(suite.tests)).toBe(cases.length);
      expect(Number(suite.failures)).toBe(cases.filter((c: any) => c.failure).length);
      expect(Number(suite.errors)).toBe(cases.filter((c: any) => c.error).length);
      tests += cases.length;
      failures += Number(suite.failures);
      errors += Number(suite.errors);
    }
    expect([Number(suites.tests), Number(suites.failures), Number(suites.errors)]).toEqual([tests, failures, errors]);
    const findings = suites.testsuite.find((s: any) => s.name === 'Findings');
    expect(findings.testcase.map((t: any) => t.failure.type)).toEqual(expect.arrayContaining(['error', 'warning']));
  });

  test('everything from the repository is escaped, and characters XML cannot carry are made visible', () => {
    const evil = 'x"&<y>\'\u0001\u001b[2J\ud800\ufffe';
    const xml = formatJunit(reportOf({ [`${evil}/requirements.txt`]: 'flask\n' }));
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(xml).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    const suites = parse(xml);
    const failure = suites.testsuite[1].testcase[1].failure['#text'] as string;
    expect(failure).toContain('x"&<y>\'\\u0001\\u001b[2J\\ud800\\ufffe/requirements.txt');
  });

  test('an attested step passes and says why', () => {
    const report = reportOf({});
    report.steps[6]!.status = 'done';
    report.steps[6]!.attestation = { reason: 'deployed by the platform team\'s <pipeline>', expires: null, expired: false };
    const suites = parse(formatJunit(report));
    const test = suites.testsuite[6].testcase[0];
    expect(test.failure).toBeUndefined();
    expect(test['system-out']).toBe('attested: deployed by the platform team\'s <pipeline>');
  });
});

test('the checks of an attested step do not fail the build either', () => {
  const report = reportOf({});
  const step = report.steps[6]!;
  step.status = 'done';
  step.attestation = { reason: 'deployed elsewhere', expires: null, expired: false };
  const cases = parse(formatJunit(report)).testsuite[6].testcase;
  expect(cases.map((c: any) => Boolean(c.failure || c.error))).toEqual([false, false]);
});
