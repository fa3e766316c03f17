import type { Language } from '../../facts.js';
import { lazy } from '../../../lazy.js';
import { baseName } from '../../../snapshot/paths.js';
import { hasFile, ownFiles, relativeTo } from '../project.js';
import { defineEcosystem, type Classification, type ProjectContext } from './define.js';
import { isRecord } from '../../../parsers/record.js';

/** Servers and full-stack frameworks: a package that depends on one runs as a service. */
const SERVER_DEPENDENCY = /^(?:express|fastify|koa|@hapi\/hapi|hapi|restify|polka|@adonisjs\/core|sails|@loopback\/core|loopback|@feathersjs\/feathers|hono|elysia|@apollo\/server|apollo-server(?:-express)?|graphql-yoga|@strapi\/strapi|@medusajs\/medusa|moleculer)$/;
/** Meta-frameworks, often in devDependencies, that produce a server or a site to host. */
const FRAMEWORK = /^(?:@nestjs\/core|next|nuxt|@remix-run\/(?:serve|node|express|dev)|@react-router\/(?:serve|node|dev)|astro|@sveltejs\/kit|@solidjs\/start|@analogjs\/platform|@builder\.io\/qwik-city|@redwoodjs\/core|gatsby|@docusaurus\/core|vitepress)$/;
/** Single-page-app tooling: a front-end bundle, served as static files. */
const SPA_TOOL = /^(?:react-scripts|vite|@vitejs\/plugin-[\w-]+|@angular\/core|@angular-devkit\/build-angular|@angular\/build|@vue\/cli-service|parcel|webpack-dev-server|@craco\/craco|@rsbuild\/core)$/;
/** Mobile and desktop apps ship to stores or installers, never as a container image. */
const NOT_A_SERVICE = /^(?:react-native|expo|electron|@capacitor\/core|@ionic\/core|nativescript)$/;
/** A script that runs the scripts of workspace members rather than code of its own. */
const DELEGATING = /\b(?:turbo|nx|lerna|npm-run-all2?|run-p|run-s|concurrently|wireit|ultra)\b|\b(?:pnpm|yarn|npm|bun)\b[^&|;]*?(?:\s-r\b|\s--recursive\b|\s--filter\b|\s-F\s|\s--workspaces?\b|\s-w\s|\s-ws\b|\sworkspaces?\s)/;
/** A start script that only builds or watches (a library's `"start": "tsc -w"`, Storybook). */
const BUILD_ONLY = /^\s*(?:tsc|tsup|rollup|babel|esbuild|microbundle|unbuild|storybook|start-storybook|jest|vitest|echo|vite\s+build)\b/;
const SOURCE_FILE = /\.(?:[cm]?[jt]sx?)$/;
const CONFIG_FILE = /(?:^|\/)(?:[\w.-]+\.config\.[cm]?[jt]s|\.[\w-]+rc\.[cm]?js|Gruntfile\.js|gulpfile\.js)$/;

type Package = Record<string, unknown>;

export const node = defineEcosystem({
  id: 'node',
  manifests: ['package.json'],
  rank: 1,
  classify: (project) => classifyPackage(project),
});

/** package.json read for Node, and for Bun with `extraAppSignal` (`Bun.serve`, `bun run src/index.ts`). */
export function classifyPackage(project: ProjectContext, extraAppSignal = false): Classification | undefined {
  const { snapshot, dir, manifest } = project;
  const parsed = snapshot.json(manifest);
  const pkg = parsed?.value;
  // A manifest that does not parse still marks a project; what it is cannot be read, so it counts.
  if (parsed?.error || !isRecord(pkg)) return { kind: 'app', language: 'javascript' };
  // Only some packages need their files listed (for the language, or at a workspace root).
  const own = lazy(() => ownFiles(snapshot, dir, project.projectDirs));
  const deps = dependencies(pkg);
  const language = languageOf(project, deps, own);
  const isRoot = project.rootOf.length > 0 || pkg.workspaces !== undefined;
  const runs = runsOwnCode(pkg, own, dir, isRoot);
  if (isRoot) return runs ? { kind: 'app', language } : { kind: 'workspace-root' };
  if (project.memberOf.length === 0 && isToolingOnly(pkg, deps)) return undefined;
  if (Object.keys(deps.all).some((d) => NOT_A_SERVICE.test(d))) return { kind: 'library', language };
  const serves = Object.keys(deps.runtime).some((d) => SERVER_DEPENDENCY.test(d)) || Object.keys(deps.all).some((d) => FRAMEWORK.test(d));
  if (runs || serves || extraAppSignal) return { kind: 'app', language };
  const publishes = ['exports', 'types', 'typings', 'peerDependencies', 'publishConfig', 'files', 'module'].some((key) => pkg[key] !== undefined);
  if (publishes) return { kind: 'library', language };
  if (Object.keys(deps.all).some((d) => SPA_TOOL.test(d))) return { kind: 'app', language, frontend: true };
  // A workspace member with none of the above is shared code; a package on its own is a script-style
  // app, unless it sits inside a backend app, whose asset tooling it then is (Phoenix's assets/).
  return project.memberOf.length > 0 ? { kind: 'library', language } : { kind: 'app', language, frontend: true };
}

/**
 * A package.json that only holds repository tooling (husky, commitlint, prettier, lint-staged):
 * no runtime dependency, nothing it starts, no entry point, no framework. Common at the root of Go
 * or Python repositories; it is no project at all.
 */
function isToolingOnly(pkg: Package, deps: { runtime: Record<string, unknown>; all: Record<string, unknown> }): boolean {
  const scripts = isRecord(pkg.scripts) ? pkg.scripts : {};
  if (Object.keys(deps.runtime).length > 0 || scripts.start !== undefined || scripts.serve !== undefined || scripts.dev !== undefined) return false;
  if (['main', 'bin', 'module', 'exports', 'types', 'files', 'publishConfig', 'peerDependencies'].some((key) => pkg[key] !== undefined)) return false;
  return !Object.keys(deps.all).some((d) => FRAMEWORK.test(d) || SPA_TOOL.test(d) || SERVER_DEPENDENCY.test(d) || NOT_A_SERVICE.test(d));
}

function dependencies(pkg: Package): { runtime: Record<string, unknown>; all: Record<string, unknown> } {
  const runtime = isRecord(pkg.dependencies) ? pkg.dependencies : {};
  const dev = isRecord(pkg.devDependencies) ? pkg.devDependencies : {};
  return { runtime, all: { ...runtime, ...dev } };
}

/**
 * TypeScript when the package says so, or when its own `.ts`/`.tsx` files outnumber its `.js`,
 * `.mjs`, `.cjs` and `.jsx` files (what `languageOfFiles` would answer, without a table lookup per file).
 */
function languageOf(project: ProjectContext, deps: { all: Record<string, unknown> }, own: () => string[]): Language {
  if (hasFile(project.snapshot, project.dir, 'tsconfig.json') || 'typescript' in deps.all) return 'typescript';
  let balance = 0;
  for (const file of own()) {
    const extension = file.slice(file.lastIndexOf('.'));
    if (extension === '.ts' || extension === '.tsx') balance++;
    else if (extension === '.js' || extension === '.jsx' || extension === '.mjs' || extension === '.cjs') balance--;
  }
  return balance > 0 ? 'typescript' : 'javascript';
}

/**
 * A `start` (or `serve`) script that runs code of this package, not its workspace members' and
 * not only a build; at a workspace root the package must also have source files of its own.
 */
function runsOwnCode(pkg: Package, own: () => string[], dir: string, isRoot: boolean): boolean {
  const scripts = isRecord(pkg.scripts) ? pkg.scripts : {};
  const start = [scripts.start, scripts.serve].find((s): s is string => typeof s === 'string');
  if (start === undefined || DELEGATING.test(start) || BUILD_ONLY.test(start)) return false;
  if (!isRoot) return true;
  return own().some((file) => SOURCE_FILE.test(file) && !CONFIG_FILE.test(relativeTo(dir, file)) && baseName(file) !== 'package.json');
}
