import type { CiActivity, CiFacts, ServiceFact } from '../facts.js';
import { isWithin, resolveInRepo } from '../../snapshot/paths.js';

/** CI tools that build images without a Dockerfile: they build what lies in their working directory. */
const BUILDER_TOOL = /\b(?:jib|ko|pack|bootBuildImage|build-image|nixpacks|railpack|earthly|bake|PublishContainer)\b/i;
const COMPOSE_TOOL = /compose/i;

/**
 * One CI image build, with everything that does not depend on the service worked out once: a
 * monorepo has hundreds of services and dozens of builds, and resolving paths per pair was most
 * of this step's time.
 */
interface Build {
  /** The pipeline it runs in. */
  file: string;
  dockerfile?: string;
  /** `<context>/Dockerfile`, what a build with a context and no Dockerfile builds. */
  implied?: string;
  context?: string;
  compose: boolean;
  /** For image builders (jib, ko, pack…): the directory they build in. */
  builderDir?: string;
  image?: string;
}

/**
 * Whether CI builds each service's image, and whether a CD job deploys it. A build matches by
 * Dockerfile, by build context, by a Compose build of its Compose services, or (for image builders)
 * by working directory. A deploy counts for a service built in CI when it sits in the same pipeline
 * as that build (one file, or files joined by include/template/workflow call) or names an image
 * that build produces.
 */
export function markPipeline(services: ServiceFact[], ci: CiFacts): void {
  const builds: Build[] = [];
  const deploys: Array<{ file: string; image?: string }> = [];
  for (const job of ci.jobs) {
    const file = job.pipeline ?? job.file;
    for (const activity of job.activities) {
      if (activity.confidence === 'weak') continue;
      if (activity.kind === 'image-build') builds.push(buildOf(activity, file));
      else if (activity.kind === 'deploy') deploys.push({ file, image: activity.image === undefined ? undefined : imageName(activity.image) });
    }
  }
  const index = indexBuilds(builds);
  for (const service of services) {
    const own = buildsOf(service, index);
    service.builtInCi = own.size > 0;
    if (!service.builtInCi) {
      service.deployed = false;
      continue;
    }
    const files = new Set([...own].map((build) => build.file));
    const images = new Set([...own].flatMap((build) => (build.image !== undefined ? [build.image] : [])));
    service.deployed = deploys.some(({ file, image }) => files.has(file) || (image !== undefined && images.has(image)));
  }
}

interface BuildIndex {
  /** By the Dockerfile built, named or implied by the context. */
  byDockerfile: Map<string, Build[]>;
  /** By build context (not the root). */
  byContext: Map<string, Build[]>;
  compose: Build[];
  builders: Build[];
}

function indexBuilds(builds: readonly Build[]): BuildIndex {
  const index: BuildIndex = { byDockerfile: new Map(), byContext: new Map(), compose: [], builders: [] };
  const add = (map: Map<string, Build[]>, key: string, build: Build) => {
    const list = map.get(key);
    if (list) list.push(build);
    else map.set(key, [build]);
  };
  for (const build of builds) {
    if (build.dockerfile !== undefined) add(index.byDockerfile, build.dockerfile, build);
    if (build.implied !== undefined) add(index.byDockerfile, build.implied, build);
    if (build.context !== undefined && build.context !== '.') add(index.byContext, build.context, build);
    if (build.compose) index.compose.push(build);
    if (build.builderDir !== undefined) index.builders.push(build);
  }
  return index;
}

/**
 * The builds of a service's image: of one of its Dockerfiles, in its directory (when it has a
 * Dockerfile), any Compose build (when it has Compose services), an image builder working in, above
 * or below its directory (when it has a builder).
 */
function buildsOf(service: ServiceFact, index: BuildIndex): Set<Build> {
  const own = new Set<Build>();
  for (const dockerfile of service.dockerfiles) for (const build of index.byDockerfile.get(dockerfile) ?? []) own.add(build);
  if (service.dockerfiles.length > 0) for (const build of index.byContext.get(service.path) ?? []) own.add(build);
  if (service.composeServices.length > 0) for (const build of index.compose) own.add(build);
  if (service.builders.length > 0) {
    for (const build of index.builders) if (isWithin(service.path, build.builderDir!) || isWithin(build.builderDir!, service.path)) own.add(build);
  }
  return own;
}

function buildOf(activity: CiActivity, file: string): Build {
  const { context, dockerfile, tool, image } = activity;
  return {
    file,
    dockerfile,
    implied: context !== undefined && dockerfile === undefined ? resolveInRepo(context, 'Dockerfile') : undefined,
    context,
    compose: COMPOSE_TOOL.test(tool),
    builderDir: BUILDER_TOOL.test(tool) ? (context ?? '.') : undefined,
    image: image === undefined ? undefined : imageName(image),
  };
}

/** `ghcr.io/acme/api:1.2` and `ghcr.io/acme/api@sha256:…` are the same image. */
function imageName(image: string): string {
  return image.replace(/@.*$/, '').replace(/:[^/:]*$/, '').toLowerCase();
}
