import { defineDockerfileTemplate, type ImageProfile } from './define.js';
import { and, cacheMount, cachedRun, copyExisting, lines } from './instructions.js';
import { jsonArray } from '../project/command.js';
import { findPort } from '../project/port.js';
import { exactVersion, lowestVersion, versionPrefix } from '../project/version.js';
import { pythonStart } from './python-start.js';

const DEFAULT_PYTHON = '3.13';
/** uv publishes `major.minor` tags: https://docs.astral.sh/uv/guides/integration/docker/ */
const UV_IMAGE = 'ghcr.io/astral-sh/uv:0.9';
const DEV_REQUIREMENTS = ['requirements-dev.txt', 'requirements-test.txt', 'dev-requirements.txt', 'test-requirements.txt', 'requirements/dev.txt', 'requirements/test.txt'];
const DEPENDENCY_FILES = ['requirements.txt', 'pyproject.toml', 'Pipfile', 'setup.py', 'setup.cfg', ...DEV_REQUIREMENTS];

type Manager = 'pip' | 'pipenv' | 'poetry' | 'uv';

interface PythonProfile extends ImageProfile {
  version: string;
  manager: Manager;
  /** For pip: the requirements file, or undefined to `pip install .` the project. */
  requirements?: string;
  /** What the test stage adds: a requirements file or a pyproject extra; undefined when nothing. */
  devInstall?: string;
  lockfile?: string;
  command: string[];
}

const ENV = 'ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \\\n    PIP_DISABLE_PIP_VERSION_CHECK=1';
const PIP_CACHE = cacheMount('/root/.cache/pip');

export const pythonTemplate = defineDockerfileTemplate<PythonProfile>({
  id: 'python',
  fits: () => true,
  inspect(files) {
    const review: string[] = [];
    const pyproject = files.text('pyproject.toml') ?? '';
    const manager: Manager = files.has('uv.lock') ? 'uv' : files.has('poetry.lock') || /^\[tool\.poetry\]/m.test(pyproject) ? 'poetry' : files.has('requirements.txt') ? 'pip' : files.has('Pipfile') ? 'pipenv' : 'pip';
    const declared = exactVersion(files.text('.python-version')) ?? exactVersion(files.text('runtime.txt'))
      ?? prefix(lowestVersion(/^requires-python\s*=\s*["']([^"']+)["']/m.exec(pyproject)?.[1]))
      ?? prefix(lowestVersion(/^\[tool\.poetry\.dependencies\][^[]*?^python\s*=\s*["']([^"']+)["']/ms.exec(pyproject)?.[1]));
    if (!declared) review.push(`no Python version in .python-version or requires-python: using ${DEFAULT_PYTHON}`);
    const dependencies = DEPENDENCY_FILES.map((file) => files.text(file) ?? '').join('\n');
    if (/^\s*(?:psycopg2|mysqlclient)\b(?!-binary)/im.test(dependencies.replace(/["',[\]]/g, '\n'))) {
      review.push('psycopg2 and mysqlclient compile against C libraries: install build-essential and libpq-dev (or use psycopg2-binary)');
    }
    const devFile = DEV_REQUIREMENTS.find((file) => files.has(file));
    const extra = /^\[project\.optional-dependencies\][^[]*?^(test|tests|dev)\s*=/ms.exec(pyproject)?.[1];
    const devInstall = manager === 'uv' || manager === 'poetry' ? manager : devFile ?? (extra && manager === 'pip' && !files.has('requirements.txt') ? `.[${extra}]` : undefined);
    const port = findPort(files, ['.py']);
    const installsProject = manager === 'uv' || (manager === 'pip' && !files.has('requirements.txt'));
    const start = pythonStart(files, dependencies, installsProject ? consoleScripts(pyproject) : [], port, review);
    const lockfile = ['uv.lock', 'poetry.lock', 'Pipfile.lock'].find((f) => files.has(f));
    if (start.port === undefined && start.command[0] !== 'celery') review.push('no port found in the source: add EXPOSE if the app serves HTTP');
    const testCommand = /\bpytest\b/i.test(dependencies) ? ['python', '-m', 'pytest'] : files.has('manage.py') ? ['python', 'manage.py', 'test'] : undefined;
    const manifests = DEPENDENCY_FILES.filter((file) => files.has(file) && !file.includes('/'));
    return {
      version: declared ?? DEFAULT_PYTHON, manager, requirements: manager === 'pip' && files.has('requirements.txt') ? 'requirements.txt' : undefined,
      devInstall, lockfile, command: start.command, port: start.port, review,
      test: testCommand && { stage: devInstall ? 'test' : 'build', command: testCommand },
      workdir: '/app', reload: 'sync', syncIgnore: ['.venv/', '__pycache__/'],
      rebuildOn: [...manifests, ...(lockfile ? [lockfile] : [])],
    };
  },
  render(p) {
    const image = `python:${p.version}-slim`;
    return lines(
      '# Dependencies in a virtualenv the runtime stage copies; CI runs the tests here.',
      `FROM ${image} AS build`,
      `${ENV} PATH=/opt/venv/bin:$PATH`,
      'WORKDIR /app',
      install(p),
      '',
      p.devInstall !== undefined && ['# Test dependencies, kept out of the runtime image.', 'FROM build AS test', devInstall(p), ''],
      `FROM ${image} AS runtime`,
      'ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/venv/bin:$PATH',
      'WORKDIR /app',
      'RUN useradd --create-home --uid 10001 app',
      'COPY --from=build /opt/venv /opt/venv',
      '# Owned by app so that `docker compose watch` can sync changes into it.',
      'COPY --chown=app:app . .',
      'USER app',
      p.port !== undefined && `EXPOSE ${p.port}`,
      `CMD ${jsonArray(p.command)}`,
    );
  },
  ignore: () => ['**/__pycache__', '**/*.py[cod]', '.venv', 'venv', '.pytest_cache', '.mypy_cache', '.ruff_cache', '*.egg-info', '.coverage', 'htmlcov'],
});

function install(p: PythonProfile): string[] {
  switch (p.manager) {
    case 'uv':
      return [
        `COPY --from=${UV_IMAGE} /uv /bin/uv`,
        'ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never \\\n    UV_PROJECT_ENVIRONMENT=/opt/venv',
        'COPY pyproject.toml uv.lock ./',
        cachedRun([cacheMount('/root/.cache/uv')], 'uv sync --locked --no-dev --no-install-project'),
        'COPY . .',
        cachedRun([cacheMount('/root/.cache/uv')], 'uv sync --locked --no-dev --no-editable'),
      ];
    case 'poetry':
      return [
        'ENV POETRY_VIRTUALENVS_CREATE=false VIRTUAL_ENV=/opt/venv',
        cachedRun([PIP_CACHE], and('pip install "poetry==2.*"', 'python -m venv /opt/venv')),
        copyExisting(['pyproject.toml', 'poetry.lock'], (file) => file === 'pyproject.toml' || file === p.lockfile)!,
        cachedRun([cacheMount('/root/.cache/pypoetry')], 'poetry install --only main --no-root --no-interaction'),
        'COPY . .',
      ];
    case 'pipenv':
      return [
        cachedRun([PIP_CACHE], and('pip install "pipenv==2025.*"', 'python -m venv /opt/venv')),
        copyExisting(['Pipfile', 'Pipfile.lock'], (file) => file === 'Pipfile' || file === p.lockfile)!,
        cachedRun([PIP_CACHE], and(p.lockfile ? 'pipenv requirements > /tmp/requirements.txt' : 'pipenv lock && pipenv requirements > /tmp/requirements.txt', 'pip install -r /tmp/requirements.txt')),
        'COPY . .',
      ];
    case 'pip':
      return p.requirements
        ? ['RUN python -m venv /opt/venv', `COPY ${p.requirements} ./`, cachedRun([PIP_CACHE], `pip install -r ${p.requirements}`), 'COPY . .']
        : ['RUN python -m venv /opt/venv', 'COPY . .', cachedRun([PIP_CACHE], 'pip install .')];
  }
}

function devInstall(p: PythonProfile): string {
  if (p.manager === 'uv') return cachedRun([cacheMount('/root/.cache/uv')], 'uv sync --locked');
  if (p.manager === 'poetry') return cachedRun([cacheMount('/root/.cache/pypoetry')], 'poetry install --no-root --no-interaction');
  return cachedRun([PIP_CACHE], p.devInstall!.startsWith('.[') ? `pip install "${p.devInstall}"` : `pip install -r ${p.devInstall}`);
}

function prefix(version: string | undefined): string | undefined {
  return version === undefined ? undefined : versionPrefix(version, 2);
}

/** `[project.scripts]`: commands the install puts on PATH, when the project itself is installed. */
function consoleScripts(pyproject: string): string[] {
  const section = /^\[project\.scripts\]\s*\n((?:(?!\[).*\n?)*)/m.exec(pyproject)?.[1] ?? '';
  return [...section.matchAll(/^\s*["']?([\w.-]+)["']?\s*=/gm)].map((match) => match[1]!);
}
