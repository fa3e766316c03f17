import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { loadChecklist } from '../../src/checklist/load.js';
import { scanSnapshot } from '../../src/engine/scan.js';
import { FORMATTERS, FORMAT_NAMES, type Formatter } from '../../src/formatters/registry.js';
import { evaluateGate, gateExitCode } from '../../src/gate/gate.js';
import { reportSchema } from '../../src/report/schema.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { repository, SEED } from './arbitraries.js';

// The whole pipeline, in memory, over random repositories of the files the tool parses.

const validate = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'dist/report-schema.json'), 'utf8')));
const CHECKLISTS = [loadChecklist('containerization'), loadChecklist('orchestration')];
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

test('no random repository makes the scan or a formatter throw; JSON always fits its schema; the gate says 0 or 1', () => {
  fc.assert(
    fc.property(repository, fc.nat({ max: 1 }), fc.nat({ max: 7 }), fc.constantFrom(undefined, 'error', 'warning'), (files, checklistIndex, minSteps, failOn) => {
      const checklist = CHECKLISTS[checklistIndex]!;
      const report = scanSnapshot(createMemorySnapshot(files, { name: 'random' }), checklist);
      report.gate = evaluateGate(report, { minSteps: Math.min(minSteps, report.summary.total), failOn: failOn as 'error' | 'warning' | undefined });
      expect([0, 1]).toContain(gateExitCode(report));

      const render = (format: string) => (FORMATTERS[format as keyof typeof FORMATTERS] as Formatter)(report, { color: false, verbose: true, checklistSource: checklist.source });
      const json = JSON.parse(render('json'));
      expect(reportSchema.safeParse(json).success).toBe(true);
      expect(validate(json)).toBe(true);
      for (const format of FORMAT_NAMES) {
        const output = render(format);
        expect(typeof output).toBe('string');
        if (format === 'text' || format === 'json') expect(output).not.toMatch(TERMINAL_CONTROL);
      }
    }),
    { seed: SEED, numRuns: 150 },
  );
}, 60_000);
