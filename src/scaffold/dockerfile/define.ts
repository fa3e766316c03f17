import type { ServiceFiles } from '../project/service-files.js';

export const TEMPLATE_IDS = ['dotnet', 'go', 'gradle', 'maven', 'node', 'php', 'python', 'ruby', 'rust'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** What Compose and CI need to know about an image a template builds. */
export interface ImageProfile {
  /** Port the app listens on: found in the project, or set by the generated start command. */
  port?: number;
  /** Where the sources live in the image; Compose file watch syncs them there. */
  workdir: string;
  /** Interpreted languages sync changed sources and restart; compiled ones rebuild the image. */
  reload: 'sync' | 'rebuild';
  /** Paths relative to the service whose change needs a rebuild: manifests and lockfiles. */
  rebuildOn: string[];
  /** Paths relative to the service that a sync leaves alone: dependencies installed in the image. */
  syncIgnore: string[];
  /** The stage with the toolchain and the sources, and the command that runs the tests in it. */
  test?: { stage: string; command: string[] };
  /** What a person should check, for the header: guesses the template had to make. */
  review: string[];
}

/**
 * One template per language family, following https://docs.docker.com/build/building/best-practices/:
 * pinned base images, dependency layers before sources, cache mounts, multi-stage builds for
 * compiled languages, a non-root user in the final stage.
 */
export interface DockerfileTemplate<P extends ImageProfile = ImageProfile> {
  id: TemplateId;
  /** For languages with several build tools (Maven, Gradle): whether this one builds the service. */
  fits(files: ServiceFiles): boolean;
  /** Reads what the template needs from the project: versions, package manager, entry point, port. */
  inspect(files: ServiceFiles): P;
  /** The instructions, without the header. */
  render(profile: P): string[];
  /** .dockerignore entries beyond the common ones: local dependencies and build output. */
  ignore(profile: P): string[];
}

export function defineDockerfileTemplate<P extends ImageProfile>(template: DockerfileTemplate<P>): DockerfileTemplate<P> {
  return template;
}
