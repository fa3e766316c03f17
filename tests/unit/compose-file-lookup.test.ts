import { detect, lines } from '../helpers/detect.js';
import { composeDetector } from '../../src/detectors/compose/index.js';

/**
 * The compose detector finds Compose files, and the scripts, task runners, CI files and `.env`
 * files that name them, through the snapshot's name and directory indexes rather than by testing
 * every path. Files at the root, nested, with dots in their names or differing only in case must be
 * found (or left out) exactly as a path-by-path test would.
 */
const compose = (files: Record<string, string>) => detect(files, [composeDetector]).facts.compose;
const ONE_SERVICE = lines('services:', '  app:', '    image: nginx:1.27');
const COMMAND = 'docker compose -f deploy/a.yml up';

describe('Compose files by name', () => {
  test('default names and variants anywhere; workflows, dev containers and other names left out', () => {
    const found = ['a/b/docker-compose.prod.yml', 'compose.yaml', 'container-compose.yaml', 'deploy/compose.override.yml', 'x/podman-compose.yml'];
    const ignored = ['Compose.yaml', 'compose.yaml.bak', '.devcontainer/compose.yml', 'app/.github/workflows/compose.yml', 'app/my-compose.yml', 'compose/app.yml'];
    const files = Object.fromEntries([...found, ...ignored].map((path) => [path, ONE_SERVICE]));
    expect(compose(files).map((file) => file.path)).toEqual(found);
  });
});

describe('Compose files named by scripts', () => {
  test('package.json scripts, task runners, shell scripts and root CI files are read; other files are not', () => {
    const script = (path: string) => (path.endsWith('package.json') ? JSON.stringify({ scripts: { up: COMMAND } }) : lines('up:', `  - ${COMMAND}`));
    const read = [
      '.circleci/config.yaml', '.drone.yml', '.github/workflows/ci.yml', '.gitlab-ci.yml', '.travis.yml', 'Jenkinsfile-old', 'Jenkinsfile.release',
      'Makefile', 'Taskfile.dist.yml', 'app/taskfile.yaml', 'azure-pipelines.ci.yml', 'bitbucket-pipelines.yml', 'build/GNUmakefile', 'buildspec.yml',
      'cloudbuild.yaml', 'justfile', 'lib/rules.mk', 'package.json', 'scripts/up.sh', 'tools/.justfile', 'tools/run.bash', 'web/package.json',
    ];
    const unread = [
      '.github/workflows/sub/ci.yml', 'ci/Jenkinsfile', 'app/.gitlab-ci.yml', 'app/.circleci/config.yml', 'scripts/up.SH', 'scripts/up.zsh',
      'Makefile.bak', 'docs/notes.md', 'web/package.json.orig',
    ];
    // Not where any of them runs: found as the one file that ends with the path written.
    const files: Record<string, string> = { 'ops/deploy/a.yml': ONE_SERVICE };
    for (const path of [...read, ...unread]) files[path] = script(path);
    const named = compose(files).find((file) => file.path === 'ops/deploy/a.yml');
    expect(named?.references?.map((reference) => [reference.kind, reference.path])).toEqual(read.map((path) => ['command', path]));
  });

  test('COMPOSE_FILE in .env files at the root and nested; other names are not read', () => {
    const files = {
      'ops/a.yml': ONE_SERVICE,
      '.env': 'COMPOSE_FILE=ops/a.yml\n',
      'app/.env': lines('# app', 'export COMPOSE_FILE=../ops/a.yml'),
      '.env.local': 'COMPOSE_FILE=ops/a.yml\n',
      'web/.ENV': 'COMPOSE_FILE=../ops/a.yml\n',
    };
    const named = compose(files).find((file) => file.path === 'ops/a.yml');
    expect(named?.references).toEqual([{ kind: 'command', path: '.env', line: 1 }, { kind: 'command', path: 'app/.env', line: 2 }]);
  });

  test('a path no directory resolves is the one file ending with it, never a file at the root or one of two', () => {
    const files = {
      'Makefile': lines('a:', '\tdocker compose -f infra/one.yml up', 'b:', '\tdocker compose -f infra/two.yml up', 'c:', '\tdocker compose -f ./root.yml up'),
      'x/infra/one.yml': ONE_SERVICE,
      'x/infra/two.yml': ONE_SERVICE,
      'y/infra/two.yml': ONE_SERVICE,
      'sub/Makefile': lines('up:', '\tdocker compose -f root.yml up'),
      'root.yml': ONE_SERVICE,
    };
    const referenced = compose(files).filter((file) => file.references).map((file) => [file.path, file.references!.map((r) => `${r.path}:${r.line}`)]);
    expect(referenced).toEqual([['root.yml', ['Makefile:6']], ['x/infra/one.yml', ['Makefile:2']]]);
  });
});
