import type { ComposeServiceFact, ImageBuilderFact, ServiceFact } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { dirOf, isWithin, resolveInRepo } from '../../snapshot/paths.js';
import type { Project } from './classify.js';
import { deferKind, type DeferredKind, type ProjectKind } from './kind.js';
import { confidenceOf, languageOfFiles } from './language.js';
import { deepestEnclosing, dockerfileOwners, serviceForTarget, type KnownServices } from './ownership.js';

/**
 * The services being assembled: projects first, then what containerizes them. A directory with a
 * Dockerfile, an image builder or a Compose build context is a service even without a manifest;
 * a library that something builds an image of is deployed after all.
 */
export class ServiceSet implements KnownServices {
  readonly services: ServiceFact[] = [];
  /** One service per directory: looked up for every Dockerfile, builder and Compose service. */
  private readonly byPath = new Map<string, ServiceFact>();
  /** The services each Dockerfile is attached to, in the order of `services` (all of a Dockerfile's owners are attached at once). */
  private readonly byDockerfile = new Map<string, ServiceFact[]>();

  constructor(private readonly snapshot: RepoSnapshot, projects: readonly Project[]) {
    for (const project of projects) this.add(this.newService(project.dir, project.manifest, project.kind, project.language));
  }

  at(dir: string): ServiceFact | undefined {
    return this.byPath.get(dir);
  }

  addBare(dir: string, manifest: string): ServiceFact {
    const existing = this.at(dir);
    if (existing) return existing;
    return this.add(this.newService(dir, manifest, 'app', languageOfFiles(this.snapshot.filesUnder(dir))));
  }

  /**
   * A Dockerfile under examples/, docs/ or test data of a service is not that service's: it is a
   * (low-confidence) service of its own, so a library's example never passes the library's steps.
   * A multi-target Dockerfile may belong to several services.
   */
  addDockerfile(path: string, contexts: readonly string[]): ServiceFact[] {
    const found = dockerfileOwners(path, contexts, this, this.snapshot);
    const ownDir = contexts.find((context) => context !== '.') ?? dirOf(path);
    const foreign = found.length === 0 || found.some((owner) => owner.confidence === 'strong' && confidenceOf(ownDir) === 'weak');
    const owners = foreign ? [this.addBare(ownDir, path)] : found;
    for (const owner of owners) {
      owner.kind = 'app';
      if (addOnce(owner.dockerfiles, path)) this.byDockerfile.set(path, [...this.builtFrom(path), owner]);
    }
    return owners;
  }

  /**
   * A builder containerizes the service at its directory, or the one around it (`ko` building
   * `./cmd/server` of a module); one configured for members (a Maven parent's plugins) the apps below.
   */
  addBuilder(fact: ImageBuilderFact): void {
    if (fact.builder === 'docker-bake' && fact.dockerfile !== undefined) {
      const known = this.builtFrom(fact.dockerfile);
      const owners = known.length > 0 ? known : this.isDockerfile(fact.dockerfile) ? this.addDockerfile(fact.dockerfile, [fact.directory]) : [];
      const owner = serviceForTarget(owners, fact.dockerfile, undefined, this.snapshot);
      if (owner) {
        addOnce(owner.builders, fact.builder);
        return;
      }
    }
    const dir = this.snapshot.has(fact.directory) ? dirOf(fact.directory) : fact.directory;
    if (fact.members) {
      for (const service of this.services.filter((s) => isWithin(s.path, dir) && s.kind === 'app')) addOnce(service.builders, fact.builder);
      return;
    }
    const enclosing = deepestEnclosing(dir, this);
    // A builder in an example or fixture never containerizes the product around it.
    const foreign = enclosing?.confidence === 'strong' && confidenceOf(dir) === 'weak';
    const owner = this.at(dir) ?? (foreign ? undefined : enclosing) ?? (this.snapshot.filesUnder(dir).length > 0 ? this.addBare(dir, fact.path) : undefined);
    if (!owner) return;
    owner.kind = 'app';
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
    const builders = dockerfile !== undefined ? this.builtFrom(dockerfile) : [];
    const owner = (dockerfile !== undefined ? serviceForTarget(builders, dockerfile, build.target, this.snapshot) : undefined)
      ?? this.at(build.context)
      ?? (build.inline ? deepestEnclosing(build.context, this) : undefined)
      ?? this.addBare(build.context, file);
    addOnce(owner.composeServices, service.name);
  }

  /** Bake may name a Dockerfile under any name; it counts when it parses and starts with FROM. */
  private isDockerfile(path: string): boolean {
    const parsed = this.snapshot.dockerfile(path);
    return parsed?.firstInstruction?.keyword === 'FROM' && !parsed.error;
  }

  private builtFrom(dockerfile: string): readonly ServiceFact[] {
    return this.byDockerfile.get(dockerfile) ?? [];
  }

  private add(service: ServiceFact): ServiceFact {
    this.services.push(service);
    this.byPath.set(service.path, service);
    return service;
  }

  private newService(path: string, manifest: string, kind: ProjectKind | DeferredKind, language: ServiceFact['language']): ServiceFact {
    const service: ServiceFact = { path, language, manifest, kind: 'app', confidence: confidenceOf(path), dockerfiles: [], builders: [], composeServices: [], builtInCi: false, deployed: false };
    deferKind(service, kind);
    return service;
  }
}

/** Whether it was added. */
function addOnce(list: string[], value: string): boolean {
  if (list.includes(value)) return false;
  list.push(value);
  return true;
}
