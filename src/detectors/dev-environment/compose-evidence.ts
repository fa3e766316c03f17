import type { ComposeFileFact, ComposeServiceFact, ComposeVolume, Evidence, EvidenceArgs, ServiceFact } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { baseName, dirOf, isWithin } from '../../snapshot/paths.js';

/** Host directories that hold state, not code: mounting them is how databases keep data, not how developers work. */
const DATA_DIRECTORY = /^(?:data|db|database|pgdata|mysql|mariadb|postgres(?:ql)?|redis|mongo(?:db)?|logs?|tmp|temp|cache|volumes?|storage|uploads?|backups?|certs?|ssl|secrets?|dumps?|initdb|docker-entrypoint-initdb\.d)$/i;
/** Container paths for state and system configuration. */
const DATA_TARGET = /^\/(?:var\/lib|var\/log|var\/run|run|etc|tmp|data|docker-entrypoint-initdb\.d)(?:\/|$)/;

/** Services with Compose file watch (https://docs.docker.com/compose/how-tos/file-watch/). */
export function developWatchEvidence(compose: readonly ComposeFileFact[]): Evidence[] {
  return compose.flatMap((file) =>
    file.services
      .filter((service) => service.developWatch)
      .map((service): Evidence => ({ code: 'compose-develop-watch', path: file.path, line: service.developLine ?? service.line, args: { service: service.name }, confidence: 'strong' })),
  );
}

/**
 * Services that mount the repository's source into the container, so edits show up without a
 * rebuild. A service that builds from the repository counts when the mount overlaps its build
 * context (strong); an image-only service (`image: node:20` + `.:/app`) counts when the mount holds
 * a detected service (medium). Files read together (`compose.yaml` + `compose.override.yaml` in one
 * directory) are merged by service name, since the build is often in one and the mount in the other.
 */
export function bindMountEvidence(compose: readonly ComposeFileFact[], services: readonly ServiceFact[], snapshot: RepoSnapshot): Evidence[] {
  const contexts = buildContextsByDirectory(compose);
  const serviceDirs = services.map((service) => service.path);
  const evidence: Evidence[] = [];
  for (const file of compose) {
    for (const service of file.services) {
      const context = service.build?.context ?? contexts.get(dirOf(file.path))?.get(service.name);
      const mount = service.volumes.find((volume) => mountsSource(volume, context, serviceDirs, snapshot));
      if (mount) evidence.push(toEvidence(file, service, mount, context !== undefined));
    }
  }
  return evidence;
}

function buildContextsByDirectory(compose: readonly ComposeFileFact[]): Map<string, Map<string, string>> {
  const byDirectory = new Map<string, Map<string, string>>();
  for (const file of compose) {
    const contexts = byDirectory.get(dirOf(file.path)) ?? new Map<string, string>();
    for (const service of file.services) if (service.build && !contexts.has(service.name)) contexts.set(service.name, service.build.context);
    byDirectory.set(dirOf(file.path), contexts);
  }
  return byDirectory;
}

function mountsSource(volume: ComposeVolume, buildContext: string | undefined, serviceDirs: readonly string[], snapshot: RepoSnapshot): boolean {
  const path = volume.repoPath;
  if (!volume.bind || path === undefined) return false;
  if (snapshot.has(path)) return false; // a single file: configuration, not source
  if (DATA_DIRECTORY.test(baseName(path)) || DATA_TARGET.test(volume.target ?? '')) return false;
  if (snapshot.filesUnder(path).length === 0) return false; // created at run time: state, not source
  if (buildContext !== undefined) return isWithin(path, buildContext) || isWithin(buildContext, path);
  return serviceDirs.some((dir) => isWithin(dir, path));
}

function toEvidence(file: ComposeFileFact, service: ComposeServiceFact, mount: ComposeVolume, builds: boolean): Evidence {
  const args: EvidenceArgs = { service: service.name, builds };
  if (mount.source !== undefined) args.source = mount.source;
  if (mount.target !== undefined) args.target = mount.target;
  return { code: 'compose-bind-mount', path: file.path, line: mount.line ?? service.line, args, confidence: builds ? 'strong' : 'medium' };
}
