import { defineDockerfileTemplate, type ImageProfile } from './define.js';
import { cacheMount, cachedRun, copyExisting, lines, run } from './instructions.js';
import { execForm, jsonArray } from '../project/command.js';
import { findPort } from '../project/port.js';
import { exactVersion, lowestVersion, versionPrefix } from '../project/version.js';
import { stringAt, type ServiceFiles } from '../project/service-files.js';
import { isRecord } from '../../parsers/record.js';

const DEFAULT_NODE = '22';
/** What `npm init` writes; a project with only this has no tests. */
const PLACEHOLDER_TEST = /no test specified/;
const ENTRY_POINTS = ['server.js', 'index.js', 'app.js', 'main.js', 'src/server.js', 'src/index.js', 'src/main.js'];

type Manager = 'npm' | 'pnpm' | 'yarn' | 'yarn-berry';

interface NodeProfile extends ImageProfile {
  version: string;
  manager: Manager;
  /** package.json and the lockfile(s) that exist: the dependency layer's inputs. */
  manifests: string[];
  locked: boolean;
  build?: { outDir: string };
  command: string[];
  managerVersion?: string;
}

/** https://docs.docker.com/guides/nodejs/containerize/ and the package managers' Docker guides. */
const INSTALL: Record<Manager, { cache: string; all: (locked: boolean) => string; production: (locked: boolean) => string; run: string }> = {
  npm: { cache: '/root/.npm', all: (l) => (l ? 'npm ci' : 'npm install'), production: (l) => (l ? 'npm ci --omit=dev' : 'npm install --omit=dev'), run: 'npm run' },
  pnpm: { cache: '/pnpm/store', all: (l) => `pnpm install${l ? ' --frozen-lockfile' : ''}`, production: (l) => `pnpm install --prod${l ? ' --frozen-lockfile' : ''}`, run: 'pnpm run' },
  yarn: { cache: '/usr/local/share/.cache/yarn', all: (l) => `yarn install${l ? ' --frozen-lockfile' : ''}`, production: (l) => `yarn install --production${l ? ' --frozen-lockfile' : ''}`, run: 'yarn run' },
  'yarn-berry': { cache: '/root/.yarn/berry/cache', all: (l) => `yarn install${l ? ' --immutable' : ''}`, production: () => 'yarn workspaces focus --all --production', run: 'yarn run' },
};

export const nodeTemplate = defineDockerfileTemplate<NodeProfile>({
  id: 'node',
  fits: (files) => files.has('package.json'),
  inspect(files) {
    const pkg = files.json('package.json');
    const scripts = isRecord(pkg) && isRecord(pkg.scripts) ? pkg.scripts : {};
    const review: string[] = [];
    const [manager, managerVersion] = packageManager(files, stringAt(pkg, 'packageManager'));
    const lockfiles = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock'].filter((f) => files.has(f));
    if (lockfiles.length === 0) review.push(`no lockfile in ${files.dir === '.' ? 'the repository root' : files.dir}: dependency versions float; commit one (or build from the workspace root)`);
    const version = exactVersion(files.text('.nvmrc')) ?? exactVersion(files.text('.node-version')) ?? majorOf(stringAt(pkg, 'volta', 'node')) ?? majorOf(lowestVersion(stringAt(pkg, 'engines', 'node')));
    if (!version) review.push(`no Node.js version in .nvmrc or engines.node: using ${DEFAULT_NODE}`);
    if (manager === 'yarn-berry' && !/nodeLinker:\s*["']?node-modules/.test(files.text('.yarnrc.yml') ?? '')) {
      review.push('Yarn Plug\'n\'Play keeps no node_modules: set nodeLinker: node-modules in .yarnrc.yml');
    }
    const build = typeof scripts.build === 'string' ? { outDir: outDirOf(files) } : undefined;
    if (build) review.push(`the build output is copied from ${build.outDir}/`);
    const command = startCommand(files, pkg, scripts, review);
    const test = typeof scripts.test === 'string' && !PLACEHOLDER_TEST.test(scripts.test) ? { stage: 'build', command: [manager === 'npm' ? 'npm' : 'yarn', 'test'] } : undefined;
    if (test && manager === 'pnpm') test.command = ['pnpm', 'test'];
    const port = findPort(files, ['.js', '.mjs', '.cjs', '.ts', '.mts']);
    if (port === undefined) review.push('no port found in the source: add EXPOSE if the app serves HTTP');
    return {
      version: version ?? DEFAULT_NODE, manager, managerVersion, locked: lockfiles.length > 0, build, command, port, test, review,
      manifests: ['package.json', ...lockfiles, ...(manager === 'yarn-berry' ? ['.yarnrc.yml'].filter((f) => files.has(f)) : [])],
      workdir: '/app', reload: 'sync', rebuildOn: ['package.json', ...lockfiles], syncIgnore: ['node_modules/'],
    };
  },
  render(p) {
    const install = INSTALL[p.manager];
    const image = `node:${p.version}-slim`;
    const setup = p.manager === 'pnpm'
      ? ['ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH', `RUN npm install --global pnpm@${p.managerVersion ?? '10'}`]
      : p.manager === 'yarn-berry' ? ['RUN corepack enable'] : [];
    const dependencies = (command: string) => [...setup, copyExisting(p.manifests, () => true)!, cachedRun([cacheMount(install.cache)], command)];
    return lines(
      '# Production dependencies only: the runtime stage copies them.',
      `FROM ${image} AS deps`,
      'WORKDIR /app',
      dependencies(install.production(p.locked)),
      '',
      '# All dependencies and the sources: builds the app; CI runs the tests here.',
      `FROM ${image} AS build`,
      'WORKDIR /app',
      dependencies(install.all(p.locked)),
      'COPY . .',
      p.build && run(`${install.run} build`),
      '',
      `FROM ${image} AS runtime`,
      'ENV NODE_ENV=production',
      'WORKDIR /app',
      'COPY --from=deps /app/node_modules ./node_modules',
      '# Owned by node so that `docker compose watch` can sync changes into it.',
      'COPY --chown=node:node . .',
      p.build && `COPY --from=build /app/${p.build.outDir} ./${p.build.outDir}`,
      '# The official image has an unprivileged user named node.',
      'USER node',
      p.port !== undefined && `EXPOSE ${p.port}`,
      `CMD ${jsonArray(p.command)}`,
    );
  },
  ignore: (p) => ['node_modules', 'npm-debug.log*', 'coverage', ...(p.build ? [p.build.outDir] : [])],
});

function packageManager(files: ServiceFiles, field: string | undefined): [Manager, string | undefined] {
  const [name, version] = (field ?? '').split('@');
  const exact = version?.split('+')[0];
  if (name === 'pnpm' || files.has('pnpm-lock.yaml')) return ['pnpm', name === 'pnpm' ? exact : undefined];
  if (name === 'yarn' || files.has('yarn.lock')) {
    const berry = files.has('.yarnrc.yml') || (version !== undefined && !version.startsWith('1.'));
    return [berry ? 'yarn-berry' : 'yarn', exact];
  }
  return ['npm', undefined];
}

function majorOf(version: string | undefined): string | undefined {
  return version === undefined ? undefined : versionPrefix(version, 1);
}

function outDirOf(files: ServiceFiles): string {
  const tsconfig = files.json('tsconfig.json');
  const outDir = stringAt(tsconfig, 'compilerOptions', 'outDir')?.replace(/^\.\//, '').replace(/\/+$/, '');
  return outDir && !outDir.startsWith('..') ? outDir : 'dist';
}

/** `scripts.start` when it is a plain `node …` (signals reach the app), else `npm start`, `main`, or a usual entry file. */
function startCommand(files: ServiceFiles, pkg: unknown, scripts: Record<string, unknown>, review: string[]): string[] {
  const start = typeof scripts.start === 'string' ? scripts.start : undefined;
  if (start !== undefined) {
    const words = execForm(start);
    if (words[0] === 'node') return words;
    const devDependencies = isRecord(pkg) && isRecord(pkg.devDependencies) ? pkg.devDependencies : {};
    if (words[0] && words[0] in devDependencies) review.push(`scripts.start runs ${words[0]}, a devDependency the runtime image does not install`);
    return ['npm', 'start'];
  }
  const main = stringAt(pkg, 'main');
  const entry = main && files.has(main) ? main : ENTRY_POINTS.find((file) => files.has(file));
  if (entry) return ['node', entry];
  review.push('no start script, main or entry file found: set CMD to what starts the app');
  return ['npm', 'start'];
}
