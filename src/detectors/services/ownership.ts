import type { ServiceFact } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { baseName, dirOf, isWithin, resolveInRepo } from '../../snapshot/paths.js';
import { serviceNames } from './names.js';

/** The services found so far, at most one per directory. */
export interface KnownServices {
  readonly services: readonly ServiceFact[];
  at(dir: string): ServiceFact | undefined;
}

/**
 * The services a Dockerfile builds: by build context (from Compose, CI or Bake), by location, by
 * what it copies, by what its commands and stages name (`cargo build -p server`, one `FROM base AS
 * app1` stage per app), then by file name (`Dockerfile.worker`, `docker/web/Dockerfile`). Several
 * only for a multi-target Dockerfile with a stage named after each service.
 */
export function dockerfileOwners(path: string, contexts: readonly string[], known: KnownServices, snapshot: RepoSnapshot): ServiceFact[] {
  const { services } = known;
  for (const context of contexts) {
    const exact = known.at(context);
    if (exact && context !== '.') return [exact];
  }
  const dir = dirOf(path);
  const enclosing = deepestEnclosing(dir, known);
  if (enclosing && enclosing.path !== '.') return [enclosing];
  const copied = copiedDirectories(path, contexts[0] ?? dir, snapshot);
  const copiedService = services.find((s) => s.path !== '.' && copied.some((source) => isWithin(source, s.path) || (isWithin(s.path, source) && source !== '.')));
  if (copiedService) return [copiedService];
  const mentioned = mentionedServices(path, services, snapshot);
  if (mentioned.length > 0) return mentioned;
  const name = baseName(path).replace(/^(?:Dockerfile|Containerfile)\.?|\.?(?:Dockerfile|dockerfile|Containerfile)$/g, '');
  const hint = name || baseName(dir);
  const named = services.find((s) => s.path !== '.' && baseName(s.path).toLowerCase() === hint.toLowerCase());
  const fallback = named ?? enclosing ?? known.at(contexts[0] ?? dir);
  return fallback ? [fallback] : [];
}

/**
 * The service whose directory holds `dir`, the deepest one when services nest: `dir` itself, then
 * each shorter prefix ending before a `/`, then the root, looked up rather than tested one by one.
 */
export function deepestEnclosing(dir: string, known: KnownServices): ServiceFact | undefined {
  let service = known.at(dir);
  for (let slash = dir.lastIndexOf('/'); !service && slash >= 0; slash = slash === 0 ? -1 : dir.lastIndexOf('/', slash - 1)) service = known.at(dir.slice(0, slash));
  return service ?? known.at('.');
}

/** Of the services sharing a multi-target Dockerfile, the one a build's `target` (or the last stage, Docker's default) is named after. */
export function serviceForTarget(candidates: readonly ServiceFact[], dockerfile: string, target: string | undefined, snapshot: RepoSnapshot): ServiceFact | undefined {
  if (candidates.length <= 1) return candidates[0];
  const stage = target ?? snapshot.dockerfile(dockerfile)?.stages.at(-1)?.name;
  return candidates.find((s) => stage !== undefined && serviceNames(s, snapshot).includes(stage)) ?? candidates[0];
}

function copiedDirectories(path: string, context: string, snapshot: RepoSnapshot): string[] {
  const parsed = snapshot.dockerfile(path);
  const sources: string[] = [];
  for (const instruction of parsed?.instructions ?? []) {
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
    if (/--from=/.test(instruction.args) || (instruction.flags ?? []).some((flag) => flag.startsWith('--from'))) continue;
    const args = instruction.args.split(/\s+/).filter((arg) => arg && !arg.startsWith('--'));
    for (const source of args.slice(0, -1)) {
      const resolved = resolveInRepo(context, source.replace(/\/\*.*$/, ''));
      if (resolved && resolved !== '.') sources.push(resolved);
    }
  }
  return sources;
}

/**
 * A Dockerfile at the top of a monorepo usually copies everything and picks its service in a
 * command (`cargo build -p server`, `turbo prune web`, `pnpm deploy --filter=api`, `go build
 * ./cmd/worker`) or a stage name. The one app service so named owns it; several own it only when
 * each has a stage of its own (a multi-target Dockerfile); otherwise this says nothing.
 */
function mentionedServices(path: string, services: readonly ServiceFact[], snapshot: RepoSnapshot): ServiceFact[] {
  const parsed = snapshot.dockerfile(path);
  const stageNames = new Set((parsed?.stages ?? []).map((stage) => stage.name).filter((name): name is string => name !== undefined));
  const words = new Set(stageNames);
  for (const instruction of parsed?.instructions ?? []) {
    if (!['RUN', 'CMD', 'ENTRYPOINT'].includes(instruction.keyword)) continue;
    for (const word of instruction.args.split(/[\s"',=[\]]+/)) {
      const cleaned = word.replace(/\.{3}$/, '').replace(/^\.\//, '').replace(/^:|:[\w-]+$/g, '').replace(/\/+$/, '');
      if (cleaned) words.add(cleaned);
    }
  }
  const named = (s: ServiceFact) => serviceNames(s, snapshot);
  // `go build ./services/api/cmd/server` names services/api by a path inside it.
  const pathWords = [...words].filter((word) => word.includes('/'));
  const mentions = (s: ServiceFact) => named(s).some((name) => words.has(name)) || pathWords.some((word) => isWithin(word, s.path));
  // The kind last: for a module whose sources decide it, asking reads them.
  const matches = services.filter((s) => s.path !== '.' && mentions(s) && s.kind === 'app');
  if (matches.length <= 1) return matches;
  return matches.every((s) => named(s).some((name) => stageNames.has(name))) ? matches : [];
}
