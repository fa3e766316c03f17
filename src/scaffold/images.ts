import type { ServiceFact } from '../detectors/facts.js';
import type { BackingService } from './backing-services.js';
import type { ImageProfile } from './dockerfile/define.js';
import { type ServiceFiles } from './project/service-files.js';
import { baseName } from '../snapshot/paths.js';
import { isRecord } from '../parsers/record.js';

/** A service that has, or is about to get, an image: what Compose and CI are generated from. */
export interface PlannedImage {
  service: ServiceFact;
  /** Compose service and image name: lower case, unique. */
  name: string;
  /** Build context, repo-relative. */
  context: string;
  /** Repo-relative path of the Dockerfile. */
  dockerfile: string;
  /** Generated in this plan (so its profile is known), or already in the repository. */
  profile?: ImageProfile;
  /** Ports the image exposes. */
  ports: number[];
  /** The stage with the toolchain and the command that runs the tests there, when known. */
  test?: { stage: string; command: string[] };
  /** For an existing Dockerfile: a stage named `test` that runs the tests while building. */
  testStage?: string;
  backing: BackingService[];
}

/** Names Compose and registries accept: lower case letters, digits, `.`, `_`, `-`. */
export function imageName(files: ServiceFiles): string {
  const pkg = files.json('package.json');
  const fromManifest = files.dir === '.' && isRecord(pkg) && typeof pkg.name === 'string' ? pkg.name.replace(/^@[^/]+\//, '') : undefined;
  const raw = files.service.composeServices[0] ?? fromManifest ?? (files.dir === '.' ? files.repoName : baseName(files.dir));
  return sanitize(raw) || 'app';
}

export function sanitize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

/** `name`, or `name-2`, `name-3`… when it is taken. */
export function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
  taken.add(candidate);
  return candidate;
}
