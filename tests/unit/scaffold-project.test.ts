import { exactVersion, lowestVersion } from '../../src/scaffold/project/version.js';
import { portIn } from '../../src/scaffold/project/port.js';
import { execForm, jsonArray } from '../../src/scaffold/project/command.js';
import { wrapComment } from '../../src/scaffold/header.js';

describe('versions as manifests write them', () => {
  test.each([
    ['>=20', '20'], ['^18.17.0', '18.17.0'], ['~3.11', '3.11'], ['20.x', '20'], ['>=3.9,<4', '3.9'], ['>= 3.10', '3.10'],
    ['^18 || ^20', '20'], ['==3.12.*', '3.12'], ['~> 3.2', '3.2'], ['v20.11.1', '20.11.1'],
    ['lts/*', undefined], ['<3.13', undefined], ['*', undefined], [undefined, undefined],
  ])('lowestVersion(%j) is %j', (requirement, expected) => expect(lowestVersion(requirement)).toBe(expected));

  test.each([['20\n', '20'], ['v20.11.1', '20.11.1'], ['ruby-3.3.0\n', '3.3.0'], ['# pinned\n3.12.4\n', '3.12.4'], ['lts/iron', undefined], ['', undefined]])(
    'exactVersion(%j) is %j',
    (text, expected) => expect(exactVersion(text)).toBe(expected),
  );
});

describe('ports found in source and settings', () => {
  test.each([
    ["app.listen(3000, () => {})", 3000],
    ['const port = process.env.PORT || 8080;', 8080],
    ['port = int(os.getenv("PORT", "5001"))', 5001],
    ['http.ListenAndServe(":8000", mux)', 8000],
    ['let addr = "0.0.0.0:3001";', 3001],
    ['server.port=8081', 8081],
    ['web: gunicorn app:app --bind 0.0.0.0:9000', 9000],
    ["const db = new Pool({ host: 'db', port: 5432 }); app.listen({ port: 4000 })", 4000],
    ["const db = { port: 5432 }", undefined],
    ['const timeout = 30;', undefined],
  ])('%s → %j', (text, port) => expect(portIn(text)).toBe(port));
});

describe('start commands', () => {
  test.each([
    ['node server.js', ['node', 'server.js']],
    ['gunicorn app:app --bind 0.0.0.0:$PORT', ['sh', '-c', 'gunicorn app:app --bind 0.0.0.0:$PORT']],
    ['npm run migrate && node index.js', ['sh', '-c', 'npm run migrate && node index.js']],
  ])('%s → %j', (command, words) => expect(execForm(command)).toEqual(words));

  test('exec form is written as a JSON array', () => expect(jsonArray(['node', 'a "b".js'])).toBe('["node", "a \\"b\\".js"]'));
});

test('header comments wrap at 78 columns with a hanging indent', () => {
  const lines = wrapComment(`- ${'word '.repeat(30).trim()}`, '#   ');
  expect(lines.every((line) => line.length <= 78)).toBe(true);
  expect(lines[0]).toMatch(/^# - word/);
  expect(lines.slice(1).every((line) => line.startsWith('#   word'))).toBe(true);
});
