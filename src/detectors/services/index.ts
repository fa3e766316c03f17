import picomatch from 'picomatch';
import { defineDetector } from '../define.js';
import type { DockerfileFact, Language, ServiceFact } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { baseName, dirOf, isWithin, resolveInRepo } from '../../snapshot/paths.js';
import { ECOSYSTEMS, type Classification, type Ecosystem } from './ecosystems.js';

/** Services here are listed but never block a step: teaching material and test data, not the product. */
const LOW_CONFIDENCE_SEGMENT = /^(?:examples?|samples?|demos?|docs?|testdata|test-data|fixtures?|__fixtures__|__tests__|tests?)$/i;

const EXTENSION_LANGUAGES: Record<string, Language> = {
  '.py': 'python', '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.ts': 'typescript',
  '.go': 'go', '.rb': 'ruby', '.php': 'php', '.java': 'java', '.kt': 'kotlin', '.rs': 'rust', '.cs': 'csharp',
  '.ex': 'elixir', '.exs': 'elixir', '.sh': 'shell', '.c': 'c', '.cpp': 'cpp', '.dart': 'dart', '.swift': 'swift',
};

function manifestEcosystems(snapshot: RepoSnapshot): Map<string, Array<{ ecosystem: Ecosystem; manifest: string }>> {
  const byDir = new Map<string, Array<{ ecosystem: Ecosystem; manifest: string }>>();
  for (const file of snapshot.files) {
    const name = baseName(file);
    for (const ecosystem of ECOSYSTEMS) {
      const matches = ecosystem.manifests.some((m) => (m.startsWith('*') ? name.endsWith(m.slice(1)) : name === m));
      if (!matches) continue;
      const dir = dirOf(file);
      const list = byDir.get(dir) ?? [];
      if (!list.some((entry) => entry.ecosystem === ecosystem)) list.push({ ecosystem, manifest: file });
      byDir.set(dir, list);
    }
  }
  return byDir;
}

/** A workspace root answer from a backend ecosystem vetoes front-end tooling in the same directory. */
function classifyDirectory(snapshot: RepoSnapshot, dir: string, candidates: Array<{ ecosystem: Ecosystem; manifest: string }>) {
  const ranked = [...candidates].sort((a, b) => b.ecosystem.rank - a.ecosystem.rank);
  let sawWorkspaceRoot = false;
  for (const { ecosystem, manifest } of ranked) {
    const result: Classification | undefined = ecosystem.classify(snapshot, dir, manifest);
    if (!result) {
      sawWorkspaceRoot = true;
      continue;
    }
    if (sawWorkspaceRoot && ecosystem.rank < 3 && result.kind !== 'app') return undefined;
    return { ...result, manifest };
  }
  return undefined;
}

function languageFromFiles(snapshot: RepoSnapshot, dir: string): Language {
  const counts = new Map<Language, number>();
  for (const file of snapshot.filesUnder(dir)) {
    const extension = file.slice(file.lastIndexOf('.'));
    const language = EXTENSION_LANGUAGES[extension];
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return best?.[0] ?? 'unknown';
}

function confidenceOf(path: string): ServiceFact['confidence'] {
  return path.split('/').some((segment) => LOW_CONFIDENCE_SEGMENT.test(segment)) ? 'weak' : 'strong';
}

/** The service a Dockerfile builds: by context, by location, by what it copies, then by name. */
function ownerOf(dockerfile: DockerfileFact, services: ServiceFact[], snapshot: RepoSnapshot): ServiceFact | undefined {
  const byPath = (path: string) => services.find((s) => s.path === path);
  for (const context of dockerfile.contexts) {
    const exact = byPath(context);
    if (exact && context !== '.') return exact;
  }
  const dir = dirOf(dockerfile.path);
  const enclosing = services.filter((s) => isWithin(dir, s.path)).sort((a, b) => b.path.length - a.path.length)[0];
  if (enclosing && enclosing.path !== '.') return enclosing;
  const copied = copiedDirectories(dockerfile, snapshot);
  const copiedService = services.find((s) => s.path !== '.' && copied.some((source) => isWithin(source, s.path) || isWithin(s.path, source) && source !== '.'));
  if (copiedService) return copiedService;
  const name = baseName(dockerfile.path).replace(/^(?:Dockerfile|Containerfile)\.?|\.?(?:Dockerfile|dockerfile|Containerfile)$/g, '');
  const hint = name || baseName(dir);
  const named = services.find((s) => s.path !== '.' && baseName(s.path).toLowerCase() === hint.toLowerCase());
  return named ?? enclosing ?? byPath(dockerfile.contexts[0] ?? dir);
}

function copiedDirectories(dockerfile: DockerfileFact, snapshot: RepoSnapshot): string[] {
  const parsed = snapshot.dockerfile(dockerfile.path);
  const context = dockerfile.contexts[0] ?? dirOf(dockerfile.path);
  const sources: string[] = [];
  for (const instruction of parsed?.instructions ?? []) {
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
    if (/--from=/.test(instruction.args)) continue;
    const args = instruction.args.split(/\s+/).filter((arg) => arg && !arg.startsWith('--'));
    for (const source of args.slice(0, -1)) {
      const resolved = resolveInRepo(context, source.replace(/\/\*.*$/, ''));
      if (resolved && resolved !== '.') sources.push(resolved);
    }
  }
  return sources;
}

export const servicesDetector = defineDetector({
  id: 'services',
  files: ECOSYSTEMS.flatMap((e) => e.manifests.map((m) => `**/${m}`)),
  detect(context) {
    const { snapshot } = context;
    const services: ServiceFact[] = [];
    for (const [dir, candidates] of manifestEcosystems(snapshot)) {
      const classified = classifyDirectory(snapshot, dir, candidates);
      if (!classified) continue;
      services.push({
        path: dir, language: classified.language, manifest: classified.manifest, kind: classified.kind,
        confidence: confidenceOf(dir), dockerfiles: [], builders: [], composeServices: [],
      });
    }
    const addBare = (dir: string, manifest: string) => {
      const existing = services.find((s) => s.path === dir);
      if (existing) return existing;
      const service: ServiceFact = {
        path: dir, language: languageFromFiles(snapshot, dir), manifest, kind: 'app',
        confidence: confidenceOf(dir), dockerfiles: [], builders: [], composeServices: [],
      };
      services.push(service);
      return service;
    };
    for (const dockerfile of context.fact('dockerfiles')) {
      if (!dockerfile.valid) continue;
      const owner = ownerOf(dockerfile, services, snapshot) ?? addBare(dockerfile.contexts[0] ?? dirOf(dockerfile.path), dockerfile.path);
      if (owner.kind === 'library') owner.kind = 'app';
      owner.dockerfiles.push(dockerfile.path);
    }
    for (const file of context.fact('compose')) {
      for (const composeService of file.services) {
        if (!composeService.build) continue;
        const owner = services.find((s) => s.dockerfiles.includes(resolveInRepo(composeService.build!.context, composeService.build!.dockerfile ?? 'Dockerfile') ?? '')) ?? services.find((s) => s.path === composeService.build!.context) ?? addBare(composeService.build.context, file.path);
        if (!owner.composeServices.includes(composeService.name)) owner.composeServices.push(composeService.name);
      }
    }
    for (const pattern of context.options.includeServices ?? []) {
      const matches = picomatch(pattern, { dot: true });
      for (const dir of new Set(snapshot.files.map(dirOf))) if (matches(dir)) addBare(dir, dir);
    }
    const excluded = context.options.excludeServices?.length ? picomatch([...context.options.excludeServices], { dot: true }) : () => false;
    for (const service of services) {
      service.dockerfiles.sort();
      service.composeServices.sort();
    }
    return services.filter((s) => !excluded(s.path)).sort((a, b) => a.path.localeCompare(b.path));
  },
});
