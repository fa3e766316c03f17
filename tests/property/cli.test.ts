import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { repository, SEED } from './arbitraries.js';

// The built CLI on random trees on disk: raw bytes (not only UTF-8), odd file names, both
// checklists, text and JSON. Few runs, each is a process; scan.test.ts covers the breadth.

const validate = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'dist/report-schema.json'), 'utf8')));
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const SGR = /\u001b\[[0-9;]*m/g;

const bytes = fc.dictionary(fc.constantFrom('Dockerfile', 'compose.yaml', 'package.json', 'go.mod', 'pom.xml', '.gitlab-ci.yml'), fc.uint8Array({ maxLength: 200 }), { maxKeys: 3 });
/** Names a file system accepts: anything but NUL and `/`, and not `.` or `..`. */
const oddName = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).map((s) => s.replace(/[\u0000/]/g, '_')).filter((s) => s !== '.' && s !== '..' && Buffer.byteLength(s) < 200);

let roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function writeTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'containerize-check-property-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

test('the CLI exits 0 or 1 on any tree, its JSON fits the schema and no output can drive a terminal', () => {
  fc.assert(
    fc.property(repository, bytes, oddName, fc.constantFrom('containerization', 'orchestration'), fc.boolean(), (files, binary, name, checklist, color) => {
      const root = writeTree({ ...files, ...Object.fromEntries(Object.entries(binary).map(([p, b]) => [`raw/${p}`, b])), [`${name}/Dockerfile`]: 'FROM alpine:3.20\n' });
      const json = runCli([root, '--checklist', checklist, '--format', 'json']);
      expect(json.stderr).toBe('');
      expect([0, 1]).toContain(json.status);
      expect(json.stdout).not.toMatch(CONTROL);
      expect(validate(JSON.parse(json.stdout))).toBe(true);

      const text = runCli([root, '--checklist', checklist, '--verbose', '--min-steps', '1'], { env: color ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' } });
      expect([0, 1]).toContain(text.status);
      expect(text.stdout.replace(SGR, '')).not.toMatch(CONTROL);
      rmSync(root, { recursive: true, force: true });
      roots = roots.filter((r) => r !== root);
    }),
    { seed: SEED, numRuns: 6 },
  );
}, 120_000);
