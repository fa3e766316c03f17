import type { DockerStage } from '../parsers/dockerfile.js';

/**
 * How much a piece of evidence proves. Step statuses rest on strong and medium evidence only;
 * weak evidence (a job that merely runs in some public image) is shown but never decides.
 */
export type Confidence = 'strong' | 'medium' | 'weak';

export interface Location {
  /** Relative to the scanned root, forward slashes; the root itself is `.`. */
  path: string;
  /** 1-based, when the evidence sits on a line. */
  line?: number;
}

export type EvidenceArgs = Record<string, string | number | boolean>;

export interface Evidence extends Location {
  /** A stable code saying what this shows; the words live in `evidence-messages.ts`. */
  code: EvidenceCode;
  args: EvidenceArgs;
  confidence: Confidence;
}

export const EVIDENCE_CODES = [
  'dockerfile',
  'image-builder',
  'service-without-dockerfile',
  'compose-file',
  'compose-service',
  'compose-missing-service',
  'devcontainer',
  'compose-bind-mount',
  'compose-develop-watch',
  'dev-tool-config',
  'script-runs-containers',
  'docs-run-containers',
  'ci-image-build',
  'ci-image-push',
  'ci-registry-login',
  'ci-test-in-image',
  'ci-job-image',
  'ci-deploy',
  'ci-build-without-push',
  'config-not-understood',
] as const;

export type EvidenceCode = (typeof EVIDENCE_CODES)[number];

export const LANGUAGES = [
  'javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'scala', 'csharp', 'fsharp',
  'rust', 'ruby', 'php', 'elixir', 'erlang', 'dart', 'swift', 'c', 'cpp', 'shell', 'unknown',
] as const;

export type Language = (typeof LANGUAGES)[number];

export interface ServiceFact {
  /** Directory of the service; `.` for the root. */
  path: string;
  language: Language;
  /** The file that made it a service (a manifest, or its Dockerfile when it has no manifest). */
  manifest: string;
  /** `library` is a package that is not deployed on its own and needs no image. */
  kind: 'app' | 'library';
  /** `weak` for examples, fixtures and docs: listed, but never blocking a step. */
  confidence: Confidence;
  dockerfiles: string[];
  /** Image builders other than a Dockerfile (Jib, ko, buildpacks…) that containerize it. */
  builders: string[];
  composeServices: string[];
}

export interface DockerfileFact {
  path: string;
  /** False when the first instruction (after ARGs) is not FROM; such a file is reported, not counted. */
  valid: boolean;
  stages: DockerStage[];
  exposedPorts: string[];
  /** USER of the final stage, if any. */
  finalUser?: string;
  /** Directories used as its build context: by Compose or CI where they say so, else its own directory. */
  contexts: string[];
}

export interface ComposeVolume {
  source?: string;
  target?: string;
  /** A host path mounted into the container: the usual way source code reaches a dev container. */
  bind: boolean;
  /** For a bind mount of a path inside the repository: that path, repo-relative (`.` for the root). */
  repoPath?: string;
  line?: number;
}

export interface ComposeServiceFact {
  name: string;
  file: string;
  line?: number;
  /** `dockerfile` as written, relative to `context`; `inline` when the Dockerfile is `dockerfile_inline`. */
  build?: { context: string; dockerfile?: string; inline?: boolean; line?: number };
  image?: string;
  ports: string[];
  volumes: ComposeVolume[];
  /** `develop.watch` is configured (Compose file watch). */
  developWatch: boolean;
  /** Line of the `develop` key, when `develop.watch` is configured. */
  developLine?: number;
  profiles: string[];
}

export interface ComposeFileFact {
  path: string;
  /** `compose.override.yaml` and friends: merged into a base file rather than an app of its own. */
  override: boolean;
  services: ComposeServiceFact[];
  valid: boolean;
}

export type CiSystem =
  | 'github-actions' | 'gitlab-ci' | 'circleci' | 'jenkins' | 'azure-pipelines' | 'bitbucket-pipelines';

export type CiActivityKind = 'image-build' | 'image-push' | 'registry-login' | 'test-in-image' | 'job-image' | 'deploy';

export interface CiActivity extends Location {
  kind: CiActivityKind;
  confidence: Confidence;
  /** e.g. `docker build`, `docker/build-push-action`, `kubectl set image`. */
  tool: string;
  /** Build context directory (repo-relative) for image builds, when known. */
  context?: string;
  dockerfile?: string;
  image?: string;
  /** Deploy target environment name, as written (`staging`, `review/$CI_COMMIT_REF_NAME`). */
  environment?: string;
  /** For image builds: the same step also pushes (`push: true`, `--push`, kaniko `--destination`). */
  pushes?: boolean;
}

export interface CiJobFact {
  system: CiSystem;
  file: string;
  job: string;
  line?: number;
  activities: CiActivity[];
}

export interface CiFacts {
  /** Config files found per system, even those with no job that touches containers. */
  configs: Array<{ system: CiSystem; path: string }>;
  jobs: CiJobFact[];
}

/** Everything the detectors learned; the engine and checks read only this. */
export interface Facts {
  compose: ComposeFileFact[];
  ci: CiFacts;
  dockerfiles: DockerfileFact[];
  services: ServiceFact[];
  devEnvironment: Evidence[];
}

export type FactKey = keyof Facts;
