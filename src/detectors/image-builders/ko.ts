import type { ImageBuilderFact } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { dirOf, resolveInRepo } from '../../snapshot/paths.js';
import { lineAt } from './build-files.js';
import { commandsMatching, defineBuilder, scriptPath } from './define.js';
import { isRecord } from '../../parsers/record.js';

const KO_CONFIG = /^\.ko\.ya?ml$/;
const KO_REFERENCE = /\bko:\/\/([\w.\-/~]+)/g;
const KO_COMMAND = /(?:^|[\s/])ko\s+(?:build|publish|resolve|apply|create|run)(?=\s|$)/;

/**
 * ko builds Go `main` packages into images without a Dockerfile (https://ko.build): a `.ko.yaml`
 * (its `builds[].dir`/`main` say which packages), `ko://` import paths in manifests, or `ko build`
 * in a script or CI job.
 */
export const ko = defineBuilder({
  id: 'ko',
  files: ['**/.ko.yaml', '**/*.{yaml,yml} (ko:// references)', '(scripts and CI running ko build)'],
  find({ snapshot }) {
    const facts: ImageBuilderFact[] = [];
    for (const path of snapshot.filesNamed('.ko.yaml', '.ko.yml')) facts.push(...configBuilds(snapshot, path));
    const modules = goModules(snapshot);
    for (const path of snapshot.filesNamedLike((name) => /\.ya?ml$/.test(name) && !KO_CONFIG.test(name))) facts.push(...koReferences(snapshot, path, modules));
    for (const { script, args } of commandsMatching(snapshot, KO_COMMAND)) {
      // `ko apply -f config/` builds what the manifests reference (read above); `ko build` names packages.
      for (const written of args.filter((arg) => !arg.startsWith('-'))) {
        const local = /^\.{1,2}(?:\/|$)/.test(written) ? scriptPath(snapshot, script, written.replace(/\/\.\.\.$/, '')) : packageDir(modules, written);
        if (local !== undefined) facts.push({ builder: 'ko', directory: local, path: script.path, line: script.line });
      }
    }
    return facts;
  },
});

function configBuilds(snapshot: RepoSnapshot, path: string): ImageBuilderFact[] {
  const dir = dirOf(path);
  const yaml = snapshot.yaml(path);
  const document = yaml?.documents[0];
  const builds = isRecord(document) && Array.isArray(document.builds) ? document.builds : [];
  const facts = builds.flatMap((build, index): ImageBuilderFact[] => {
    if (!isRecord(build)) return [];
    const buildDir = resolveInRepo(dir, typeof build.dir === 'string' ? build.dir : '.');
    const main = typeof build.main === 'string' && build.main.startsWith('.') ? build.main : '.';
    const directory = buildDir === undefined ? undefined : resolveInRepo(buildDir, main);
    return directory === undefined ? [] : [{ builder: 'ko', directory, path, line: yaml?.lineOf(['builds', index]) ?? 1 }];
  });
  return facts.length > 0 ? facts : [{ builder: 'ko', directory: dir, path, line: 1 }];
}

/** `image: ko://github.com/acme/app/cmd/server`: the package, found through the go.mod whose module path prefixes it. */
function koReferences(snapshot: RepoSnapshot, path: string, modules: ReadonlyArray<{ module: string; dir: string }>): ImageBuilderFact[] {
  const text = snapshot.text(path);
  if (text === undefined || !text.includes('ko://')) return [];
  const facts: ImageBuilderFact[] = [];
  for (const match of text.matchAll(KO_REFERENCE)) {
    const directory = packageDir(modules, match[1] ?? '');
    if (directory !== undefined) facts.push({ builder: 'ko', directory, path, line: lineAt(text, match.index ?? 0) });
  }
  return facts;
}

function packageDir(modules: ReadonlyArray<{ module: string; dir: string }>, importPath: string): string | undefined {
  const module = modules.find((m) => importPath === m.module || importPath.startsWith(`${m.module}/`));
  return module && resolveInRepo(module.dir, importPath.slice(module.module.length).replace(/^\//, '') || '.');
}

/** Longest module path first, so a nested module wins over the one around it. */
function goModules(snapshot: RepoSnapshot): Array<{ module: string; dir: string }> {
  return snapshot.filesNamed('go.mod')
    .flatMap((file) => {
      const module = /^\s*module\s+"?([^\s"]+)"?/m.exec(snapshot.text(file) ?? '')?.[1];
      return module ? [{ module, dir: dirOf(file) }] : [];
    })
    .sort((a, b) => b.module.length - a.module.length);
}
