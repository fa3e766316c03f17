import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { baseName } from '../../snapshot/paths.js';

/**
 * The names Compose reads by default (https://docs.docker.com/compose/intro/compose-application-model/),
 * those podman-compose adds (`podman-compose.yaml`, `container-compose.yaml`, see its COMPOSE_DEFAULT_LS),
 * their `.override` forms, and the variants teams pass with `-f`: `docker-compose.dev.yml`,
 * `compose.prod.yaml`, `docker-compose-test.yml`. Group 1 is the variant, if any.
 */
const COMPOSE_FILE_NAME = /^(?:docker-|podman-|container-)?compose(?:[.-]([\w.-]+?))?\.ya?ml$/;

/**
 * Workflows are often named after what they run (`.github/workflows/docker-compose.yml`). A dev
 * container's Compose file starts the development environment (a toolchain container that sleeps
 * while the developer works), not the app: the dev-environment detector reads it through
 * devcontainer.json. Either is still read when a script names it with `-f`.
 */
const NOT_COMPOSE_DIRECTORY = /(?:^|\/)(?:\.github\/workflows|\.devcontainer)\//;

const OVERRIDE_VARIANT = /(?:^|[.-])override(?:[.-]|$)/i;
const DEV_VARIANT = /(?:^|[.-])(?:dev|devel|develop|development|local)(?:[.-]|$)/i;
const TEST_VARIANT = /(?:^|[.-])(?:test|tests|testing|ci|e2e|integration|itest)(?:[.-]|$)/i;

function variantOf(path: string): string | undefined {
  return COMPOSE_FILE_NAME.exec(baseName(path))?.[1];
}

/** Compose files by name, sorted: through the snapshot's name index, not a test of every path. */
export function composeFiles(snapshot: RepoSnapshot): string[] {
  return snapshot.filesNamedLike(COMPOSE_FILE_NAME).filter((path) => !NOT_COMPOSE_DIRECTORY.test(path));
}

/** `compose.override.yaml` and friends are merged into a base file rather than being an app of their own. */
export function isOverrideFile(path: string): boolean {
  return OVERRIDE_VARIANT.test(variantOf(path) ?? '');
}

/**
 * `docker-compose.test.yml`, `compose.ci.yaml`, `docker-compose-e2e.yml`: what tests or CI start
 * (often a database and the test runner), not the app as it runs.
 */
export function isTestComposeFile(path: string): boolean {
  return TEST_VARIANT.test(variantOf(path) ?? '');
}

/** `docker-compose.dev.yml`, `compose.local.yaml`: a Compose setup meant for development. */
export function isDevComposeFile(path: string): boolean {
  return DEV_VARIANT.test(variantOf(path) ?? '');
}

export const COMPOSE_FILE_GLOBS = [
  '**/{compose,docker-compose,podman-compose,container-compose}.{yaml,yml}',
  '**/{compose,docker-compose,podman-compose,container-compose}.override.{yaml,yml}',
  '**/{compose,docker-compose,podman-compose,container-compose}{.,-}*.{yaml,yml}',
] as const;
