import { timed, Timings, timingRequested } from '../../src/timings.js';
import { loadChecklist } from '../../src/checklist/load.js';
import { DETECTORS } from '../../src/detectors/registry.js';
import { scanSnapshot } from '../../src/engine/scan.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';

/** A clock that moves only when told: each reading returns the next of `readings`. */
function clock(...readings: number[]): () => number {
  return () => {
    const next = readings.shift();
    if (next === undefined) throw new Error('clock read more often than the test expected');
    return next;
  };
}

describe('Timings', () => {
  test('measures each phase, returns its result, and renders phases in order with the unmeasured rest and the total', () => {
    const timings = new Timings(clock(100, 250, 250, 260, 400));
    expect(timings.measure('walk', () => 'snapshot')).toBe('snapshot');
    expect(timings.measure((files: string[]) => `detect (${files.length} files)`, () => ['a', 'b'])).toEqual(['a', 'b']);
    const lines = timings.render().trimEnd().split('\n');
    expect(lines[0]).toBe('containerize-check timings');
    const rows = lines.slice(1).map((line) => line.match(/^(.+?)\s+(\d+\.\d) ms\s+(\d+\.\d) %$/)!.slice(1));
    expect(rows).toEqual([
      ['start-up and the rest', '240.0', '60.0'],
      ['walk', '150.0', '37.5'],
      ['detect (2 files)', '10.0', '2.5'],
      ['total', '400.0', '100.0'],
    ]);
  });

  test('a phase that throws is not recorded and the error goes through', () => {
    const timings = new Timings(clock(0, 10));
    expect(() => timings.measure('broken', () => { throw new Error('boom'); })).toThrow('boom');
    expect(timings.render()).not.toContain('broken');
  });

  test('timed measures with timings and only runs without them', () => {
    const timings = new Timings(clock(0, 5, 9));
    expect(timed(timings, 'walk', () => 42)).toBe(42);
    expect(timed(undefined, 'walk', () => 43)).toBe(43);
    expect(timings.render()).toMatch(/^walk\s+5\.0 ms/m);
  });

  test.each([
    [{}, false],
    [{ CONTAINERIZE_CHECK_TIMING: '' }, false],
    [{ CONTAINERIZE_CHECK_TIMING: '0' }, false],
    [{ CONTAINERIZE_CHECK_TIMING: '1' }, true],
    [{ CONTAINERIZE_CHECK_TIMING: 'yes' }, true],
  ])('timingRequested(%j) is %s', (env, expected) => {
    expect(timingRequested(env)).toBe(expected);
  });
});

describe('timings of a scan', () => {
  const files = { 'Dockerfile': 'FROM node:20\n', 'compose.yaml': 'services:\n  api:\n    build: .\n', 'package.json': '{"name":"api","scripts":{"start":"node ."}}' };

  test('every detector and the evaluation get a row, in the order they ran, and the report is the same as without', () => {
    const checklist = loadChecklist('containerization');
    const timings = new Timings();
    const report = scanSnapshot(createMemorySnapshot(files), checklist, { timings });
    expect(report).toEqual(scanSnapshot(createMemorySnapshot(files), checklist));
    const labels = timings.render().trimEnd().split('\n').slice(2, -1).map((line) => line.replace(/\s+-?\d+\.\d ms.*$/, ''));
    expect(labels).toEqual([...DETECTORS.map((d) => `detector ${d.id}`), 'evaluate']);
  });
});
