import { dirOf, isWithin, resolveInRepo } from '../../src/snapshot/paths.js';

describe('resolveInRepo', () => {
  test.each([
    ['.', './api', 'api'],
    ['.', '.', '.'],
    ['deploy', '../api/', 'api'],
    ['deploy', '..', '.'],
    ['a/b', 'c', 'a/b/c'],
  ])('from %s, %s is %s', (from, relative, expected) => {
    expect(resolveInRepo(from, relative)).toBe(expected);
  });

  test.each([
    ['.', '../outside'],
    ['.', '/abs/path'],
    ['.', 'https://github.com/x/y.git'],
    ['.', '${CONTEXT}'],
  ])('from %s, %s leaves the repository', (from, relative) => {
    expect(resolveInRepo(from, relative)).toBeUndefined();
  });
});

test('dirOf and isWithin', () => {
  expect(dirOf('Dockerfile')).toBe('.');
  expect(dirOf('services/api/Dockerfile')).toBe('services/api');
  expect(isWithin('services/api/x', 'services/api')).toBe(true);
  expect(isWithin('services/apix', 'services/api')).toBe(false);
  expect(isWithin('anything', '.')).toBe(true);
});
