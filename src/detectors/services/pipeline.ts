import type { CiActivity, CiFacts, ServiceFact } from '../facts.js';
import { isWithin, resolveInRepo } from '../../snapshot/paths.js';

/** CI tools that build images without a Dockerfile: they build what lies in their working directory. */
const BUILDER_TOOL = /\b(?:jib|ko|pack|bootBuildImage|build-image|nixpacks|railpack|earthly|bake|PublishContainer)\b/i;
const COMPOSE_TOOL = /compose/i;

interface Located {
  activity: CiActivity;
  file: string;
}

/**
 * Whether CI builds each service's image, and whether a CD job deploys it. A build matches by
 * Dockerfile, by build context, by a Compose build of its Compose services, or (for image builders)
 * by working directory. A deploy counts for a service built in CI when it sits in the same pipeline
 * as that build (one file, or files joined by include/template/workflow call) or names an image
 * that build produces.
 */
export function markPipeline(services: ServiceFact[], ci: CiFacts): void {
  const located = ci.jobs.flatMap((job) => job.activities.map((activity): Located => ({ activity, file: job.pipeline ?? job.file })));
  const builds = located.filter(({ activity }) => activity.kind === 'image-build' && activity.confidence !== 'weak');
  const deploys = located.filter(({ activity }) => activity.kind === 'deploy' && activity.confidence !== 'weak');
  for (const service of services) {
    const own = builds.filter(({ activity }) => buildsService(activity, service));
    service.builtInCi = own.length > 0;
    const files = new Set(own.map((build) => build.file));
    const images = new Set(own.flatMap(({ activity }) => (activity.image ? [imageName(activity.image)] : [])));
    service.deployed = service.builtInCi && deploys.some(({ activity, file }) => files.has(file) || (activity.image !== undefined && images.has(imageName(activity.image))));
  }
}

function buildsService(activity: CiActivity, service: ServiceFact): boolean {
  const { context, dockerfile, tool } = activity;
  if (dockerfile !== undefined && service.dockerfiles.includes(dockerfile)) return true;
  if (context !== undefined && dockerfile === undefined) {
    const implied = resolveInRepo(context, 'Dockerfile');
    if (implied !== undefined && service.dockerfiles.includes(implied)) return true;
  }
  if (context !== undefined && context !== '.' && context === service.path && service.dockerfiles.length > 0) return true;
  if (COMPOSE_TOOL.test(tool) && service.composeServices.length > 0) return true;
  if (BUILDER_TOOL.test(tool) && service.builders.length > 0) {
    const dir = context ?? '.';
    return isWithin(service.path, dir) || isWithin(dir, service.path);
  }
  return false;
}

/** `ghcr.io/acme/api:1.2` and `ghcr.io/acme/api@sha256:…` are the same image. */
function imageName(image: string): string {
  return image.replace(/@.*$/, '').replace(/:[^/:]*$/, '').toLowerCase();
}
