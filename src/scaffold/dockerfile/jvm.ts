import { findPort } from '../project/port.js';
import type { ServiceFiles } from '../project/service-files.js';
import type { ImageProfile } from './define.js';
import { jsonArray } from '../project/command.js';

export const DEFAULT_JAVA = '21';

/** The part of a JVM profile both build tools share. */
export interface JvmProfile extends ImageProfile {
  java: string;
  /** Where the build stage leaves the runnable jar (or distribution). */
  artifact: string;
  command: string[];
}

/** `1.8` is Java 8. */
export function javaMajor(version: string | undefined): string | undefined {
  if (version === undefined) return undefined;
  const match = /^(?:1\.)?(\d+)/.exec(version.trim());
  return match?.[1];
}

/** Spring Boot and most JVM servers default to 8080; application settings or sources may say otherwise. */
export function jvmPort(files: ServiceFiles, framework: boolean): number | undefined {
  return findPort(files, ['.java', '.kt', '.scala']) ?? (framework ? 8080 : undefined);
}

/** The runtime stage: a JRE, an unprivileged user, the jar. */
export function jvmRuntime(p: JvmProfile): string[] {
  return [
    `FROM eclipse-temurin:${p.java}-jre AS runtime`,
    'WORKDIR /app',
    'RUN useradd --system --uid 10001 --no-create-home app',
    `COPY --from=build ${p.artifact} /app/app.jar`,
    'USER app',
    ...(p.port !== undefined ? [`EXPOSE ${p.port}`] : []),
    `ENTRYPOINT ${jsonArray(p.command)}`,
  ];
}

/** Copies the built jar to a fixed place; plain, sources and javadoc jars are not the app. */
export function pickJar(directory: string, target: string): string {
  return `cp "$(ls ${directory}/*.jar | grep -v -e '-plain.jar$' -e '-sources.jar$' \\\n    -e '-javadoc.jar$' | head -n 1)" ${target}`;
}
