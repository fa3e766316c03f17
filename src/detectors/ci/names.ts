/** What names of jobs, stages, make targets and scripts tell about what they do. */

/** Environment names teams deploy to, as they write them in job names. */
const ENVIRONMENT_WORDS = new Set([
  'staging', 'stage', 'stg', 'qa', 'uat', 'preprod', 'preview', 'review', 'sandbox', 'demo',
  'dev', 'development', 'test', 'testing', 'production', 'prod', 'prd', 'live',
]);
/** A job named only after one of these (GitLab's `staging:`, Jenkins `stage('QA')`) is a deploy. */
const DEPLOY_TARGET_WORDS = new Set(['staging', 'stg', 'qa', 'uat', 'preprod', 'production', 'prod']);
const DEPLOY_WORDS = new Set(['deploy', 'deployment', 'deploying', 'deploys', 'rollout', 'promote']);
/** Words that say a job builds or checks rather than deploys, even when it names an environment. */
const NOT_DEPLOY_WORDS = new Set([
  'build', 'builds', 'test', 'tests', 'lint', 'unit', 'e2e', 'integration', 'image', 'images', 'docker',
  'push', 'publish', 'package', 'compile', 'check', 'scan', 'verify', 'smoke',
]);
const TEST_WORDS = new Set(['test', 'tests', 'testing', 'unittest', 'unittests', 'spec', 'specs', 'e2e', 'sut']);
const CONTAINER_WORDS = new Set(['docker', 'image', 'images', 'container', 'containers', 'oci', 'podman']);

/** `deployToStaging`, `deploy-staging`, `Deploy to Staging` → `deploy`, `to`, `staging`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function environmentIn(name: string): string | undefined {
  return nameWords(name).find((word) => ENVIRONMENT_WORDS.has(word));
}

/** The first environment named by any of a deploy's targets: a namespace, a kube context, a values file, an app. */
export function environmentAmong(values: ReadonlyArray<string | undefined>): string | undefined {
  for (const value of values) {
    const environment = value === undefined ? undefined : environmentIn(value);
    if (environment) return environment;
  }
  return undefined;
}

/**
 * Whether a job's names (its own, its stage, its context…) say it deploys, and to which
 * environment: the first environment word any of them has.
 */
export function deployFromNames(names: readonly string[]): { environment?: string } | undefined {
  let deploys = false;
  let environment: string | undefined;
  for (const name of names) {
    const words = nameWords(name);
    deploys ||= words.some((word) => DEPLOY_WORDS.has(word));
    deploys ||= words.some((word) => DEPLOY_TARGET_WORDS.has(word)) && !words.some((word) => NOT_DEPLOY_WORDS.has(word));
    environment ??= words.find((word) => ENVIRONMENT_WORDS.has(word));
  }
  if (!deploys) return undefined;
  return environment === undefined ? {} : { environment };
}

export function isTestName(name: string): boolean {
  return nameWords(name).some((word) => TEST_WORDS.has(word));
}

export type IndirectKind = 'image-build' | 'image-push' | 'registry-login' | 'test-in-image' | 'deploy' | 'build-and-push';

/**
 * What a make target, npm script or shell script does, judged by its name: `docker-build`,
 * `push-image`, `deploy-staging`, `docker:login`. `build`, `test` and `docker-up` say nothing.
 */
export function indirectKindOf(name: string): IndirectKind | undefined {
  const words = nameWords(name);
  const has = (...candidates: string[]) => candidates.some((word) => words.includes(word));
  if (words.some((word) => DEPLOY_WORDS.has(word))) return 'deploy';
  if (!words.some((word) => CONTAINER_WORDS.has(word))) return undefined;
  const build = has('build', 'builds', 'bake');
  const push = has('push', 'publish', 'release', 'upload');
  if (build && push) return 'build-and-push';
  if (push) return 'image-push';
  if (build || words.length === 1) return 'image-build';
  if (has('login', 'auth')) return 'registry-login';
  if (words.some((word) => TEST_WORDS.has(word))) return 'test-in-image';
  return undefined;
}

/** Commands that run a test suite, as written after `docker run IMAGE` or `docker compose run SERVICE`. */
const TEST_COMMAND = new RegExp(
  String.raw`(?:^|[\s;&|(])(?:` +
    [
      String.raw`(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:test|tests|test:[\w:-]+|e2e|ci:test)\b`,
      String.raw`npx\s+(?:jest|vitest|mocha|playwright|cypress)\b`,
      String.raw`(?:jest|vitest|mocha|tox|nox|ctest|bats|behave|rspec)\b`,
      String.raw`(?:python[\d.]*\s+-m\s+)?(?:pytest|py\.test)\b`,
      String.raw`python[\d.]*\s+-m\s+unittest\b`,
      String.raw`go\s+test\b`,
      String.raw`(?:\S*\/)?mvnw?\s+(?:\S+\s+)*(?:test|verify|integration-test)\b`,
      String.raw`(?:\S*\/)?gradlew?\s+(?:\S+\s+)*(?:test|check|integrationTest)\b`,
      String.raw`make\s+(?:\S+\s+)*(?:test|check)[\w-]*`,
      String.raw`cargo\s+(?:test|nextest)\b`,
      String.raw`(?:bundle\s+exec\s+)?rake\s+(?:test|spec)\b`,
      String.raw`(?:\S*\/)?phpunit\b`,
      String.raw`php\s+artisan\s+test\b`,
      String.raw`(?:dotnet|mix)\s+test\b`,
      String.raw`manage\.py\s+test\b`,
      String.raw`(?:bin\/)?rails\s+(?:test|spec)\b`,
    ].join('|') +
    ')',
);

export function isTestCommand(words: readonly string[]): boolean {
  return TEST_COMMAND.test(words.join(' '));
}
