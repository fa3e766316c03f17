import { expect, test } from '@jest/globals';
import { lazy } from '../../src/lazy.js';
import { compareText } from '../../src/compare-text.js';

test('lazy builds nothing until asked, then builds once', () => {
  let builds = 0;
  const value = lazy(() => ++builds);
  expect(builds).toBe(0);
  expect(value()).toBe(1);
  expect(value()).toBe(1);
  expect(builds).toBe(1);
});

test('lazy keeps an undefined result instead of building again', () => {
  let builds = 0;
  const value = lazy(() => {
    builds++;
    return undefined;
  });
  value();
  value();
  expect(builds).toBe(1);
});

test('compareText orders by code units, whatever the locale: upper case before lower, "-" before "/"', () => {
  expect(['b', 'B', 'a/x', 'a-x', 'a'].sort(compareText)).toEqual(['B', 'a', 'a-x', 'a/x', 'b']);
  expect(compareText('same', 'same')).toBe(0);
});

test('a check builds its parameter schema on first use, once, and lists it like a plain property', async () => {
  const { defineCheck } = await import('../../src/checks/define.js');
  const { z } = await import('zod');
  let builds = 0;
  const check = defineCheck({
    id: 'example',
    description: 'd',
    howDetected: 'h',
    reads: [],
    params: () => {
      builds++;
      return z.object({ n: z.number().default(1) }).strict();
    },
    run: () => ({ status: 'pass', evidence: [], missing: [] }),
  });
  expect(builds).toBe(0);
  expect(check.params.parse({})).toEqual({ n: 1 });
  expect(check.params.safeParse({ n: 'x' }).success).toBe(false);
  expect(builds).toBe(1);
  expect(Object.keys(check)).toContain('params');
});
