import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import type { Language } from '../facts.js';

export interface Classification {
  language: Language;
  kind: 'app' | 'library';
}

export interface Ecosystem {
  /** Manifest file names (or `*.ext` suffixes) that make a directory a project of this ecosystem. */
  manifests: readonly string[];
  /** Backend ecosystems outrank front-end tooling in the same directory (a Rails app with a package.json). */
  rank: number;
  /** Undefined when the directory is only a workspace root that builds nothing itself. */
  classify(snapshot: RepoSnapshot, dir: string, manifest: string): Classification | undefined;
}

const inDir = (dir: string, name: string) => (dir === '.' ? name : `${dir}/${name}`);
const hasFile = (snapshot: RepoSnapshot, dir: string, name: string) => snapshot.has(inDir(dir, name));
const textOf = (snapshot: RepoSnapshot, path: string) => snapshot.text(path) ?? '';

const NODE_SERVER_FRAMEWORKS = /^(?:express|fastify|koa|@hapi\/hapi|hapi|@nestjs\/core|next|nuxt|@remix-run\/serve|@remix-run\/node|astro|@sveltejs\/kit|react-scripts|vite|@angular\/core|vue|restify|@adonisjs\/core|sails|loopback|@feathersjs\/feathers|hono|elysia)$/;

const node: Ecosystem = {
  manifests: ['package.json'],
  rank: 1,
  classify(snapshot, dir, manifest) {
    const pkg = snapshot.json(manifest)?.value;
    if (!isRecord(pkg)) return { language: 'javascript', kind: 'app' };
    const scripts = isRecord(pkg.scripts) ? pkg.scripts : {};
    const deps = { ...(isRecord(pkg.dependencies) ? pkg.dependencies : {}), ...(isRecord(pkg.devDependencies) ? pkg.devDependencies : {}) };
    const language: Language = hasFile(snapshot, dir, 'tsconfig.json') || 'typescript' in deps ? 'typescript' : 'javascript';
    const runs = typeof scripts.start === 'string' || typeof scripts.serve === 'string' || Object.keys(deps).some((d) => NODE_SERVER_FRAMEWORKS.test(d));
    const isWorkspaceRoot = pkg.workspaces !== undefined || hasFile(snapshot, dir, 'pnpm-workspace.yaml') || hasFile(snapshot, dir, 'lerna.json');
    if (isWorkspaceRoot && !runs) return undefined;
    if (runs) return { language, kind: 'app' };
    const publishes = pkg.exports !== undefined || pkg.types !== undefined || pkg.typings !== undefined || pkg.peerDependencies !== undefined || pkg.publishConfig !== undefined || pkg.bin !== undefined;
    return { language, kind: publishes ? 'library' : 'app' };
  },
};

const PYTHON_APP_DEPS = /^(?:django|flask|fastapi|uvicorn|gunicorn|starlette|streamlit|aiohttp|tornado|sanic|celery|litestar|quart|dash|gradio)\b/im;

const python: Ecosystem = {
  manifests: ['pyproject.toml', 'requirements.txt', 'Pipfile', 'setup.py', 'setup.cfg'],
  rank: 3,
  classify(snapshot, dir, manifest) {
    const entryPoints = ['manage.py', 'main.py', 'app.py', 'wsgi.py', 'asgi.py', 'server.py', 'run.py', 'Procfile'];
    if (entryPoints.some((name) => hasFile(snapshot, dir, name))) return { language: 'python', kind: 'app' };
    const manifestsText = python.manifests.map((name) => textOf(snapshot, inDir(dir, name))).join('\n');
    if (PYTHON_APP_DEPS.test(manifestsText.replace(/["'[\]]/g, '\n'))) return { language: 'python', kind: 'app' };
    if (manifest.endsWith('requirements.txt') || manifest.endsWith('Pipfile')) return { language: 'python', kind: 'app' };
    if (/^\[tool\.uv\.workspace\]/m.test(manifestsText) && !/^\[project\]/m.test(manifestsText)) return undefined;
    const scripts = /^\[(?:project\.scripts|tool\.poetry\.scripts)\]/m.test(manifestsText);
    return { language: 'python', kind: scripts ? 'app' : 'library' };
  },
};

const go: Ecosystem = {
  manifests: ['go.mod'],
  rank: 3,
  classify(snapshot, dir) {
    const goFiles = snapshot.filesUnder(dir).filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
    const isMain = goFiles.some((f) => (f.split('/').includes('cmd') || f.endsWith('/main.go') || f === 'main.go') && /^package main\b/m.test(textOf(snapshot, f)));
    return { language: 'go', kind: isMain ? 'app' : 'library' };
  },
};

const rust: Ecosystem = {
  manifests: ['Cargo.toml'],
  rank: 3,
  classify(snapshot, dir, manifest) {
    const text = textOf(snapshot, manifest);
    if (/^\[workspace\]/m.test(text) && !/^\[package\]/m.test(text)) return undefined;
    const isBinary = hasFile(snapshot, dir, 'src/main.rs') || /^\[\[bin\]\]/m.test(text) || snapshot.filesUnder(inDir(dir, 'src/bin')).length > 0;
    return { language: 'rust', kind: isBinary ? 'app' : 'library' };
  },
};

const JVM_APP = /spring-boot|<packaging>\s*war\s*<\/packaging>|\bapplication\b|mainClass|quarkus|micronaut|io\.ktor|org\.springframework\.boot/;

function jvmClassify(snapshot: RepoSnapshot, dir: string, manifest: string): Classification | undefined {
  const text = textOf(snapshot, manifest);
  const language: Language = manifest.endsWith('.kts') || snapshot.filesUnder(inDir(dir, 'src/main/kotlin')).length > 0 ? 'kotlin' : 'java';
  if (/<packaging>\s*pom\s*<\/packaging>/.test(text)) return undefined;
  const settings = ['settings.gradle', 'settings.gradle.kts'].map((name) => textOf(snapshot, inDir(dir, name))).join('\n');
  const hasOwnSources = snapshot.filesUnder(inDir(dir, 'src/main')).length > 0;
  if (/\binclude\s*[("']/.test(settings) && !hasOwnSources) return undefined;
  return { language, kind: JVM_APP.test(text) || hasOwnSources ? 'app' : 'library' };
}

const maven: Ecosystem = { manifests: ['pom.xml'], rank: 3, classify: jvmClassify };
const gradle: Ecosystem = { manifests: ['build.gradle', 'build.gradle.kts'], rank: 3, classify: jvmClassify };

const dotnet: Ecosystem = {
  manifests: ['*.csproj', '*.fsproj'],
  rank: 3,
  classify(snapshot, _dir, manifest) {
    const text = textOf(snapshot, manifest);
    const language: Language = manifest.endsWith('.fsproj') ? 'fsharp' : 'csharp';
    const isTest = /<IsTestProject>\s*true|Microsoft\.NET\.Test\.Sdk|\.Tests?\.[cf]sproj$/i.test(text + manifest);
    const isApp = /Sdk="Microsoft\.NET\.Sdk\.(?:Web|Worker)|<OutputType>\s*Exe\s*</i.test(text);
    return { language, kind: isApp && !isTest ? 'app' : 'library' };
  },
};

const ruby: Ecosystem = {
  manifests: ['Gemfile'],
  rank: 3,
  classify(snapshot, dir) {
    const isApp = ['config.ru', 'bin/rails', 'config/application.rb', 'app.rb', 'Procfile'].some((name) => hasFile(snapshot, dir, name));
    const isGem = snapshot.filesUnder(dir).some((f) => f.endsWith('.gemspec') && !f.slice(dir === '.' ? 0 : dir.length + 1).includes('/'));
    return { language: 'ruby', kind: isApp || !isGem ? 'app' : 'library' };
  },
};

const php: Ecosystem = {
  manifests: ['composer.json'],
  rank: 3,
  classify(snapshot, _dir, manifest) {
    const composer = snapshot.json(manifest)?.value;
    const isLibrary = isRecord(composer) && composer.type === 'library';
    return { language: 'php', kind: isLibrary ? 'library' : 'app' };
  },
};

const elixir: Ecosystem = {
  manifests: ['mix.exs'],
  rank: 3,
  classify(snapshot, _dir, manifest) {
    const text = textOf(snapshot, manifest);
    if (/apps_path:/.test(text)) return undefined;
    return { language: 'elixir', kind: 'app' };
  },
};

/** In ascending rank order; the highest-ranked ecosystem with a manifest in a directory names its language. */
export const ECOSYSTEMS: readonly Ecosystem[] = [node, dotnet, elixir, go, maven, gradle, php, python, ruby, rust];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
