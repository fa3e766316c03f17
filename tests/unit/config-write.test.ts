import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addAttestation } from '../../src/config/write.js';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { scanRepository } from '../../src/engine/scan.js';
import { TempTrees } from '../helpers/disk-tree.js';

const trees = new TempTrees();
afterAll(() => trees.cleanup());

describe('writing attestations into the config file', () => {
  test('creates .containerize-check.yaml when there is none; a rescan shows the step done, attested', () => {
    const root = trees.make({ 'package.json': '{"scripts":{"start":"node a.js"}}', 'a.js': '' });
    const path = addAttestation(root, { step: 'compose', reason: 'Compose lives in the infra repository' });
    expect(path).toBe(join(root, '.containerize-check.yaml'));
    expect(loadConfig(root).config.attestations).toEqual([{ step: 'compose', reason: 'Compose lives in the infra repository' }]);
    const step = scanRepository(root).report.steps.find((s) => s.id === 'compose');
    expect(step).toMatchObject({ status: 'done', attestation: { reason: 'Compose lives in the infra repository', expired: false } });
  });

  test('keeps the comments and layout of an existing file, and adds to its list', () => {
    const original = [
      '# Our containerization policy.',
      'gate:',
      '  minSteps: 2 # raise it every quarter',
      '',
      'attestations:',
      '  # Signed off by the platform team.',
      '  - step: first-dockerfile',
      '    reason: the image is built by Jib',
      '',
    ].join('\n');
    const root = trees.make({ '.containerize-check.yaml': original });
    addAttestation(root, { step: 'cd-staging', reason: 'Argo CD deploys staging' });
    const text = readFileSync(join(root, '.containerize-check.yaml'), 'utf8');
    expect(text.startsWith('# Our containerization policy.\ngate:\n  minSteps: 2 # raise it every quarter\n')).toBe(true);
    expect(text).toContain('  # Signed off by the platform team.\n  - step: first-dockerfile\n');
    expect(loadConfig(root).config.attestations).toEqual([
      { step: 'first-dockerfile', reason: 'the image is built by Jib' },
      { step: 'cd-staging', reason: 'Argo CD deploys staging' },
    ]);
  });

  test('a second attestation of the same step replaces the reason', () => {
    const root = trees.make({ '.containerize-check.yml': 'attestations:\n  - step: compose\n    reason: old\n' });
    addAttestation(root, { step: 'compose', reason: 'new' });
    expect(loadConfig(root).config.attestations).toEqual([{ step: 'compose', reason: 'new' }]);
  });

  test.each([
    ['an empty reason', {}, { step: 'compose', reason: '  ' }, /reason is required/],
    ['a config in package.json', { 'package.json': '{"containerize-check":{}}' }, { step: 'compose', reason: 'x' }, /package\.json/],
    ['a file that is not a map', { '.containerize-check.yaml': '- a\n' }, { step: 'compose', reason: 'x' }, /not a map/],
    ['a result the schema refuses', { '.containerize-check.yaml': 'attestations:\n  - step: compose\n    check: x\n    reason: y\n' }, { step: 'compose', reason: 'z' }, /exactly one of step or check/],
  ])('refuses %s, writing nothing', (_name, files, attestation, message) => {
    const root = trees.make(files as Record<string, string>);
    const before = JSON.stringify(files);
    expect(() => addAttestation(root, attestation)).toThrow(ConfigError);
    expect(() => addAttestation(root, attestation)).toThrow(message);
    for (const [path, content] of Object.entries(files as Record<string, string>)) expect(readFileSync(join(root, path), 'utf8')).toBe(content);
    expect(before).toBe(JSON.stringify(files));
  });

  test('a config with a YAML error is reported, not rewritten', () => {
    const root = trees.make({});
    writeFileSync(join(root, '.containerize-check.yaml'), 'gate: [\n');
    expect(() => addAttestation(root, { step: 'compose', reason: 'x' })).toThrow(ConfigError);
  });
});
