import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { CHECKS, CHECKS_BY_ID } from '../../src/checks/registry.js';
import { runDetectors } from '../../src/detectors/run.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { parseChecklist, ChecklistError } from '../../src/checklist/load.js';
import { unsafePatternReason } from '../../src/checks/safe-pattern.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { lines } from '../helpers/detect.js';

/** Runs one check over an in-memory repository, with parameters validated as a checklist would. */
function run(id: string, files: Record<string, string>, params: Record<string, unknown>) {
  const check = CHECKS_BY_ID.get(id)!;
  const snapshot = createMemorySnapshot(files);
  const { facts, findings } = runDetectors(snapshot);
  return check.run({ facts, findings, snapshot }, (check.params as z.ZodType).parse(params));
}

const brief = (outcome: ReturnType<typeof run>) => ({
  status: outcome.status,
  evidence: outcome.evidence.map((e) => [e.code, e.path, e.line]),
  missing: outcome.missing.map((e) => [e.code, e.path, e.line]),
});

const repo = {
  'api/package.json': '{"name":"api","scripts":{"start":"node .","test":"jest"}}',
  'api/Dockerfile': lines('FROM node:20 AS build', 'RUN npm ci', 'FROM node:20-slim', 'HEALTHCHECK CMD curl -f http://localhost/', 'USER node'),
  'worker/requirements.txt': 'celery\n',
  'worker/Dockerfile': lines('FROM python:3.12', 'USER root'),
  'examples/demo/Dockerfile': 'FROM scratch\n',
  'examples/demo/package.json': '{"scripts":{"start":"x"}}',
  'compose.yaml': lines('services:', '  api:', '    build: ./api', '    healthcheck:', '      test: ["CMD", "true"]', '  worker:', '    build: ./worker', '  db:', '    image: postgres:16'),
  '.github/workflows/ci.yml': lines('on: push', 'permissions:', '  contents: read', 'jobs:', '  release-images:', '    runs-on: ubuntu-latest', '    steps:', '      - run: docker build -t ghcr.io/o/api ./api', '      - run: docker push ghcr.io/o/api'),
  '.github/workflows/lint.yml': lines('on: push', 'jobs:', '  lint:', '    runs-on: ubuntu-latest', '    steps: [{ run: npm run lint }]'),
  'SECURITY.md': '# Security\n',
  'broken.yaml': 'a: [\n',
};

describe('file-exists', () => {
  test.each([
    [{ glob: 'SECURITY.md' }, 'pass'],
    [{ globs: ['docs/SECURITY.md', '.github/SECURITY.md'] }, 'fail'],
    [{ glob: '**/Dockerfile', min: 3 }, 'pass'],
    [{ glob: '**/Dockerfile', min: 4 }, 'partial'],
    [{ glob: '*.md' }, 'pass'],
    [{ glob: '*.txt' }, 'fail'],
  ])('%j → %s', (params, status) => {
    expect(run('file-exists', repo, params).status).toBe(status);
  });

  test('evidence names the files; a gap is located at the root', () => {
    expect(brief(run('file-exists', repo, { glob: '**/Dockerfile', min: 4 }))).toEqual({
      status: 'partial',
      evidence: [['file-match', 'api/Dockerfile', undefined], ['file-match', 'examples/demo/Dockerfile', undefined], ['file-match', 'worker/Dockerfile', undefined]],
      missing: [['file-missing', '.', undefined]],
    });
  });
});

describe('file-contains', () => {
  test('any: one file with a matching line passes, with its line', () => {
    expect(brief(run('file-contains', repo, { glob: '**/Dockerfile', pattern: '^HEALTHCHECK\\s' }))).toMatchObject({
      status: 'pass', evidence: [['pattern-match', 'api/Dockerfile', 4]], missing: [],
    });
  });

  test('every: files without a match are the gaps', () => {
    expect(brief(run('file-contains', repo, { glob: '*/Dockerfile', pattern: '^USER (?!root)', in: 'every' }))).toEqual({
      status: 'partial', evidence: [['pattern-match', 'api/Dockerfile', 5]], missing: [['pattern-missing', 'worker/Dockerfile', undefined]],
    });
  });

  test('no match anywhere under any: one gap at the root; ignoreCase; no file at all', () => {
    expect(brief(run('file-contains', repo, { glob: '**/Dockerfile', pattern: 'ENTRYPOINT' }))).toMatchObject({ status: 'fail', missing: [['pattern-missing', '.', undefined]] });
    expect(run('file-contains', repo, { glob: 'SECURITY.md', pattern: '^# SECURITY', ignoreCase: true }).status).toBe('pass');
    expect(brief(run('file-contains', repo, { glob: 'nothing/*', pattern: 'x' }))).toMatchObject({ status: 'fail', missing: [['file-missing', '.', undefined]] });
  });

  test('a file above maxBytes is not read: "could not tell" when it is the only one', () => {
    const outcome = run('file-contains', { 'big.txt': `${'x'.repeat(2000)}\nneedle\n` }, { glob: 'big.txt', pattern: 'needle', maxBytes: 1000 });
    expect(outcome).toMatchObject({ status: 'unknown', evidence: [{ code: 'config-not-understood', path: 'big.txt', args: { finding: 'file-too-large' } }] });
  });

  test('polynomial backtracking on long lines stays fast', () => {
    const started = Date.now();
    const files = { 'long.txt': `${'a'.repeat(200_000)}!\n${`${'a'.repeat(900)}!\n`.repeat(50)}` };
    expect(run('file-contains', files, { glob: 'long.txt', pattern: '.*.*.*b' }).status).toBe('fail');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('yaml-path and json-path', () => {
  test('a key at a dotted path, with its line', () => {
    expect(brief(run('yaml-path', repo, { glob: '.github/workflows/ci.yml', path: 'permissions.contents', equals: 'read' }))).toEqual({
      status: 'pass', evidence: [['value-match', '.github/workflows/ci.yml', 3]], missing: [],
    });
  });

  test('every workflow sets permissions: the one that does not is the gap', () => {
    expect(brief(run('yaml-path', repo, { glob: '.github/workflows/*.yml', path: 'permissions', in: 'every' }))).toEqual({
      status: 'partial', evidence: [['value-match', '.github/workflows/ci.yml', 2]], missing: [['value-missing', '.github/workflows/lint.yml', undefined]],
    });
  });

  test('wildcards over keys and list items; equals compares scalars', () => {
    expect(run('yaml-path', repo, { glob: 'compose.yaml', path: 'services.*.healthcheck' }).status).toBe('pass');
    expect(run('yaml-path', repo, { glob: 'compose.yaml', path: 'services.db.image', equals: 'postgres:16' }).status).toBe('pass');
    const wrong = run('yaml-path', repo, { glob: 'compose.yaml', path: 'services.db.image', equals: 'postgres:17', in: 'every' });
    expect(wrong).toMatchObject({ status: 'fail', missing: [{ code: 'value-missing', path: 'compose.yaml', line: 9, args: { found: 'postgres:16', equals: 'postgres:17' } }] });
    expect(run('yaml-path', repo, { glob: '.github/workflows/ci.yml', path: 'jobs.*.steps.1.run' }).status).toBe('pass');
  });

  test('a YAML file that does not parse: could not tell', () => {
    expect(run('yaml-path', repo, { glob: 'broken.yaml', path: 'a' })).toMatchObject({ status: 'unknown', evidence: [{ code: 'config-not-understood', args: { finding: 'yaml-syntax' } }] });
  });

  test('json-path reads JSONC and points at the key', () => {
    const files = { 'package.json': '{\n  // build\n  "scripts": {\n    "docker:build": "docker build .",\n  }\n}\n' };
    expect(brief(run('json-path', files, { glob: 'package.json', path: 'scripts.docker:build' }))).toEqual({
      status: 'pass', evidence: [['value-match', 'package.json', 4]], missing: [],
    });
    expect(run('json-path', { 'package.json': '{"a": 1,' }, { glob: 'package.json', path: 'a' }).status).toBe('unknown');
    expect(run('json-path', files, { glob: 'package.json', path: 'scripts.test' }).status).toBe('fail');
  });
});

describe('dockerfile-instruction', () => {
  test('every deployable Dockerfile (examples are left out), in the final stage', () => {
    expect(brief(run('dockerfile-instruction', repo, { instruction: 'healthcheck', stage: 'final' }))).toEqual({
      status: 'partial', evidence: [['instruction-present', 'api/Dockerfile', 4]], missing: [['instruction-missing', 'worker/Dockerfile', 1]],
    });
  });

  test('a pattern over the arguments; any', () => {
    expect(run('dockerfile-instruction', repo, { instruction: 'USER', pattern: '^root$', in: 'any' }).status).toBe('pass');
    expect(run('dockerfile-instruction', repo, { instruction: 'USER', pattern: '^(?!root$)', in: 'every' }).status).toBe('partial');
    expect(run('dockerfile-instruction', repo, { instruction: 'RUN', stage: 'final', glob: 'api/**' }).status).toBe('fail');
  });

  test('no Dockerfile: fail, gap at the root; an unknown instruction is refused', () => {
    expect(brief(run('dockerfile-instruction', {}, { instruction: 'USER' }))).toEqual({ status: 'fail', evidence: [], missing: [['instruction-missing', '.', undefined]] });
    expect(() => CHECKS_BY_ID.get('dockerfile-instruction')!.params.parse({ instruction: 'HEALTH' })).toThrow();
  });
});

describe('compose-service-property', () => {
  test('built services must set it; image-only services count with services: all', () => {
    expect(brief(run('compose-service-property', repo, { property: 'healthcheck' }))).toEqual({
      status: 'partial', evidence: [['compose-property', 'compose.yaml', 4]], missing: [['compose-property-missing', 'compose.yaml', 6]],
    });
    expect(run('compose-service-property', repo, { property: 'image', services: 'all', in: 'any' }).status).toBe('pass');
  });

  test('an override file beside it counts', () => {
    const files = { ...repo, 'compose.override.yaml': lines('services:', '  worker:', '    healthcheck:', '      test: ["CMD", "true"]') };
    expect(brief(run('compose-service-property', files, { property: 'healthcheck.test' }))).toMatchObject({
      status: 'pass', evidence: [['compose-property', 'compose.yaml', 5], ['compose-property', 'compose.override.yaml', 4]],
    });
  });
});

describe('ci-job-matches', () => {
  test('by name pattern, system and activity', () => {
    expect(brief(run('ci-job-matches', repo, { pattern: '^release' }))).toEqual({ status: 'pass', evidence: [['ci-job-match', '.github/workflows/ci.yml', 5]], missing: [] });
    expect(run('ci-job-matches', repo, { system: 'github-actions', activity: 'image-push' })).toMatchObject({ status: 'pass', evidence: [{ line: 9, args: { job: 'release-images' } }] });
    expect(run('ci-job-matches', repo, { system: 'gitlab-ci', pattern: 'release' })).toMatchObject({ status: 'fail', missing: [{ code: 'ci-job-missing', path: '.' }] });
    expect(run('ci-job-matches', repo, { pattern: '^lint$', activity: 'deploy' })).toMatchObject({ status: 'fail', missing: [{ path: '.github/workflows/ci.yml' }] });
  });

  test('needs a pattern or an activity', () => {
    expect(() => CHECKS_BY_ID.get('ci-job-matches')!.params.parse({ system: 'jenkins' })).toThrow(/pattern, an activity/);
  });
});

describe('patterns from YAML cannot hang a scan', () => {
  test.each([
    ['(a+)+$'], ['(a*)*b'], ['(a|aa)+'], ['(?:x\\d+)*y'], ['(a{2,})+'], ['(\\w+\\s?)*$'], ['(a)\\1'], ['(a?)+'], ['['], ['x'.repeat(501)],
  ])('%s is refused', (pattern) => {
    expect(unsafePatternReason(pattern)).toBeDefined();
  });

  test.each([['^HEALTHCHECK\\s'], ['(foo|bar)'], ['(ab)+c'], ['[(+*)]+'], ['\\(a+\\)+'], ['^USER (?!root\\b)'], ['a{2}'], ['(?:ab)?c'], ['(?<v>\\d+)']])('%s is accepted', (pattern) => {
    expect(unsafePatternReason(pattern)).toBeUndefined();
  });

  test('a checklist with an unsafe pattern fails to load, at the pattern', () => {
    const text = lines('id: mine', 'title: Mine', 'steps:', '  - id: one', '    title: One', '    why: because', '    advice: do it', '    checks:',
      '      - check: file-contains', '        with:', '          glob: "*"', '          pattern: "(a+)+"');
    expect(() => parseChecklist(text, 'mine.yaml')).toThrow(ChecklistError);
    expect(() => parseChecklist(text, 'mine.yaml')).toThrow(/^mine\.yaml:12:20: check 'file-contains': pattern: pattern: a repeated group/);
  });
});

test('every check primitive is documented, with an example, in README "Check primitives"', () => {
  const readme = readFileSync(`${REPO_ROOT}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('## Check primitives'), readme.indexOf('## Writing a checklist'));
  const primitives = CHECKS.filter((c) => c.primitive);
  expect(primitives.map((c) => c.id)).toEqual(['ci-job-matches', 'compose-service-property', 'dockerfile-instruction', 'file-contains', 'file-exists', 'json-path', 'yaml-path']);
  for (const check of primitives) {
    expect({ id: check.id, documented: section.includes(`check: ${check.id}`) }).toEqual({ id: check.id, documented: true });
  }
});

test('the README examples of primitives and extends load as checklists', () => {
  const readme = readFileSync(`${REPO_ROOT}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('## Check primitives'), readme.indexOf('## Writing a checklist'));
  const [primitives, extended] = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const wrapped = `id: readme\ntitle: README\nsteps:\n  - id: all\n    title: All\n    why: w\n    advice: a\n${primitives!.replace(/^/gm, '    ')}`;
  expect(parseChecklist(wrapped, 'README.md').steps[0]!.checks.map((c) => c.check.id)).toEqual([
    'file-exists', 'file-contains', 'yaml-path', 'json-path', 'dockerfile-instruction', 'compose-service-property', 'ci-job-matches',
  ]);
  expect(parseChecklist(extended!, 'README.md').steps.map((s) => s.id)).toEqual(['compose', 'first-dockerfile', 'all-dockerfiles', 'automated-builds', 'ci-with-images', 'cd-staging', 'healthchecks']);
});
