import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { scanRepository, scanSnapshot } from '../../src/engine/scan.js';
import { loadChecklist } from '../../src/checklist/load.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { evaluateGate } from '../../src/gate/gate.js';
import { ConfigError } from '../../src/config/load.js';
import type { Policy } from '../../src/engine/policy.js';
import { formatMarkdown } from '../../src/formatters/markdown.js';
import { lines } from '../helpers/detect.js';

const checklist = loadChecklist('containerization');
const TODAY = '2026-03-01';

const repo = {
  'api/package.json': '{"scripts":{"start":"node ."}}',
  'api/Dockerfile': lines('FROM node:latest', 'USER node'),
  'tools/gen/requirements.txt': 'jinja2\n',
  'worker/requirements.txt': 'celery\n',
};

function scan(policy: Partial<Policy>, files: Record<string, string> = repo) {
  return scanSnapshot(createMemorySnapshot(files, { name: 'demo' }), checklist, { policy: { attestations: [], ignore: [], today: TODAY, ...policy } });
}

const step = (report: ReturnType<typeof scan>, id: string) => report.steps.find((s) => s.id === id)!;

describe('attestations', () => {
  test('an attested step is done, with its reason, and counts toward progress', () => {
    const report = scan({ attestations: [{ step: 'cd-staging', reason: 'the platform team deploys it', expires: '2027-01-01' }] });
    expect(step(report, 'cd-staging')).toMatchObject({ status: 'done', attestation: { reason: 'the platform team deploys it', expires: '2027-01-01', expired: false } });
    expect(report.summary.done).toBe(2);
  });

  test('an expired attestation no longer counts, and the report says so', () => {
    const report = scan({ attestations: [{ step: 'cd-staging', reason: 'temporary', expires: '2026-02-28' }] });
    expect(step(report, 'cd-staging')).toMatchObject({ status: 'todo', attestation: { reason: 'temporary', expired: true } });
    expect(report.summary.done).toBe(1);
    expect(formatMarkdown(report)).toContain('attested: temporary (expired 2026-02-28)');
  });

  test('an attestation expiring today still counts; a check can be attested alone', () => {
    expect(step(scan({ attestations: [{ step: 'compose', reason: 'r', expires: TODAY }] }), 'compose').status).toBe('done');
    const report = scan({ attestations: [{ check: 'compose-covers-services', reason: 'the worker runs elsewhere' }] });
    expect(step(report, 'compose').checks.map((c) => [c.id, c.status, c.attestation?.reason ?? null])).toEqual([
      ['compose-file-exists', 'fail', null],
      ['compose-covers-services', 'pass', 'the worker runs elsewhere'],
    ]);
  });
});

describe('ignore', () => {
  test('missing items move aside with the reason; a partial check whose gaps are all ignored passes', () => {
    const before = step(scan({}), 'all-dockerfiles');
    expect(before.status).toBe('partial');
    expect(before.checks[0]!.missing.map((m) => m.path)).toEqual(['tools/gen/requirements.txt', 'worker/requirements.txt']);
    const report = scan({ ignore: [{ check: 'services-have-dockerfiles', paths: ['tools/**'], reason: 'generators are not deployed' }] });
    const partly = step(report, 'all-dockerfiles').checks[0]!;
    expect(partly.status).toBe('partial');
    expect(partly.missing.map((m) => m.path)).toEqual(['worker/requirements.txt']);
    expect(partly.ignored).toEqual([expect.objectContaining({ path: 'tools/gen/requirements.txt', reason: 'generators are not deployed' })]);
    const all = scan({ ignore: [{ check: 'services-have-dockerfiles', reason: 'migrating away from these' }] });
    expect(step(all, 'all-dockerfiles')).toMatchObject({ status: 'done', checks: [{ status: 'pass', missing: [], ignored: [{}, {}] }] });
  });

  test('a failing check stays failed even when its gaps are ignored', () => {
    const report = scan({ ignore: [{ check: 'compose-covers-services', reason: 'r' }] });
    expect(step(report, 'compose').checks[1]).toMatchObject({ status: 'fail', missing: [], ignored: [{ path: 'api/Dockerfile' }] });
  });

  test('ignored findings are listed apart with the reason, and the gate does not count them', () => {
    const report = scan({ ignore: [{ check: 'dockerfile-latest-tag', paths: ['api/**'], reason: 'pinned by Renovate at build time' }] });
    expect(report.findings.map((f) => f.code)).not.toContain('dockerfile-latest-tag');
    expect(report.ignoredFindings).toEqual([expect.objectContaining({ code: 'dockerfile-latest-tag', path: 'api/Dockerfile', reason: 'pinned by Renovate at build time' })]);
    expect(evaluateGate(report, { failOn: 'warning' })!.passed).toBe(true);
    expect(evaluateGate(scan({}), { failOn: 'warning' })!.passed).toBe(false);
  });
});

describe('scanRepository applies the config', () => {
  function disk(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'cc-policy-'));
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return dir;
  }
  const config = lines('attestations:', '  - step: cd-staging', '    reason: deployed by the platform', 'ignore:', '  - check: dockerfile-latest-tag', '    reason: pinned elsewhere');

  test('attestations count unless --no-attestations; ignores always apply', () => {
    const dir = disk({ ...repo, '.containerize-check.yaml': config });
    const withAttestations = scanRepository(dir, { today: TODAY }).report;
    expect(withAttestations.config).toBe('.containerize-check.yaml');
    expect(step(withAttestations, 'cd-staging').status).toBe('done');
    const evidenceOnly = scanRepository(dir, { today: TODAY, useAttestations: false }).report;
    expect(step(evidenceOnly, 'cd-staging')).toMatchObject({ status: 'todo', attestation: null });
    expect(evidenceOnly.ignoredFindings.map((f) => f.code)).toEqual(['dockerfile-latest-tag']);
  });

  test('an attestation or ignore naming nothing real is a config error', () => {
    const typoStep = disk({ '.containerize-check.yaml': 'attestations:\n  - { step: cd-stagin, reason: r }\n' });
    expect(() => scanRepository(typoStep)).toThrow(ConfigError);
    expect(() => scanRepository(typoStep)).toThrow(/no step 'cd-stagin' in checklist containerization/);
    const typoIgnore = disk({ '.containerize-check.yaml': 'ignore:\n  - { check: dockerfile-latest, reason: r }\n' });
    expect(() => scanRepository(typoIgnore)).toThrow(/'dockerfile-latest' is neither a check id nor a finding code/);
  });
});
