import { expect, test } from '@jest/globals';
import { compileGlob } from '../../src/parsers/glob.js';

test('compiles globs as picomatch does, dotfiles by choice', () => {
  expect(compileGlob('**/*.env', { dot: true })('a/.b/x.env')).toBe(true);
  expect(compileGlob('**/*.env', { dot: false })('a/.b/x.env')).toBe(false);
  expect(compileGlob(['apps/*', 'libs/*'], { dot: false })('libs/ui')).toBe(true);
  expect(compileGlob(['apps/*', 'libs/*'], { dot: false })('tools/ui')).toBe(false);
});

test('a pattern picomatch refuses (over 64 KiB) matches nothing instead of throwing; the others still work', () => {
  const huge = 'a'.repeat(70_000);
  expect(() => compileGlob(huge, { dot: true })).not.toThrow();
  expect(compileGlob(huge, { dot: true })(huge)).toBe(false);
  expect(compileGlob([huge, '*.key'], { dot: true })('id.key')).toBe(true);
});

test('no patterns match nothing', () => {
  expect(compileGlob([], { dot: true })('anything')).toBe(false);
});
