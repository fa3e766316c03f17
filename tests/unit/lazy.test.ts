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
