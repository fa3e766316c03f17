import { formatText } from '../../src/formatters/text.js';
import { formatJson } from '../../src/formatters/json.js';
import { printable } from '../../src/formatters/sanitize.js';
import { scanSnapshot } from '../../src/engine/scan.js';
import { loadChecklist } from '../../src/checklist/load.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { reportSchema } from '../../src/report/schema.js';
import { lines } from '../helpers/detect.js';

const checklist = loadChecklist('containerization');
const ESC = '\u001b';

function reportOf(files: Record<string, string>) {
  return scanSnapshot(createMemorySnapshot(files, { name: 'demo' }), checklist);
}

const partialRepo = {
  'api/package.json': '{"scripts":{"start":"node ."}}',
  'api/Dockerfile': lines('FROM node:20', 'USER node'),
  'worker/requirements.txt': 'celery\n',
};

describe('text formatter', () => {
  test('one line per step with its status word, the services, and the next step with its advice', () => {
    const text = formatText(reportOf(partialRepo), { color: false, verbose: false });
    const stepLines = text.split('\n').filter((l) => /^[✔◐✘?] /.test(l));
    expect(stepLines.map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual(['✔ done 1.', '◐ partial 2.', '✘ todo 3.', '✘ todo 4.', '✘ todo 5.', '✘ todo 6.', '✘ todo 7.']);
    expect(text).toMatch(/^1\/7 steps done /m);
    expect(text).toMatch(/^ {2}api +javascript +app +Dockerfile +—$/m);
    expect(text).toMatch(/^Next step: 2\. /m);
    expect(text).toContain(checklist.steps[1]!.advice.split('\n')[0]);
    expect(text).toContain('worker/requirements.txt');
    expect(text).not.toContain(ESC);
  });

  test('colour only when asked', () => {
    expect(formatText(reportOf(partialRepo), { color: true, verbose: false })).toContain(`${ESC}[`);
  });

  test('file names cannot smuggle terminal escapes or fake lines', () => {
    const evil = `evil${ESC}[2J\nfake ✔ done/package.json`;
    const text = formatText(reportOf({ [evil]: '{"scripts":{"start":"x"}}' }), { color: false, verbose: true });
    expect(text).not.toContain(ESC);
    expect(text).not.toMatch(/^fake/m);
    expect(text).toContain('evil\\u001b[2J\\nfake');
  });

  test('everything done: the checklist points to what comes next', () => {
    const report = reportOf(partialRepo);
    for (const step of report.steps) step.status = 'done';
    report.summary = { ...report.summary, done: 7, partial: 0, todo: 0, nextStep: null };
    const text = formatText(report, { color: false, verbose: false });
    expect(text).toContain('Every step is done.');
    expect(text).toContain('--checklist orchestration');
  });

  test('evidence beyond three lines is summarised unless verbose', () => {
    const files: Record<string, string> = {};
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      files[`${name}/go.mod`] = 'module x\n';
      files[`${name}/main.go`] = 'package main\n';
    }
    files['a/Dockerfile'] = 'FROM scratch\n';
    const quiet = formatText(reportOf(files), { color: false, verbose: false });
    expect(quiet).toContain('… 2 more (--verbose)');
    expect(formatText(reportOf(files), { color: false, verbose: true })).not.toContain('more (--verbose)');
  });

  test('printable escapes control characters only', () => {
    expect(printable('a\tb\nc\u0007d\u009be ünïcode ✔')).toBe('a\\tb\\nc\\u0007d\\u009be ünïcode ✔');
  });
});

describe('JSON formatter', () => {
  test('valid against the published schema, with messages rendered from codes', () => {
    const json = JSON.parse(formatJson(reportOf(partialRepo)));
    expect(reportSchema.parse(json)).toBeTruthy();
    expect(json.schemaVersion).toBe(1);
    const missing = json.steps[1].checks[0].missing[0];
    expect(missing).toMatchObject({ code: 'service-without-dockerfile', path: 'worker/requirements.txt', args: { service: 'worker', language: 'python' } });
    expect(missing.message).toEqual(expect.stringContaining('worker'));
  });

  test('control characters in paths stay escaped JSON, never raw', () => {
    const output = formatJson(reportOf({ [`x${ESC}/package.json`]: '{"scripts":{"start":"x"}}' }));
    expect(output).not.toContain(ESC);
    expect(JSON.parse(output).services[0].path).toBe(`x${ESC}`);
  });
});

describe('text formatter: attestations and ignores', () => {
  test('attested, expired and ignored items are shown with their reasons', () => {
    const report = reportOf(partialRepo);
    const [first, second] = report.steps;
    first!.attestation = { reason: 'Platform team builds it', expires: '2027-06-30', expired: false };
    second!.attestation = { reason: 'Old promise', expires: '2020-01-01', expired: true };
    second!.checks[0]!.ignored = [{ code: 'service-without-dockerfile', path: 'worker/requirements.txt', confidence: 'strong', args: { service: 'worker', language: 'python' }, reason: 'Retired in Q3' }];
    const text = formatText(report, { color: false, verbose: false });
    expect(text).toMatch(/^ {10}attested \(until 2027-06-30\): Platform team builds it$/m);
    expect(text).toMatch(/^ {10}attestation of step expired on 2020-01-01: Old promise$/m);
    expect(text).toMatch(/^ {10}ignored worker\/requirements\.txt .*\(Retired in Q3\)$/m);
  });
});
