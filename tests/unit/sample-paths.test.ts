import { confidenceOfDirectory, confidenceOfFile, isSampleDirectory } from '../../src/detectors/sample-paths.js';
import { detect, lines } from '../helpers/detect.js';
import { CHECKS_BY_ID } from '../../src/checks/registry.js';

describe('sample paths', () => {
  test.each([
    ['examples/shop', true],
    ['tests/fixtures/x', true],
    ['services/api', false],
    ['.', false],
    ['packages/testing-utils', false],
    ['third_party/lib', true],
  ])('%s is sample material: %s', (dir, expected) => {
    expect(isSampleDirectory(dir, { docs: true })).toBe(expected);
  });

  test('docs count as sample material only when asked', () => {
    expect(confidenceOfDirectory('docs/guide', { docs: true })).toBe('weak');
    expect(confidenceOfDirectory('docs/guide', { docs: false })).toBe('strong');
    expect(confidenceOfFile('docs/README.md', { docs: false })).toBe('strong');
    expect(confidenceOfFile('README.md')).toBe('strong');
  });

  test('the remembered answers for docs and no-docs are kept apart, in either order', () => {
    expect(isSampleDirectory('doc/api', { docs: false })).toBe(false);
    expect(isSampleDirectory('doc/api', { docs: true })).toBe(true);
    expect(isSampleDirectory('doc/api', { docs: false })).toBe(false);
  });
});

describe('Compose files of examples and fixtures', () => {
  const composeOf = (dir: string) => ({ [`${dir}/compose.yaml`]: lines('services:', '  web:', '    build: .'), [`${dir}/Dockerfile`]: 'FROM nginx:1.27\n' });

  test('are shown but do not make the compose step done', () => {
    const { facts, findings } = detect(composeOf('examples/demo'));
    const result = CHECKS_BY_ID.get('compose-file-exists')!.run({ facts, findings }, {});
    expect(result).toMatchObject({ status: 'fail', evidence: [{ code: 'compose-file', path: 'examples/demo/compose.yaml', confidence: 'weak' }] });
  });

  test('while the product\'s own Compose file does', () => {
    const { facts, findings } = detect({ ...composeOf('examples/demo'), ...composeOf('app') });
    const result = CHECKS_BY_ID.get('compose-file-exists')!.run({ facts, findings }, {});
    expect(result.status).toBe('pass');
    expect(result.evidence.map((e) => [e.path, e.confidence])).toEqual([['app/compose.yaml', 'strong'], ['examples/demo/compose.yaml', 'weak']]);
  });
});
