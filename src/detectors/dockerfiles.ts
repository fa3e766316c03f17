import { defineDetector, type DetectorContext } from './define.js';
import type { DockerfileFact } from './facts.js';
import type { ParsedDockerfile } from '../parsers/dockerfile.js';
import { baseName, dirOf, resolveInRepo } from '../snapshot/paths.js';

/** Every name Docker and Podman pick up by convention; `Dockerfile.dev` and `api.Dockerfile` included. */
const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?|[\w.-]+\.(?:Dockerfile|dockerfile|Containerfile))$/;
/** Look like Dockerfiles by name but are ignore files, docs or templates rendered elsewhere. */
const NOT_A_DOCKERFILE = /\.(?:dockerignore|md|txt|j2|jinja|tmpl|tpl|template|erb|orig|bak|swp)$/i;

/** Takes a path or a bare file name. */
export function isDockerfileName(path: string): boolean {
  const name = baseName(path);
  return DOCKERFILE_NAME.test(name) && !NOT_A_DOCKERFILE.test(name);
}

/** Dockerfiles (and their contexts) named by Compose `build:` and by CI build steps. */
function referencedDockerfiles(context: DetectorContext): Map<string, Set<string>> {
  const references = new Map<string, Set<string>>();
  const add = (dockerfile: string | undefined, buildContext: string | undefined) => {
    if (!dockerfile) return;
    const contexts = references.get(dockerfile) ?? new Set<string>();
    if (buildContext) contexts.add(buildContext);
    references.set(dockerfile, contexts);
  };
  for (const file of context.fact('compose')) {
    for (const service of file.services) {
      if (!service.build) continue;
      const dockerfile = resolveInRepo(service.build.context, service.build.dockerfile ?? 'Dockerfile');
      add(dockerfile, service.build.context);
    }
  }
  for (const job of context.fact('ci').jobs) {
    for (const activity of job.activities) {
      if (activity.kind !== 'image-build') continue;
      const dockerfile = activity.dockerfile ?? (activity.context ? resolveInRepo(activity.context, 'Dockerfile') : undefined);
      add(dockerfile, activity.context);
    }
  }
  return references;
}

export const dockerfilesDetector = defineDetector({
  id: 'dockerfiles',
  files: ['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/Containerfile', '**/Containerfile.*', '(files named by Compose build.dockerfile and CI build steps)'],
  detect(context) {
    const { snapshot } = context;
    const references = referencedDockerfiles(context);
    const candidates = new Set(snapshot.filesNamedLike(isDockerfileName));
    for (const path of references.keys()) if (snapshot.has(path)) candidates.add(path);

    const facts: DockerfileFact[] = [];
    for (const path of [...candidates].sort()) {
      const parsed = snapshot.dockerfile(path);
      if (!parsed) continue; // unreadable: reported by the snapshot
      const referencedContexts = [...(references.get(path) ?? [])];
      const fact = toFact(path, parsed, referencedContexts.length > 0 ? referencedContexts : [dirOf(path)]);
      facts.push(fact);
      reportProblems(context, path, parsed, fact);
    }
    return facts;
  },
});

function toFact(path: string, parsed: ParsedDockerfile, contexts: string[]): DockerfileFact {
  const finalStage = parsed.stages.length - 1;
  const users = parsed.instructions.filter((i) => i.keyword === 'USER' && i.stage === finalStage);
  return {
    path,
    valid: parsed.firstInstruction?.keyword === 'FROM' && !parsed.error,
    stages: parsed.stages,
    exposedPorts: parsed.exposedPorts.map((p) => p.port),
    finalUser: users.at(-1)?.args.trim() || undefined,
    contexts: contexts.sort(),
  };
}

function reportProblems(context: DetectorContext, path: string, parsed: ParsedDockerfile, fact: DockerfileFact): void {
  if (parsed.error) {
    context.report({ code: 'dockerfile-parse', severity: 'error', path, line: 1, args: { message: parsed.error } });
    return;
  }
  const first = parsed.firstInstruction;
  if (!first || first.keyword !== 'FROM') {
    context.report({ code: 'dockerfile-no-from', severity: 'error', path, line: first?.line ?? 1, args: { instruction: first?.keyword ?? 'nothing' } });
    return;
  }
  const stageNames = new Set(parsed.stages.map((s) => s.name?.toLowerCase()).filter(Boolean));
  for (const stage of parsed.stages) {
    const image = stage.imageName.toLowerCase();
    if (stageNames.has(image) || image === 'scratch' || stage.image.includes('$')) continue;
    if (stage.digest || (stage.tag && stage.tag !== 'latest')) continue;
    context.report({ code: 'dockerfile-latest-tag', severity: 'warning', path, line: stage.line, args: { image: stage.image } });
  }
  const finalStage = parsed.stages.at(-1);
  const finalIsScratch = finalStage?.imageName.toLowerCase() === 'scratch';
  const inheritsNonRoot = finalStage ? /nonroot|distroless.*:nonroot/.test(finalStage.image) : false;
  const finalUserIsRoot = !fact.finalUser || /^(?:root|0)(?::|$)/.test(fact.finalUser);
  if (finalStage && finalUserIsRoot && !finalIsScratch && !inheritsNonRoot) {
    context.report({ code: 'dockerfile-runs-as-root', severity: 'warning', path, line: finalStage.line, args: {} });
  }
  for (const instruction of parsed.instructions) {
    if (instruction.keyword !== 'ADD') continue;
    const sources = instruction.args.split(/\s+/).filter((arg) => arg && !arg.startsWith('--')).slice(0, -1);
    if (sources.length > 0 && sources.every((source) => !/^(?:https?|git)[:@]/.test(source) && !/\.(?:tar|tgz|gz|bz2|xz|zst)$/.test(source))) {
      context.report({ code: 'dockerfile-add-instead-of-copy', severity: 'info', path, line: instruction.line, args: {} });
    }
  }
}
