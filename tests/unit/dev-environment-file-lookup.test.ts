import { detect } from '../helpers/detect.js';

/**
 * The dev environment detector finds its files through the snapshot's name and directory indexes
 * rather than by testing every path: these cases pin which files count, at the root and deep in
 * the tree, with dots in their names and with names that differ only in case.
 */
const found = (files: Record<string, string>) => detect(files).facts.devEnvironment.map((e) => [e.code, e.path]);
const UP = 'docker compose up\n';

describe('dev tool configuration and dev containers', () => {
  test('by name at any depth; .ddev/config.yaml only inside .ddev/', () => {
    expect(found({
      'Tiltfile': 'x',
      'svc/api.garden.yml': 'kind: Build\n',
      'svc/TILTFILE': 'x',
      '.ddev/config.yaml': 'name: root\n',
      'nested/.ddev/config.yaml': 'name: nested\n',
      'other/config.yaml': 'name: other\n',
      '.ddev/sub/config.yaml': 'name: too-deep\n',
      'svc/.devcontainer.json': '{ "image": "node:20" }',
      'svc/x.devcontainer.json': '{ "image": "node:20" }',
      'svc/.devcontainer/devcontainer.json': '{ "image": "node:20" }',
    })).toEqual([
      ['dev-tool-config', '.ddev/config.yaml'],
      ['dev-tool-config', 'Tiltfile'],
      ['dev-tool-config', 'nested/.ddev/config.yaml'],
      ['devcontainer', 'svc/.devcontainer.json'],
      ['devcontainer', 'svc/.devcontainer/devcontainer.json'],
      ['dev-tool-config', 'svc/api.garden.yml'],
    ]);
  });
});

describe('scripts', () => {
  test('task runners by name anywhere, shell scripts at the root or in scripts/, anything without a dot in bin/', () => {
    expect(found({
      'GNUmakefile': UP,
      'svc/build.rules.mk': UP,
      'svc/.justfile': UP,
      'svc/taskfile.dist.yml': UP,
      'dev.bash': UP,
      'svc/scripts/dev.sh': UP,
      'svc/scripts/deep/dev.sh': UP,
      'svc/tools/dev.sh': UP,
      'bin/dev': UP,
      'svc/bin/setup.sh': UP,
      'svc/bin/tool.py': UP,
      'svc/bin/.hidden': UP,
      'svc/MAKEFILE': UP,
    }).filter(([code]) => code === 'script-runs-containers').map(([, path]) => path)).toEqual([
      'GNUmakefile', 'bin/dev', 'dev.bash', 'svc/.justfile', 'svc/bin/setup.sh', 'svc/build.rules.mk', 'svc/scripts/dev.sh', 'svc/taskfile.dist.yml',
    ]);
  });
});

describe('docs', () => {
  test('READMEs and guides by name in any casing, and pages under any docs/ directory', () => {
    expect(found({
      'README.MD': UP,
      'svc/readme': UP,
      'svc/Contributing.rst': UP,
      'svc/README.old.md': UP,
      'Docs/setup.MDX': UP,
      'svc/docs/deep/run.adoc': UP,
      'svc/documentation/run.md': UP,
      'svc/docs/run.txt': UP,
    }).filter(([code]) => code === 'docs-run-containers').map(([, path]) => path)).toEqual([
      'Docs/setup.MDX', 'README.MD', 'svc/Contributing.rst', 'svc/docs/deep/run.adoc', 'svc/readme',
    ]);
  });
});
