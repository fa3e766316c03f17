import { marked, type Token, type Tokens } from 'marked';
import { formatMarkdown } from '../../src/formatters/markdown.js';
import { scanSnapshot } from '../../src/engine/scan.js';
import { loadChecklist } from '../../src/checklist/load.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';
import { evaluateGate } from '../../src/gate/gate.js';
import type { Report } from '../../src/report/types.js';
import { lines } from '../helpers/detect.js';

const checklist = loadChecklist('containerization');

function reportOf(files: Record<string, string>): Report {
  return scanSnapshot(createMemorySnapshot(files, { name: 'demo' }), checklist);
}

/** Parsed as GitHub would (GFM), so the assertions are about structure, not about strings. */
function parse(markdown: string): Token[] {
  return marked.lexer(markdown, { gfm: true });
}

const tables = (tokens: Token[]) => tokens.filter((t): t is Tokens.Table => t.type === 'table');
const headings = (tokens: Token[]) => tokens.filter((t): t is Tokens.Heading => t.type === 'heading').map((h) => [h.depth, h.text]);
const cellText = (cell: Tokens.TableCell): string => marked.parseInline(cell.text, { gfm: true }) as string;

const partialRepo = {
  'api/package.json': '{"scripts":{"start":"node ."}}',
  'api/Dockerfile': lines('FROM node:20', 'USER node'),
  'worker/requirements.txt': 'celery\n',
};

describe('Markdown', () => {
  test('a heading with the progress, a table of steps, the next step with its advice, and the services', () => {
    const tokens = parse(formatMarkdown(reportOf(partialRepo)));
    expect(headings(tokens)).toEqual([[2, 'demo: 1/7 steps done'], [3, 'Next step: 2. Write Dockerfiles for the other services'], [3, 'Services']]);
    const [steps, services] = tables(tokens);
    expect(steps!.header.map((h) => h.text)).toEqual(['#', 'Step', 'Status', 'Evidence']);
    expect(steps!.rows).toHaveLength(7);
    expect(steps!.rows.map((row) => row[2]!.text)).toEqual(['✅ done', '🟡 partial', '❌ todo', '❌ todo', '❌ todo', '❌ todo', '❌ todo']);
    expect(steps!.rows[1]![3]!.text).toContain('worker/requirements.txt');
    expect(services!.header.map((h) => h.text)).toEqual(['Path', 'Language', 'Kind', 'Image built from', 'Compose']);
    expect(services!.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['`api`', 'javascript', 'app', '`api/Dockerfile`', '—'],
      ['`worker`', 'python', 'app', '—', '—'],
    ]);
    // The advice keeps its code block.
    const advice = parse(formatMarkdown(reportOf({})));
    expect(advice.some((t) => t.type === 'code' && (t as Tokens.Code).text.startsWith('FROM node:20-alpine'))).toBe(true);
  });

  test('repository names cannot break the table, open HTML or inject Markdown', () => {
    const evil = 'a|b <img src=x onerror=alert(1)> `tick` **bold** [link](http://x)';
    const report = reportOf({ [`${evil}/requirements.txt`]: 'flask\n', 'api/package.json': '{"scripts":{"start":"x"}}', 'api/Dockerfile': 'FROM node:20\n' });
    const markdown = formatMarkdown(report);
    const tokens = parse(markdown);
    const [steps, services] = tables(tokens);
    for (const table of [steps!, services!]) for (const row of table.rows) expect(row).toHaveLength(table.header.length);
    const serviceRow = services!.rows.find((row) => row[0]!.text.includes('onerror'))!;
    const html = cellText(serviceRow[0]!);
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('&lt;img');
    expect(html).toContain('a|b');
    const stepCell = cellText(steps!.rows[1]![3]!);
    expect(stepCell).not.toMatch(/<img|<strong>|<a href="http:\/\/x">link</);
    expect(stepCell).toContain('a|b &lt;img');
    // Literal brackets and stars: no link text of the repository's choosing, no emphasis.
    expect(stepCell).toContain('`tick` **bold** [link]');
    expect(markdown).not.toMatch(/^#{1,6} .*onerror/m);
  });

  test('the gate and the findings, collapsed', () => {
    const report = reportOf({ ...partialRepo, 'api/Dockerfile': 'FROM node:latest\n' });
    report.gate = evaluateGate(report, { require: ['compose'] });
    const tokens = parse(formatMarkdown(report));
    const findings = tables(tokens)[2]!;
    expect(findings.header.map((h) => h.text)).toEqual(['Severity', 'Where', 'Finding', 'Code']);
    expect(findings.rows.map((row) => row[3]!.text)).toEqual(expect.arrayContaining(['`dockerfile-latest-tag`']));
    const paragraphs = tokens.filter((t) => t.type === 'paragraph').map((t) => (t as Tokens.Paragraph).text);
    expect(paragraphs).toContainEqual(expect.stringMatching(/^\*\*Gate failed\*\* ❌: `compose` is todo$/));
    expect(tokens.some((t) => t.type === 'html' && (t as Tokens.HTML).text.startsWith('<details>'))).toBe(true);
  });

  test('everything done: says so and points at the next checklist', () => {
    const report = reportOf(partialRepo);
    for (const step of report.steps) step.status = 'done';
    report.summary = { ...report.summary, done: 7, partial: 0, todo: 0, nextStep: null };
    const tokens = parse(formatMarkdown(report));
    expect(headings(tokens)).toContainEqual([3, 'Every step is done']);
  });
});
