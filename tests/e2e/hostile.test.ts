import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { BIN, REPO_ROOT, runCli } from '../helpers/cli.js';
import { TempTrees, lines } from '../helpers/disk-tree.js';
import { reportSchema } from '../../src/report/schema.js';

// Hostile repositories through the built CLI. The disk walk's own defences (symlink loops,
// links out of the root, FIFOs, sockets, permissions, size limit, binary, deep trees) are
// covered in tests/unit/disk-snapshot*.test.ts; this is what reaches the parsers and the terminal.

const trees = new TempTrees();
afterAll(() => trees.cleanup());

const validate = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'dist/report-schema.json'), 'utf8')));
/** Control characters a terminal could act on; a newline and a tab are the only ones allowed through. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const SGR = /\u001b\[[0-9;]*m/g;
const posixOnly = process.platform === 'win32' ? test.skip : test;

function checkJson(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = runCli([...args, '--format', 'json'], { env });
  expect([0, 1]).toContain(result.status);
  expect(result.stdout).not.toMatch(CONTROL);
  const report = JSON.parse(result.stdout);
  expect(validate(report)).toBe(true);
  expect(reportSchema.safeParse(report).success).toBe(true);
  return { ...result, report };
}

const findingsAt = (report: any, path: string) => report.findings.filter((f: any) => f.path === path).map((f: any) => f.code);

/** "Billion laughs": nine levels of nine aliases, 9^9 strings if expanded. */
function aliasBomb(tail: string): string {
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) levels.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
  return lines(...levels, tail);
}

describe('parsers under attack', () => {
  let root: string;
  beforeAll(() => {
    root = trees.make({
      'compose.yaml': aliasBomb('services:\n  web:\n    image: *i'),
      '.github/workflows/ci.yml': aliasBomb('on: push\njobs:\n  build:\n    runs-on: *i'),
      '.gitlab-ci.yml': aliasBomb('build:\n  script: *i'),
      // Just under the 1 MiB read limit, on one line.
      'k8s/one-line.yaml': `items: [${Array(500_000).fill('1').join(',')}]\n`,
      'k8s/too-large.yaml': `items: [${Array(600_000).fill('1').join(',')}]\n`,
      'deep/compose.yaml': `services: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
      'services/arrays/package.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      'services/objects/package.json': `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
      '.devcontainer/devcontainer.json': `// comment\n${'{"a":'.repeat(150_000)}1${'}'.repeat(150_000)}`,
      'latin1/Dockerfile': Buffer.from('FROM caf\xe9:1\nUSER \xff\xfe\n', 'latin1'),
      'latin1/go.mod': Buffer.from([...Buffer.from('module ex'), 0xc3, 0x28, ...Buffer.from('ample\n\ngo 1.22\n')]),
      'utf16/pom.xml': Buffer.from('\ufeff<project><artifactId>x</artifactId></project>', 'utf16le'),
      'bom/Dockerfile': '\ufeffFROM node:20\r\nUSER node\r\n',
    });
  });

  test('the scan finishes quickly, exits 0 and reports each broken file as a finding', () => {
    const started = Date.now();
    const { report, status } = checkJson([root]);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(status).toBe(0);
    for (const path of ['compose.yaml', '.github/workflows/ci.yml', '.gitlab-ci.yml', 'deep/compose.yaml']) {
      expect(findingsAt(report, path)).toContain('yaml-syntax');
    }
    expect(findingsAt(report, 'k8s/one-line.yaml')).toEqual([]);
    expect(findingsAt(report, 'k8s/too-large.yaml')).toEqual(['file-too-large']);
    expect(findingsAt(report, '.devcontainer/devcontainer.json')).toEqual(['json-syntax']);
    expect(report.services.map((s: any) => s.path)).toEqual(expect.arrayContaining(['services/arrays', 'services/objects']));
    expect(findingsAt(report, 'utf16/pom.xml')).toEqual(['file-binary']);
    const dockerfiles = report.steps.flatMap((s: any) => s.checks.flatMap((c: any) => c.evidence)).map((e: any) => e.path);
    expect(dockerfiles).toEqual(expect.arrayContaining(['bom/Dockerfile', 'latin1/Dockerfile']));
  }, 60_000);

  test('text output survives the same tree', () => {
    const result = runCli([root, '--verbose'], { env: { NO_COLOR: '1' } });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(CONTROL);
  }, 60_000);
});

describe('file names that try to drive the terminal', () => {
  const evil = {
    clear: 'svc\u001b[2J\u001b[31m',
    newline: 'line\nbreak',
    c1: 'c1\u009b31m',
    title: 'title\u001b]0;pwned\u0007',
    carriage: 'cr\rFAKE',
  };
  let root: string;
  beforeAll(() => {
    root = trees.make({
      [`${evil.clear}/Dockerfile`]: 'FROM alpine:3.20\n',
      [`${evil.c1}/Dockerfile`]: 'FROM alpine:3.20\n',
      [`${evil.newline}/package.json`]: JSON.stringify({ name: 'x\u001b[31m', scripts: { start: 'node .' } }),
      [`${evil.title}/compose.yaml`]: 'services:\n  "web\u001b[2J":\n    build: .\n',
      [`${evil.carriage}/Dockerfile`]: 'FROM alpine\n',
    });
  });

  test('JSON escapes them and keeps them: the parsed report has the real paths', () => {
    const { stdout, report } = checkJson([root]);
    for (const name of Object.values(evil)) expect(stdout).toContain(JSON.stringify(name).slice(1, -1).replace('\u009b', '\\u009b'));
    const paths = JSON.stringify(report);
    expect(paths).toContain(JSON.stringify(`${evil.clear}/Dockerfile`));
    expect(paths).toContain(JSON.stringify(`${evil.c1}/Dockerfile`));
  });

  test.each([
    ['without colour', { NO_COLOR: '1' }],
    ['with colour forced', { FORCE_COLOR: '1' }],
  ])('text output %s carries no control character but its own colours', (_, env) => {
    const result = runCli([root, '--verbose'], { env });
    expect(result.status).toBe(0);
    expect(result.stdout.replace(SGR, '')).not.toMatch(CONTROL);
    expect(result.stdout).toContain('\\u001b[2J');
    expect(result.stderr.replace(SGR, '')).not.toMatch(CONTROL);
  });
});

describe('read-only', () => {
  const repository = () =>
    trees.make({
      '.gitignore': 'dist/\n',
      Dockerfile: lines('FROM node:20', 'USER node'),
      'compose.yaml': lines('services:', '  web:', '    build: .'),
      'package.json': JSON.stringify({ name: 'web', scripts: { start: 'node .' } }),
      '.github/workflows/ci.yml': lines('on: push', 'jobs:', '  b:', '    runs-on: ubuntu-latest', '    steps:', '      - run: docker build .'),
      'link.Dockerfile': { symlink: 'Dockerfile' },
    });

  test('a CLI run in every format leaves every byte, mode and time of the tree as it was', () => {
    const root = repository();
    const before = fingerprint(root);
    checkJson([root, '--checklist', 'orchestration']);
    expect(runCli([root, '--verbose'], { env: { NO_COLOR: '1' } }).status).toBe(0);
    expect(fingerprint(root)).toEqual(before);
  });

  posixOnly('a tree nobody may write to scans the same, as an unprivileged user when we can become one', () => {
    const root = repository();
    const expected = checkJson([root]).report;
    makeReadOnly(root);
    const before = fingerprint(root);
    const asNobody = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;
    const command = asNobody ? 'setpriv' : process.execPath;
    const args = [...(asNobody ? ['--reuid=65534', '--regid=65534', '--clear-groups', '--', process.execPath] : []), BIN, root, '--format', 'json'];
    const result = spawnSync(command, args, { encoding: 'utf8', cwd: '/', env: { PATH: process.env.PATH, NO_COLOR: '1' }, timeout: 30_000 });
    const after = fingerprint(root);
    restoreWritable(root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).steps).toEqual(expected.steps);
    expect(after).toEqual(before);
  });
});

describe("Node's permission model: read access only, no child processes, no workers", () => {
  // Node 20 spells the flag --experimental-permission and takes one --allow-fs-read per path.
  const flag = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';
  const runRestricted = (root: string, extra: string[] = []) =>
    spawnSync(process.execPath, [flag, `--allow-fs-read=${root}`, `--allow-fs-read=${REPO_ROOT}`, BIN, root, ...extra], { encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' }, timeout: 30_000 });
  const stderrWithoutWarning = (stderr: string) => stderr.split('\n').filter((line) => line && !/ExperimentalWarning|--trace-warnings/.test(line));

  test('the one-shot check runs to the end with nothing but reads', () => {
    const root = trees.make({ Dockerfile: 'FROM node:20\nUSER node\n', 'compose.yaml': 'services:\n  web:\n    build: .\n' });
    const result = runRestricted(root, ['--format', 'json']);
    expect(stderrWithoutWarning(result.stderr)).toEqual([]);
    expect(result.status).toBe(0);
    expect(validate(JSON.parse(result.stdout))).toBe(true);
  });

  test('asked to write a report, it cannot, and says so in one line with exit 2', () => {
    const root = trees.make({ Dockerfile: 'FROM node:20\n' });
    const target = join(root, 'report.json');
    const result = runRestricted(root, ['--format', 'json', '--output', target]);
    expect(result.status).toBe(2);
    expect(stderrWithoutWarning(result.stderr)).toEqual([expect.stringContaining('ERR_ACCESS_DENIED')]);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(root)).toEqual(['Dockerfile']);
  });
});

function makeReadOnly(root: string): void {
  walk(root, (path, isDirectory) => chmodSync(path, isDirectory ? 0o555 : 0o444));
}

function restoreWritable(root: string): void {
  chmodSync(root, 0o755);
  walk(root, (path, isDirectory) => chmodSync(path, isDirectory ? 0o755 : 0o644));
}

function walk(dir: string, visit: (path: string, isDirectory: boolean) => void): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stats = lstatSync(path);
    if (stats.isSymbolicLink()) continue;
    if (stats.isDirectory()) walk(path, visit);
    visit(path, stats.isDirectory());
  }
  visit(dir, true);
}

/** Content hash, mode and times of every entry, without following links. */
function fingerprint(root: string): Record<string, string> {
  const result: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const name of readdirSync(join(root, dir)).sort()) {
      const path = dir ? `${dir}/${name}` : name;
      const stats = lstatSync(join(root, path));
      const meta = `${stats.mode}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.size}`;
      if (stats.isDirectory()) {
        result[`${path}/`] = meta;
        visit(path);
      } else if (stats.isSymbolicLink()) result[path] = `${meta}:${readlinkSync(join(root, path))}`;
      else result[path] = `${meta}:${createHash('sha256').update(readFileSync(join(root, path))).digest('hex')}`;
    }
  };
  visit('');
  result['./'] = String(lstatSync(root).mtimeMs);
  return result;
}
