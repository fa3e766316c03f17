import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load.js';
import { lines } from '../helpers/detect.js';

function errorOf(text: string): string {
  try {
    parseConfig(text, '.containerize-check.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cc-config-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const full = lines(
  'checklist: containerization',
  'gate:',
  '  minSteps: 3',
  '  require: [compose]',
  '  failOn: error',
  'exclude: ["legacy/**"]',
  'services:',
  '  include: [tools/worker]',
  '  exclude: [scripts]',
  'attestations:',
  '  - step: cd-staging',
  '    reason: deployed by the platform team',
  '    expires: 2027-06-30',
  '    by: ops',
  'ignore:',
  '  - check: services-have-dockerfiles',
  '    paths: ["tools/**"]',
  '    reason: tools are not deployed',
);

describe('parseConfig', () => {
  test('the whole contract', () => {
    expect(parseConfig(full, 'c.yaml')).toEqual({
      checklist: 'containerization',
      gate: { minSteps: 3, require: ['compose'], failOn: 'error' },
      exclude: ['legacy/**'],
      services: { include: ['tools/worker'], exclude: ['scripts'] },
      attestations: [{ step: 'cd-staging', reason: 'deployed by the platform team', expires: '2027-06-30', by: 'ops' }],
      ignore: [{ check: 'services-have-dockerfiles', paths: ['tools/**'], reason: 'tools are not deployed' }],
    });
  });

  test('an empty file is an empty config; expires may be quoted or a YAML date', () => {
    expect(parseConfig('', 'c.yaml')).toEqual({});
    expect(parseConfig('# nothing yet\n', 'c.yaml')).toEqual({});
    const quoted = parseConfig('attestations:\n  - { step: a, reason: r, expires: "2027-01-31" }\n', 'c.yaml');
    expect(quoted.attestations![0]!.expires).toBe('2027-01-31');
  });

  test.each([
    ['broken YAML', 'gate: [\n', /^\.containerize-check\.yaml:2:1: /],
    ['two documents', 'gate: {}\n---\ngate: {}\n', /^\.containerize-check\.yaml:1:1: a config file is one YAML document$/],
    ['unknown top-level key', 'gates:\n  minSteps: 2\n', /^\.containerize-check\.yaml:1:1: Unrecognized key: "gates"$/],
    ['unknown gate key', 'gate:\n  min-steps: 2\n', /^\.containerize-check\.yaml:1:1: gate: Unrecognized key: "min-steps"$/],
    ['negative minSteps', 'gate:\n  minSteps: -1\n', /^\.containerize-check\.yaml:2:13: gate\.minSteps: /],
    ['bad failOn', 'gate:\n  failOn: info\n', /^\.containerize-check\.yaml:2:11: gate\.failOn: /],
    ['attestation without a reason', 'attestations:\n  - step: compose\n', /^\.containerize-check\.yaml:2:5: attestations\.0\.reason: /],
    ['attestation with an empty reason', 'attestations:\n  - step: compose\n    reason: "  "\n', /^\.containerize-check\.yaml:3:13: attestations\.0\.reason: a reason is required/],
    ['attestation naming step and check', 'attestations:\n  - { step: a, check: b, reason: r }\n', /^\.containerize-check\.yaml:2:5: attestations\.0: name exactly one of step or check$/],
    ['attestation naming neither', 'attestations:\n  - { reason: r }\n', /attestations\.0: name exactly one of step or check$/],
    ['bad expiry', 'attestations:\n  - { step: a, reason: r, expires: "next year" }\n', /^\.containerize-check\.yaml:2:36: attestations\.0\.expires: /],
    ['ignore without a reason', 'ignore:\n  - check: file-too-large\n', /^\.containerize-check\.yaml:2:5: ignore\.0\.reason: /],
    ['ignore with an unknown key', 'ignore:\n  - { check: x, reason: r, path: a }\n', /ignore\.0: Unrecognized key: "path"$/],
  ])('%s: one line with file:line:col', (_name, text, expected) => {
    const message = errorOf(text);
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });
});

describe('loadConfig', () => {
  test('.containerize-check.yaml wins over .yml and package.json', () => {
    const dir = repo({ '.containerize-check.yaml': 'gate: { minSteps: 1 }\n', '.containerize-check.yml': 'gate: { minSteps: 2 }\n', 'package.json': '{"containerize-check":{"gate":{"minSteps":3}}}' });
    expect(loadConfig(dir)).toEqual({ config: { gate: { minSteps: 1 } }, source: '.containerize-check.yaml' });
  });

  test('the "containerize-check" key of package.json', () => {
    const dir = repo({ 'package.json': '{"name":"x","containerize-check":{"gate":{"require":["compose"]}}}' });
    expect(loadConfig(dir)).toEqual({ config: { gate: { require: ['compose'] } }, source: 'package.json#containerize-check' });
    const bad = repo({ 'package.json': '{"containerize-check":{"gate":{"minSteps":"two"}}}' });
    expect(() => loadConfig(bad)).toThrow(/^package\.json: "containerize-check"\.gate\.minSteps: /);
  });

  test('no config anywhere: empty; --config a missing file: error', () => {
    expect(loadConfig(repo({ 'package.json': '{"name":"x"}' }))).toEqual({ config: {}, source: null });
    expect(() => loadConfig(repo({}), '/no/such/config.yaml')).toThrow(/^\/no\/such\/config\.yaml: no such config file$/);
  });

  test('--config FILE is read wherever it is, and errors name it', () => {
    const dir = repo({ 'ci.yaml': 'gate:\n  failOn: sometimes\n' });
    expect(() => loadConfig(repo({}), join(dir, 'ci.yaml'))).toThrow(new RegExp(`^${join(dir, 'ci.yaml').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2:11: gate\\.failOn: `));
  });
});

test('the README example of the config file is a valid config', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## CI gate and config file'), readme.indexOf('## GitHub Action'));
  const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
  expect(parseConfig(example, 'README.md')).toMatchObject({ gate: { minSteps: 3, failOn: 'error' }, ignore: [{}, {}] });
});
