import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { scanRepository } from '../../src/engine/scan.js';
import type { Report } from '../../src/report/types.js';

/**
 * Accuracy fixtures: small repositories modeled on real public layouts, each with the answer an
 * experienced platform engineer would give (tests/fixtures/accuracy/README.md describes the format).
 * A wrong status is the worst bug this tool can have, so every difference is listed by name.
 */
const ACCURACY_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'accuracy');
const REQUIRED_STEPS = ['first-dockerfile', 'all-dockerfiles', 'compose'] as const;

const expectedService = z.strictObject({
  path: z.string(),
  language: z.string(),
  kind: z.enum(['app', 'library']),
  confidence: z.enum(['strong', 'medium', 'weak']),
  dockerfiles: z.array(z.string()),
  builders: z.array(z.string()),
  compose: z.array(z.string()).optional(),
  builtInCi: z.boolean().optional(),
  deployed: z.boolean().optional(),
});

const expectedSchema = z.strictObject({
  description: z.string(),
  checklist: z.string().optional(),
  services: z.array(expectedService),
  steps: z.record(z.string(), z.enum(['done', 'partial', 'todo', 'unknown'])),
  evidence: z.array(z.strictObject({ step: z.string(), code: z.string(), path: z.string(), line: z.number().int().optional() })).optional(),
});

type Expected = z.infer<typeof expectedSchema>;

const fixtures = readdirSync(ACCURACY_DIR).filter((name) => name.endsWith('.expected.json')).map((name) => name.slice(0, -'.expected.json'.length)).sort();

function load(name: string): Expected {
  return expectedSchema.parse(JSON.parse(readFileSync(join(ACCURACY_DIR, `${name}.expected.json`), 'utf8')));
}

/** Every way the report differs from the expected answer, one line each. */
function differences(expected: Expected, report: Report): string[] {
  const problems: string[] = [];
  const actual = new Map(report.services.map((s) => [s.path, s]));
  for (const want of expected.services) {
    const got = actual.get(want.path);
    if (!got) {
      problems.push(`service ${want.path}: expected, not found`);
      continue;
    }
    actual.delete(want.path);
    const fields = { language: got.language, kind: got.kind, confidence: got.confidence, dockerfiles: got.dockerfiles, builders: got.builders, compose: got.compose, builtInCi: got.builtInCi, deployed: got.deployed };
    for (const [key, value] of Object.entries(fields)) {
      const wanted = (want as Record<string, unknown>)[key];
      if (wanted !== undefined && JSON.stringify(wanted) !== JSON.stringify(value)) problems.push(`service ${want.path}: ${key} is ${JSON.stringify(value)}, expected ${JSON.stringify(wanted)}`);
    }
  }
  for (const extra of actual.values()) problems.push(`service ${extra.path}: found (${extra.language} ${extra.kind}, ${extra.confidence}), not expected`);
  for (const [id, status] of Object.entries(expected.steps)) {
    const step = report.steps.find((s) => s.id === id);
    if (!step) problems.push(`step ${id}: not in checklist ${report.checklist.id}`);
    else if (step.status !== status) problems.push(`step ${id}: ${step.status}, expected ${status}`);
  }
  for (const want of expected.evidence ?? []) {
    const step = report.steps.find((s) => s.id === want.step);
    const all = step?.checks.flatMap((c) => [...c.evidence, ...c.missing]) ?? [];
    const found = all.some((e) => e.code === want.code && e.path === want.path && (want.line === undefined || e.line === want.line));
    if (!found) problems.push(`step ${want.step}: no ${want.code} at ${want.path}${want.line ? `:${want.line}` : ''} (has: ${all.map((e) => `${e.code} ${e.path}${e.line ? `:${e.line}` : ''}`).join(', ') || 'nothing'})`);
  }
  return problems;
}

describe('accuracy fixtures', () => {
  test('there are fixtures, each with its directory and a README naming the public pattern it follows', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    for (const name of fixtures) {
      expect([name, existsSync(join(ACCURACY_DIR, name, 'README.md'))]).toEqual([name, true]);
    }
  });

  test.each(fixtures)('%s', (name) => {
    const expected = load(name);
    for (const id of REQUIRED_STEPS) if (!expected.checklist) expect([id, expected.steps[id] !== undefined]).toEqual([id, true]);
    const { report } = scanRepository(join(ACCURACY_DIR, name), { checklist: expected.checklist, useAttestations: false, today: '2025-06-01' });
    expect(differences(expected, report)).toEqual([]);
  });
});
