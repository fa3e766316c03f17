import { formatText } from '../../src/formatters/text.js';
import { escapeData, escapeProperty, githubAnnotations } from '../../src/formatters/github-annotations.js';
import { scanSnapshot } from '../../src/engine/scan.js';
import { loadChecklist } from '../../src/checklist/load.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { evaluateGate } from '../../src/gate/gate.js';
import { lines } from '../helpers/detect.js';

const checklist = loadChecklist('containerization');
const reportOf = (files: Record<string, string>) => scanSnapshot(createMemorySnapshot(files, { name: 'demo' }), checklist);

/** Splits `::cmd k=v,k=v::message` as the runner does. */
function parseCommand(line: string) {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!match) return undefined;
  const properties = Object.fromEntries(match[2]!.split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  return { command: match[1], properties, message: match[3] };
}

const repo = {
  'api/package.json': '{"scripts":{"start":"node ."}}',
  'api/Dockerfile': lines('FROM node:latest', 'USER node'),
  'worker/requirements.txt': 'celery\n',
};

describe('GitHub Actions annotations', () => {
  test('only when asked: one command line per finding and per missing item, with file and line', () => {
    const report = reportOf(repo);
    expect(formatText(report, { color: false, verbose: false })).not.toMatch(/^::/m);
    const text = formatText(report, { color: false, verbose: false, githubActions: true });
    const commands = text.split('\n').filter((l) => l.startsWith('::')).map(parseCommand);
    expect(commands.map((c) => [c!.command, c!.properties.file, c!.properties.line])).toEqual([
      ['warning', 'worker/requirements.txt', undefined],
      ['warning', 'api/Dockerfile', undefined],
      ['warning', 'api/Dockerfile', '1'],
    ]);
    expect(commands[1]!.message).toMatch(/\[compose-covers-services\]$/);
    expect(commands[2]!.properties.title).toBe('containerize-check%3A dockerfile-latest-tag');
  });

  test('gaps in a required step are errors', () => {
    const report = reportOf(repo);
    report.gate = evaluateGate(report, { require: ['all-dockerfiles'] });
    expect(githubAnnotations(report, { verbose: false })[0]).toMatch(/^::error file=worker\/requirements\.txt,title=/);
  });

  test('a gap about the whole repository is not pinned to a file', () => {
    const observability = loadChecklist('orchestration');
    const report = scanSnapshot(createMemorySnapshot({ 'k8s/app.yaml': lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: api }') }), observability);
    const rootGaps = report.steps.flatMap((s) => s.checks.flatMap((c) => c.missing)).filter((m) => m.path === '.');
    const annotations = githubAnnotations(report, { verbose: false });
    expect(annotations.filter((a) => !a.includes('file=')).length).toBe(rootGaps.length);
  });

  test('escaping follows the runner: %, CR, LF in data; also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done\\r\\nnext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const evil = 'x,line=99::\n::error::pwned%0A';
    const annotations = githubAnnotations(reportOf({ [`${evil}/requirements.txt`]: 'flask\n' }), { verbose: false });
    expect(annotations).toHaveLength(1);
    const parsed = parseCommand(annotations[0]!)!;
    expect(parsed.properties.file).toBe('x%2Cline=99%3A%3A\\n%3A%3Aerror%3A%3Apwned%250A/requirements.txt');
    expect(parsed.properties.line).toBeUndefined();
    expect(annotations[0]!.split('\n')).toHaveLength(1);
  });
});
