import { stepStatus, evaluate } from '../../src/engine/evaluate.js';
import { BUILT_IN_CHECKLISTS, loadChecklist, parseChecklist } from '../../src/checklist/load.js';
import { emptyFacts, runDetectors } from '../../src/detectors/run.js';
import { factsRead, scanSnapshot } from '../../src/engine/scan.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { TOOL } from '../../src/version.js';
import { evaluateGate, gateExitCode, GateConfigError } from '../../src/gate/gate.js';
import type { CheckStatus } from '../../src/checks/define.js';

describe('stepStatus', () => {
  test.each<[CheckStatus[], string]>([
    [['pass'], 'done'],
    [['pass', 'pass'], 'done'],
    [['fail'], 'todo'],
    [['fail', 'fail'], 'todo'],
    [['pass', 'fail'], 'partial'],
    [['partial'], 'partial'],
    [['pass', 'partial'], 'partial'],
    [['unknown'], 'unknown'],
    [['unknown', 'fail'], 'unknown'],
    [['pass', 'unknown'], 'partial'],
  ])('%j → %s', (statuses, expected) => {
    expect(stepStatus(statuses)).toBe(expected);
  });
});

const checklist = parseChecklist(
  `id: t
title: T
steps:
  - { id: images, title: Images, why: w, advice: a, checks: [{ check: dockerfile-exists }] }
  - { id: compose, title: Compose, why: w, advice: a, checks: [{ check: compose-file-exists }] }
`,
  'test',
);

function reportFor(facts = emptyFacts()) {
  return evaluate({ checklist, facts, findings: [], rootName: 'r', tool: { name: 'containerize-check', version: '0' } });
}

describe('evaluate', () => {
  test('nothing found: every step to do, the first one next', () => {
    expect(reportFor().summary).toEqual({ done: 0, partial: 0, todo: 2, unknown: 0, total: 2, nextStep: 'images' });
  });

  test('the next step is the first not done, even when a later one is done', () => {
    const facts = emptyFacts();
    facts.compose = [{ path: 'compose.yaml', override: false, valid: true, services: [{ name: 'db', file: 'compose.yaml', line: 2, image: 'postgres:16', ports: [], volumes: [], developWatch: false, profiles: [] }] }];
    const report = reportFor(facts);
    expect(report.steps.map((s) => s.status)).toEqual(['todo', 'done']);
    expect(report.summary.nextStep).toBe('images');
  });

  test('a step resting on medium evidence says so', () => {
    const devChecklist = parseChecklist('id: d\ntitle: D\nsteps:\n  - { id: dev, title: Dev, why: w, advice: a, checks: [{ check: dev-environment }] }\n', 'test');
    const facts = emptyFacts();
    facts.devEnvironment = [{ code: 'docs-run-containers', path: 'README.md', line: 3, args: { command: 'docker compose up' }, confidence: 'medium' }];
    const report = evaluate({ checklist: devChecklist, facts, findings: [], rootName: 'r', tool: { name: 'x', version: '0' } });
    expect(report.steps[0]).toMatchObject({ status: 'done', confidence: 'medium' });
    facts.devEnvironment[0]!.confidence = 'weak';
    const weak = evaluate({ checklist: devChecklist, facts, findings: [], rootName: 'r', tool: { name: 'x', version: '0' } });
    expect(weak.steps[0]).toMatchObject({ status: 'todo', confidence: null });
  });
});

describe('gate', () => {
  const report = reportFor();
  test('no gate: null, exit 0', () => {
    report.gate = evaluateGate(report, {});
    expect(report.gate).toBeNull();
    expect(gateExitCode(report)).toBe(0);
  });
  test('min-steps and require failures are listed', () => {
    report.gate = evaluateGate(report, { minSteps: 1, require: ['compose'] });
    expect(report.gate).toEqual({ minSteps: 1, require: ['compose'], failOn: null, passed: false, failures: [{ kind: 'min-steps', needed: 1, done: 0 }, { kind: 'require', step: 'compose', status: 'todo' }] });
    expect(gateExitCode(report)).toBe(1);
  });
  test('min-steps 0 holds', () => {
    report.gate = evaluateGate(report, { minSteps: 0 });
    expect(report.gate?.passed).toBe(true);
    expect(gateExitCode(report)).toBe(0);
  });
  test('fail-on counts findings at or above the severity', () => {
    const withFindings = reportFor();
    withFindings.findings = [
      { code: 'dockerfile-latest-tag', severity: 'warning', path: 'Dockerfile', line: 1, args: { image: 'node' } },
      { code: 'dockerfile-add-instead-of-copy', severity: 'info', path: 'Dockerfile', line: 2, args: {} },
    ];
    expect(evaluateGate(withFindings, { failOn: 'error' })?.passed).toBe(true);
    expect(evaluateGate(withFindings, { failOn: 'warning' })?.failures).toEqual([{ kind: 'findings', severity: 'warning', count: 1 }]);
  });
  test('an unknown step or an impossible count is a configuration error', () => {
    expect(() => evaluateGate(report, { require: ['nope'] })).toThrow(GateConfigError);
    expect(() => evaluateGate(report, { minSteps: 3 })).toThrow(/has only 2 steps/);
  });
});

describe('the facts a run gathers', () => {
  test('what the checklist\'s checks read, and the services every report lists: orchestration facts only for a checklist that reads them', () => {
    expect([...factsRead(loadChecklist('containerization'))].sort()).toEqual(['ci', 'compose', 'devEnvironment', 'services']);
    expect(factsRead(loadChecklist('orchestration'))).toContain('orchestration');
    const fileOnly = parseChecklist('id: own\ntitle: Own\nsteps:\n  - id: a\n    title: A\n    why: w\n    advice: a\n    checks:\n      - check: file-exists\n        with: { globs: [README.md] }\n', 'own.yaml');
    expect([...factsRead(fileOnly)]).toEqual(['services']);
  });

  test('the report of a run that gathers only what its checklist reads is the report of one that gathers everything', () => {
    const files = {
      'Dockerfile': 'FROM node:20\nENV API_TOKEN=s3cr3t-value-123\n',
      'k8s/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2hunter2\n',
      'README.md': '# Shop\n\n    kind create cluster\n    docker compose up\n',
      'compose.yaml': 'services:\n  api:\n    build: .\n  db:\n    image: postgres:16\n',
      'package.json': JSON.stringify({ name: 'shop', scripts: { start: 'node index.js' }, dependencies: { 'prom-client': '^15.0.0' } }),
      '.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t shop .\n',
    };
    for (const name of BUILT_IN_CHECKLISTS) {
      const checklist = loadChecklist(name);
      const snapshot = createMemorySnapshot(files);
      const everything = runDetectors(createMemorySnapshot(files));
      const expected = evaluate({ checklist, facts: everything.facts, findings: everything.findings, snapshot, rootName: snapshot.name, tool: TOOL });
      expect(scanSnapshot(createMemorySnapshot(files), checklist)).toEqual(expected);
    }
  });
});
