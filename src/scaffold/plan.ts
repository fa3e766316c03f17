import type { Facts, ServiceFact } from '../detectors/facts.js';
import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';
import { dirOf, resolveInRepo } from '../snapshot/paths.js';
import { TOOL } from '../version.js';
import { backingServicesOf } from './backing-services.js';
import { ciBuildsAndPushes, ciFiles, ciSystemOf } from './ci/index.js';
import { composeFile } from './compose.js';
import { dockerignoreContent } from './dockerignore.js';
import { generateDockerfile } from './dockerfile/generate.js';
import { imageName, uniqueName, type PlannedImage } from './images.js';
import { serviceFiles, type ServiceFiles } from './project/service-files.js';
import { templateFor } from './dockerfile/registry.js';
import { SCAFFOLD_KINDS, type GeneratedFile, type GeneratorInfo, type ScaffoldKind, type ScaffoldPlan, type ScaffoldTarget, type Skipped } from './types.js';

export interface PlanOptions {
  /** A target as `init` takes it, or the kinds a walkthrough step needs. */
  target: ScaffoldTarget | readonly ScaffoldKind[];
  /** `--service PATH`: only this service's Dockerfile and .dockerignore, even if it has them. */
  service?: string;
  generator?: GeneratorInfo;
}

/**
 * What `init` writes, as a pure function of the snapshot and its facts: Dockerfiles (and
 * .dockerignore files) for the services that have none, Compose for the whole app, CI for the
 * system in use. Nothing is read from disk here; the writer decides what may be overwritten.
 */
export function planScaffold(snapshot: RepoSnapshot, facts: Facts, options: PlanOptions): ScaffoldPlan {
  const generator = options.generator ?? TOOL;
  const target = options.target;
  // A Dockerfile comes with the .dockerignore that keeps secrets and local dependencies out of it.
  const kinds = new Set<ScaffoldKind>(target === 'all' ? SCAFFOLD_KINDS : target === 'dockerfile' ? ['dockerfile', 'dockerignore'] : typeof target === 'string' ? [target] : target);
  // `init ci` writes a pipeline even when one already builds images; `all` and the walkthrough do not.
  const ciNamed = target === 'ci';
  const files: GeneratedFile[] = [];
  const skipped: Skipped[] = [];
  const apps = facts.services.filter((s) => s.kind === 'app' && s.confidence !== 'weak');
  const chosen = options.service === undefined ? undefined : findService(facts.services, options.service);
  if (options.service !== undefined && !chosen) skipped.push({ kind: 'dockerfile', reason: 'unknown-service', service: options.service });

  const taken = new Set(facts.compose.flatMap((file) => file.services.map((s) => s.name)));
  const images: PlannedImage[] = [];
  const candidates = chosen ? [chosen] : options.service !== undefined ? [] : apps;
  for (const service of candidates) {
    const serviceDir = serviceFiles(snapshot, service);
    const name = service.composeServices[0] ?? uniqueName(imageName(serviceDir), taken);
    const hasImage = service.dockerfiles.length > 0 || service.builders.length > 0;
    const wantDockerfile = kinds.has('dockerfile') && (!hasImage || chosen !== undefined);
    if (kinds.has('dockerfile') && !wantDockerfile) skipped.push({ kind: 'dockerfile', reason: 'has-dockerfile', service: service.path });
    const generated = wantDockerfile ? generateDockerfile(serviceDir, generator) : undefined;
    if (wantDockerfile && !generated) skipped.push({ kind: 'dockerfile', reason: 'no-template', service: service.path, detail: service.language });
    const dockerfile = serviceDir.path('Dockerfile');
    if (generated) files.push({ path: dockerfile, kind: 'dockerfile', service: service.path, content: generated.content });

    const ignorePath = serviceDir.path('.dockerignore');
    const wantIgnore = kinds.has('dockerignore') && (generated !== undefined || (target === 'dockerignore' && (hasImage || chosen !== undefined)));
    if (wantIgnore && snapshot.has(ignorePath) && target !== 'dockerignore') skipped.push({ kind: 'dockerignore', reason: 'has-dockerignore', service: service.path });
    else if (wantIgnore) files.push({ path: ignorePath, kind: 'dockerignore', service: service.path, content: dockerignoreContent(generator, generated?.ignore ?? []) });

    if (!generated && !hasImage) continue;
    const existing = service.dockerfiles[0];
    const parsed = existing ? snapshot.dockerfile(existing) : undefined;
    const context = generated || !existing ? service.path : (facts.dockerfiles.find((d) => d.path === existing)?.contexts[0] ?? dirOf(existing));
    images.push({
      service, name, context, dockerfile: generated ? dockerfile : existing ?? dockerfile, profile: generated?.profile,
      ports: generated ? (generated.profile.port !== undefined ? [generated.profile.port] : []) : exposedPorts(facts, existing),
      test: generated ? generated.profile.test : existingTest(serviceDir, parsed?.stages.map((stage) => stage.name ?? '') ?? []),
      testStage: parsed?.stages.some((stage) => stage.name?.toLowerCase() === 'test') ? 'test' : undefined,
      backing: backingServicesOf(serviceDir),
    });
  }
  if (chosen) {
    // Compose and CI describe the whole app, whichever service the Dockerfile was for.
    for (const service of apps.filter((s) => s !== chosen && (s.dockerfiles.length > 0 || s.builders.length > 0))) {
      const serviceDir = serviceFiles(snapshot, service);
      images.push({ service, name: service.composeServices[0] ?? uniqueName(imageName(serviceDir), taken), context: service.path, dockerfile: service.dockerfiles[0] ?? serviceDir.path('Dockerfile'), ports: exposedPorts(facts, service.dockerfiles[0]), backing: backingServicesOf(serviceDir) });
    }
  }
  const buildable = images.filter((image) => image.service.dockerfiles.length > 0 || image.profile !== undefined);

  if (kinds.has('compose')) {
    const compose = buildable.length > 0 ? composeFile(snapshot, facts, buildable, generator) : undefined;
    if (compose) files.push(compose);
    else skipped.push({ kind: 'compose', reason: buildable.length > 0 ? 'compose-covered' : 'no-services' });
  }
  if (kinds.has('ci')) {
    const system = ciSystemOf(facts);
    if (buildable.length === 0) skipped.push({ kind: 'ci', reason: 'no-services' });
    else if (!ciNamed && ciBuildsAndPushes(facts)) skipped.push({ kind: 'ci', reason: 'ci-covered', detail: system });
    else {
      const generatedCi = ciFiles(system, buildable, generator, snapshot);
      if (generatedCi) files.push(...generatedCi);
      else skipped.push({ kind: 'ci', reason: 'ci-unsupported', detail: system });
    }
  }
  return { files, skipped };
}

/** `services/api`, `./services/api/`, `.`: the service at that directory. */
function findService(services: readonly ServiceFact[], path: string): ServiceFact | undefined {
  const normal = resolveInRepo('.', path.replace(/\\/g, '/'));
  return services.find((service) => service.path === normal);
}

/**
 * The test command the project's template knows (`npm test`, `go test ./...`), for a Dockerfile
 * already in the repository that has the stage the template would run it in: one this tool
 * wrote earlier, or one written the same way.
 */
function existingTest(files: ServiceFiles, stages: readonly string[]): PlannedImage['test'] {
  const test = templateFor(files)?.inspect(files).test;
  return test && stages.includes(test.stage) ? test : undefined;
}

function exposedPorts(facts: Facts, dockerfile: string | undefined): number[] {
  const ports = facts.dockerfiles.find((d) => d.path === dockerfile)?.exposedPorts ?? [];
  return ports.map((port) => Number(port.split('/')[0])).filter((port) => Number.isInteger(port) && port > 0);
}
