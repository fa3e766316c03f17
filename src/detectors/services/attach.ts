import type { ComposeServiceFact, ImageBuilderFact, ServiceFact } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { dirOf, isWithin, resolveInRepo } from '../../snapshot/paths.js';
import type { Project } from './classify.js';
import { confidenceOf, languageOfFiles } from './language.js';
import { deepestEnclosing, dockerfileOwners, serviceForTarget } from './ownership.js';

/**
 * The services being assembled: projects first, then what containerizes them. A directory with a
 * Dockerfile, an image builder or a Compose build context is a service even without a manifest;
 * a library that something builds an image of is deployed after all.
 */
export class ServiceSet {
  readonly services: ServiceFact[];

  constructor(private readonly snapshot: RepoSnapshot, projects: readonly Project[]) {
    this.services = projects.map((project) => this.newService(project.dir, project.manifest, project.kind, project.language));
  }

  at(dir: string): ServiceFact | undefined {
    return this.services.find((service) => service.path === dir);
  }

  addBare(dir: string, manifest: string): ServiceFact {
    const existing = this.at(dir);
    if (existing) return existing;
    const service = this.newService(dir, manifest, 'app', languageOfFiles(this.snapshot.filesUnder(dir)));
    this.services.push(service);
    return service;
  }

  /**
   * A Dockerfile under examples/, docs/ or test data of a service is not that service's: it is a
   * (low-confidence) service of its own, so a library's example never passes the library's steps.
   * A multi-target Dockerfile may belong to several services.
   */
  addDockerfile(path: string, contexts: readonly string[]): ServiceFact[] {
    const found = dockerfileOwners(path, contexts, this.services, this.snapshot);
    const ownDir = contexts.find((context) => context !== '.') ?? dirOf(path);
    const foreign = found.length === 0 || found.some((owner) => owner.confidence === 'strong' && confidenceOf(ownDir) === 'weak');
    const owners = foreign ? [this.addBare(ownDir, path)] : found;
    for (const owner of owners) {
      if (owner.kind === 'library') owner.kind = 'app';
      addOnce(owner.dockerfiles, path);
    }
    return owners;
  }

  /**
   * A builder containerizes the service at its directory, or the one around it (`ko` building
   * `./cmd/server` of a module); one configured for members (a Maven parent's plugins) the apps below.
   */
  addBuilder(fact: ImageBuilderFact): void {
    if (fact.builder === 'docker-bake' && fact.dockerfile !== undefined) {
      const known = this.services.filter((s) => s.dockerfiles.includes(fact.dockerfile!));
      const owners = known.length > 0 ? known : this.isDockerfile(fact.dockerfile) ? this.addDockerfile(fact.dockerfile, [fact.directory]) : [];
      const owner = serviceForTarget(owners, fact.dockerfile, undefined, this.snapshot);
      if (owner) return addOnce(owner.builders, fact.builder);
    }
    const dir = this.snapshot.has(fact.directory) ? dirOf(fact.directory) : fact.directory;
    if (fact.members) {
      for (const service of this.services.filter((s) => s.kind === 'app' && isWithin(s.path, dir))) addOnce(service.builders, fact.builder);
      return;
    }
    const enclosing = deepestEnclosing(dir, this.services);
    // A builder in an example or fixture never containerizes the product around it.
    const foreign = enclosing?.confidence === 'strong' && confidenceOf(dir) === 'weak';
    const owner = this.at(dir) ?? (foreign ? undefined : enclosing) ?? (this.snapshot.filesUnder(dir).length > 0 ? this.addBare(dir, fact.path) : undefined);
    if (!owner) return;
    if (owner.kind === 'library') owner.kind = 'app';
    addOnce(owner.builders, fact.builder);
  }

  /**
   * A Compose service that builds from the repository belongs to the service whose Dockerfile it
   * builds (for a multi-target Dockerfile, the one its `target` is named after), else to its context.
   */
  addComposeService(service: ComposeServiceFact, file: string): void {
    const build = service.build;
    if (!build) return;
    const dockerfile = build.inline ? undefined : resolveInRepo(build.context, build.dockerfile ?? 'Dockerfile');
    const builders = dockerfile !== undefined ? this.services.filter((s) => s.dockerfiles.includes(dockerfile)) : [];
    const owner = (dockerfile !== undefined ? serviceForTarget(builders, dockerfile, build.target, this.snapshot) : undefined)
      ?? this.at(build.context)
      ?? (build.inline ? deepestEnclosing(build.context, this.services) : undefined)
      ?? this.addBare(build.context, file);
    addOnce(owner.composeServices, service.name);
  }

  /** Bake may name a Dockerfile under any name; it counts when it parses and starts with FROM. */
  private isDockerfile(path: string): boolean {
    const parsed = this.snapshot.dockerfile(path);
    return parsed?.firstInstruction?.keyword === 'FROM' && !parsed.error;
  }

  private newService(path: string, manifest: string, kind: ServiceFact['kind'], language: ServiceFact['language']): ServiceFact {
    return { path, language, manifest, kind, confidence: confidenceOf(path), dockerfiles: [], builders: [], composeServices: [], builtInCi: false, deployed: false };
  }
}

function addOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
