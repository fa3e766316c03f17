import { lazy } from '../../../lazy.js';
import { tomlAt, tomlOf } from '../../../parsers/toml.js';
import { hasFile, inDir, textOf } from '../project.js';
import { defineEcosystem } from './define.js';

const MANIFESTS = ['pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py', 'setup.cfg'];
/** Files that start an app: Django's manage.py, a Flask/FastAPI module, a WSGI/ASGI entry, a Procfile. */
const ENTRY_FILES = ['manage.py', 'main.py', 'app.py', 'wsgi.py', 'asgi.py', 'server.py', 'run.py', 'Procfile', 'app/main.py', 'src/main.py', 'src/app.py'];
const APP_DEPENDENCY = /^(?:django|flask|fastapi|uvicorn|gunicorn|hypercorn|granian|starlette|streamlit|aiohttp|tornado|sanic|celery|litestar|quart|dash|gradio|falcon|pyramid|bottle|chainlit|panel|dramatiq|rq|faust|faststream|robyn|channels|daphne)\b/im;

/**
 * Python projects. An app has an entry file or depends on a web framework or worker; a package
 * (pyproject `[project]`, setup.py) without either is a library unless it declares scripts. A bare
 * requirements.txt or Pipfile is an app: scripts and services, not something published. A uv
 * workspace root with no `[project]` of its own builds nothing.
 */
export const python = defineEcosystem({
  id: 'python',
  manifests: MANIFESTS,
  rank: 3,
  classify(project) {
    const { snapshot, dir } = project;
    const path = inDir(dir, 'pyproject.toml');
    // Parsed only when the answer needs it: an entry file tells most apps, and a uv workspace has its word in the text.
    const pyproject = lazy(() => tomlOf(snapshot, path)?.value);
    const hasProject = lazy(() => tomlAt(pyproject(), 'project') !== undefined || tomlAt(pyproject(), 'tool', 'poetry') !== undefined);
    if (textOf(snapshot, path).includes('workspace') && tomlAt(pyproject(), 'tool', 'uv', 'workspace') !== undefined && !hasProject()) return { kind: 'workspace-root' };
    if (ENTRY_FILES.some((name) => hasFile(snapshot, dir, name))) return { kind: 'app', language: 'python' };
    const texts = MANIFESTS.map((name) => textOf(snapshot, inDir(dir, name))).join('\n');
    if (APP_DEPENDENCY.test(texts.replace(/["'[\],]/g, '\n').replace(/^\s+/gm, ''))) return { kind: 'app', language: 'python' };
    const packaged = hasProject() || hasFile(snapshot, dir, 'setup.py') || hasFile(snapshot, dir, 'setup.cfg');
    if (!packaged) return { kind: 'app', language: 'python' };
    const scripts = tomlAt(pyproject(), 'project', 'scripts') !== undefined || tomlAt(pyproject(), 'tool', 'poetry', 'scripts') !== undefined || /console_scripts/.test(texts);
    return { kind: scripts ? 'app' : 'library', language: 'python' };
  },
});
