import { DETECTORS } from '../../src/detectors/registry.js';

/**
 * CI runs after Compose (whose files CI commands may name) and before the detectors that use
 * its facts: Dockerfiles named by CI builds, services built and deployed by CI.
 */
test('the ci detector is registered after compose and before dockerfiles, services and the dev environment', () => {
  const order: string[] = DETECTORS.map((detector) => detector.id);
  expect(order).toContain('ci');
  const at = (id: string) => order.indexOf(id);
  for (const before of ['compose']) if (order.includes(before)) expect(at(before)).toBeLessThan(at('ci'));
  for (const after of ['dockerfiles', 'services', 'devEnvironment']) if (order.includes(after)) expect(at(after)).toBeGreaterThan(at('ci'));
});
