import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { BIN, fixture, REPO_ROOT, runJson } from '../helpers/cli.js';

// `npx containerize-check` as a user gets it: the packed tarball installed into an empty project
// from the npm cache, then the same package with no node_modules at all (the CLI is one bundle).
// Needs the build (`npm test` runs it first); packs with --ignore-scripts so as not to rebuild.

const PACKAGE = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const ALLOWED = /^(?:dist\/|bin\/|checklists\/|README\.md$|LICENSE$|package\.json$)/;
const work = mkdtempSync(join(tmpdir(), 'containerize-check-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', ...env } });
}

let tarball: string;
let files: string[];
beforeAll(() => {
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], REPO_ROOT);
  expect(packed.status).toBe(0);
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(work, info!.filename);
  files = info!.files.map((f) => f.path);
}, 120_000);

const monorepo = () => runJson([fixture('monorepo-partial')]).report;

test('the tarball holds only built files, checklists, README, license and package.json', () => {
  expect(files.filter((path) => !ALLOWED.test(path))).toEqual([]);
  expect(files).toEqual(expect.arrayContaining(['bin/containerize-check.cjs', 'bin/load-bundle.cjs', 'dist/cli.bundle.cjs', 'dist/cli.bundle.cache', 'dist/zod.bundle.cjs', 'dist/zod.bundle.cache', 'dist/index.js', 'dist/report-schema.json', 'checklists/containerization.yaml', 'README.md', 'LICENSE']));
  expect(files.some((path) => /^(?:src|tests|scripts|bench)\//.test(path))).toBe(false);
});

test('installed from the npm cache into an empty project, `npx containerize-check` runs', () => {
  const project = join(work, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--omit=dev', tarball], project);
  expect(install.stderr).not.toMatch(/ERR!/);
  expect(install.status).toBe(0);

  const version = run('npx', ['--offline', '--no-install', 'containerize-check', '--version'], project);
  expect(version.stdout).toBe(`${PACKAGE.version}\n`);
  expect(version.status).toBe(0);

  const scan = run('npx', ['--offline', '--no-install', 'containerize-check', fixture('monorepo-partial'), '--json'], project);
  expect(scan.stderr).toBe('');
  expect(scan.status).toBe(0);
  const report = JSON.parse(scan.stdout);
  expect(report.tool).toEqual({ name: PACKAGE.name, version: PACKAGE.version });
  expect(report.summary).toEqual(monorepo().summary);

  // No development dependency reached the consumer's node_modules.
  const installed = JSON.parse(readFileSync(join(project, 'node_modules/containerize-check/package.json'), 'utf8'));
  for (const dev of Object.keys(installed.devDependencies ?? {})) expect(existsSync(join(project, 'node_modules', dev))).toBe(false);
}, 180_000);

describe('the CLI bundle', () => {
  let bare: string;
  beforeAll(() => {
    bare = join(work, 'bare');
    const extract = spawnSync('tar', ['-xzf', tarball, '-C', work]);
    expect(extract.status).toBe(0);
    cpSync(join(work, 'package'), bare, { recursive: true });
  });

  test('runs with no node_modules anywhere above it', () => {
    for (let dir = bare; dir !== parse(dir).root; dir = dirname(dir)) expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    const result = run(process.execPath, [join(bare, 'bin/containerize-check.cjs'), fixture('monorepo-partial'), '--json'], work);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).summary).toEqual(monorepo().summary);
  }, 60_000);

  test('installed under a path a URL must escape (space, %, #), finds its checklists and hashes SARIF fingerprints', () => {
    const odd = join(work, 'odd dir %23 #1');
    cpSync(bare, odd, { recursive: true });
    const result = run(process.execPath, [join(odd, 'bin/containerize-check.cjs'), fixture('monorepo-partial'), '--format', 'sarif'], work);
    expect(result.stderr).toBe('');
    const results = JSON.parse(result.stdout).runs[0].results as Array<{ partialFingerprints: Record<string, string> }>;
    expect(results.length).toBeGreaterThan(0);
    for (const { partialFingerprints } of results) expect(Object.values(partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}$/);
  }, 60_000);

  test('loads zod from its own bundle when a checklist file needs validating', () => {
    const checklist = join(work, 'own-checklist.yaml');
    cpSync(join(REPO_ROOT, 'checklists/containerization.yaml'), checklist);
    const result = run(process.execPath, [join(bare, 'bin/containerize-check.cjs'), fixture('monorepo-partial'), '--json', '--checklist', checklist], work);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).summary).toEqual(monorepo().summary);
    writeFileSync(checklist, 'id: broken\ntitle: Broken\nsteps:\n  - id: one\n    title: One\n    checks: [{ check: compose-file-exists }]\n');
    const broken = run(process.execPath, [join(bare, 'bin/containerize-check.cjs'), fixture('monorepo-partial'), '--checklist', checklist], work);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^containerize-check: .*own-checklist\.yaml:4:5: steps\.0: missing why, advice\n$/);
  }, 60_000);

  test('a check of a repository with CI and Compose files never needs zod', () => {
    // zod costs ~20 ms to load; detectors check file shapes with src/detectors/shape.ts instead.
    const lean = join(work, 'lean');
    cpSync(bare, lean, { recursive: true });
    rmSync(join(lean, 'dist/zod.bundle.cjs'));
    const shop = join(REPO_ROOT, 'examples/shop');
    const result = run(process.execPath, [join(lean, 'bin/containerize-check.cjs'), shop, '--json'], work);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).summary).toEqual(runJson([shop]).report.summary);
    // What does need zod fails there, so the first run above did not just get lucky.
    const validating = run(process.execPath, [join(lean, 'bin/containerize-check.cjs'), shop, '--checklist', join(REPO_ROOT, 'checklists/containerization.yaml')], work);
    expect(validating.status).toBe(3);
  }, 60_000);

  test.each(['cli', 'zod'])('loads %s.bundle.cjs from its code cache on this Node, and ignores a cache made for another build', (name) => {
    const bundle = join(bare, `dist/${name}.bundle.cjs`);
    const cache = join(bare, `dist/${name}.bundle.cache`);
    // In a plain node process, as users run it: V8 rejects a cache made under other flags, and
    // jest's workers run with flags of their own.
    const cacheUsed = () => {
      const script = `const { compileBundle } = require(${JSON.stringify(join(bare, 'bin/load-bundle.cjs'))}); process.stdout.write(String(compileBundle(${JSON.stringify(bundle)}, ${JSON.stringify(cache)}).cacheUsed));`;
      const result = run(process.execPath, ['-e', script], work, { NODE_OPTIONS: '' });
      expect(result.stderr).toBe('');
      return result.stdout;
    };
    expect(cacheUsed()).toBe('true');

    const stale = Buffer.from(readFileSync(cache));
    stale.write('0000000000000000', 0, 'latin1');
    writeFileSync(cache, stale);
    expect(cacheUsed()).toBe('false');
    const result = run(process.execPath, [join(bare, 'bin/containerize-check.cjs'), fixture('monorepo-partial'), '--json'], work);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).summary).toEqual(monorepo().summary);
  }, 60_000);
});

test('an older Node gets one clear line and exit 2, not a syntax error', () => {
  const preload = join(work, 'node18.cjs');
  writeFileSync(preload, "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '18.19.0' } });\nObject.defineProperty(process, 'version', { value: 'v18.19.0' });\n");
  const result = run(process.execPath, ['--require', preload, BIN, '--version'], REPO_ROOT);
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('v18.19.0')]);
  expect(PACKAGE).toMatchObject({ engines: { node: '>=20' } });
});
