import { execForm, procfileCommand } from '../project/command.js';
import type { ServiceFiles } from '../project/service-files.js';

/** The port the generated start commands bind when the project names none. */
export const DEFAULT_PYTHON_PORT = 8000;

export interface PythonStart {
  command: string[];
  /** Port the command listens on, when it is a server. */
  port?: number;
}

const MODULE_CANDIDATES = ['main.py', 'app.py', 'server.py', 'api.py', 'wsgi.py', 'asgi.py', 'app/main.py', 'src/main.py', 'src/app.py', 'tasks.py', 'worker.py'];

/**
 * How the app starts: a Procfile, then what the framework in use expects (Django, FastAPI,
 * Flask, Celery), then a console script or a main module. `dependencies` is the text of every
 * dependency file, to tell which servers are installed.
 */
export function pythonStart(files: ServiceFiles, dependencies: string, scripts: string[], port: number | undefined, review: string[]): PythonStart {
  const has = (name: string) => new RegExp(`(?:^|[\\s"'\\[,])${name}(?:[\\s"'\\]<>=~!;,\\[]|$)`, 'im').test(dependencies);
  const bind = port ?? DEFAULT_PYTHON_PORT;
  const procfile = procfileCommand(files);
  if (procfile) return { command: execForm(procfile), port };
  if (files.has('manage.py')) {
    const wsgi = files.list().find((file) => /^[\w]+\/wsgi\.py$/.test(file));
    if (wsgi && has('gunicorn')) return { command: ['gunicorn', `${wsgi.split('/')[0]}.wsgi`, '--bind', `0.0.0.0:${bind}`], port: bind };
    review.push('runserver is Django\'s development server: add gunicorn for production');
    return { command: ['python', 'manage.py', 'runserver', `0.0.0.0:${bind}`], port: bind };
  }
  const app = findApp(files, /(\w+)\s*=\s*FastAPI\(/);
  if (app && (has('uvicorn') || /fastapi\[standard\]/i.test(dependencies))) {
    return { command: ['uvicorn', app, '--host', '0.0.0.0', '--port', String(bind)], port: bind };
  }
  const flask = findApp(files, /(\w+)\s*=\s*Flask\(/);
  if (flask) {
    if (has('gunicorn')) return { command: ['gunicorn', '--bind', `0.0.0.0:${bind}`, flask], port: bind };
    review.push('flask run is a development server: add gunicorn for production');
    return { command: ['flask', '--app', flask.split(':')[0]!, 'run', '--host', '0.0.0.0', '--port', String(bind)], port: bind };
  }
  const celery = findApp(files, /(\w+)\s*=\s*Celery\(/);
  if (celery && has('celery')) return { command: ['celery', '-A', celery.split(':')[0]!, 'worker', '--loglevel=INFO'] };
  if (scripts[0]) return { command: [scripts[0]], port };
  const main = MODULE_CANDIDATES.find((file) => files.has(file) && /__name__\s*==\s*["']__main__["']/.test(files.text(file) ?? ''))
    ?? MODULE_CANDIDATES.find((file) => files.has(file));
  if (main) return { command: ['python', main], port };
  review.push('no entry point found: set CMD to what starts the app');
  return { command: ['python', '-m', moduleName(files)], port };
}

/** `module:variable` of the first candidate module that creates the app object. */
function findApp(files: ServiceFiles, pattern: RegExp): string | undefined {
  for (const file of MODULE_CANDIDATES) {
    const match = pattern.exec(files.text(file) ?? '');
    if (match) return `${file.replace(/\.py$/, '').replace(/\//g, '.')}:${match[1]}`;
  }
  return undefined;
}

function moduleName(files: ServiceFiles): string {
  const name = /^name\s*=\s*["']([^"']+)["']/m.exec(files.text('pyproject.toml') ?? '')?.[1] ?? 'app';
  return name.replace(/-/g, '_');
}
