import type { DockerStage } from '../parsers/dockerfile.js';
import type { OrchestrationFacts } from './orchestration/types.js';

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
  'k8s-workload',
  'helm-chart',
  'kustomization',
  'orchestrator-config',
  'service-without-manifest',
  'k8s-namespace',
  'default-namespace-only',
  'k8s-config',
  'secret-store',
  'build-secret-mount',
  'secret-in-image',
  'secret-committed',
  'k8s-ingress',
  'ingress-controller',
  'service-exposed-directly',
  'database-handled',
  'database-unplanned',
  'no-databases',
  'k8s-probes',
  'observability-config',
  'observability-missing',
  'deploy-tool',
  'plain-manifests',
  'dev-loop-tool',
  'local-cluster',
  // Check primitives of custom checklists (src/checks/file-exists.ts and siblings).
  'file-match',
  'file-missing',
  'pattern-match',
  'pattern-missing',
  'value-match',
  'value-missing',
  'instruction-present',
  'instruction-missing',
  'compose-property',
  'compose-property-missing',
  'ci-job-match',
  'ci-job-missing',
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
  /** A CI job builds its image (matched by Dockerfile, build context or builder directory). */
  builtInCi: boolean;
  /** A CD job deploys it: in the same CI file as its image build, or naming the image it builds. */
  deployed: boolean;
}

/** Tools that build an image without a Dockerfile of the repository's own (or around one, as Bake does). */
export const IMAGE_BUILDERS = [
  'buildpacks', 'compose-dockerfile-inline', 'docker-bake', 'dotnet-sdk-container', 'earthly', 'jib', 'ko', 'nixpacks', 'railpack',
] as const;

export type ImageBuilder = (typeof IMAGE_BUILDERS)[number];

export interface ImageBuilderFact extends Location {
  builder: ImageBuilder;
  /** Directory whose code the image is built from (repo-relative, `.` for the root). */
  directory: string;
  /** For Docker Bake: the Dockerfile a target names, when it exists in the repository. */
  dockerfile?: string;
  /** For Docker Bake and Earthly: the target that produces the image. */
  target?: string;
  /**
   * Configured for the modules below `directory` (a Maven parent's plugins, Gradle `subprojects {}`):
   * it containerizes the apps among them and makes no library an app.
   */
  members?: boolean;
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
  build?: {
    context: string;
    dockerfile?: string;
    inline?: boolean;
    line?: number;
    /** The Dockerfile stage built (`target`): a multi-target Dockerfile builds a different service per stage. */
    target?: string;
    /** `additional_contexts` that are directories of the repository, resolved. */
    additionalContexts?: string[];
    /** Set when the build is inherited (`extends`) from another file: `line` is in that file. */
    file?: string;
  };
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
  /** The file this one is merged over (its override partner, or the earlier file of a `-f a -f b` pair). */
  base?: string;
  /** Where other files name this one: `include:`, `extends.file`, `-f`/`COMPOSE_FILE` in scripts and CI. */
  references?: ComposeReference[];
}

export interface ComposeReference extends Location {
  kind: 'include' | 'extends' | 'command';
}

export type CiSystem =
  | 'github-actions' | 'gitlab-ci' | 'circleci' | 'jenkins' | 'azure-pipelines' | 'bitbucket-pipelines'
  | 'travis' | 'drone' | 'woodpecker' | 'buildkite' | 'cloud-build' | 'codebuild' | 'tekton' | 'codefresh'
  | 'earthly' | 'skaffold' | 'argo-cd' | 'flux';

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
  /** Where the job is written. */
  file: string;
  /**
   * The file its pipeline starts from, when that is another one: a GitLab `include:`, an Azure
   * template, a GitHub workflow called by another. Jobs of one pipeline share images and pushes.
   */
  pipeline?: string;
  job: string;
  line?: number;
  activities: CiActivity[];
  /**
   * The job's scripts get a Docker daemon, as written: a `docker:dind` service, CircleCI's
   * `setup_remote_docker`, Bitbucket's `docker` service. Says scripts may run Docker even when no
   * command shows it (a build hidden in `./ci/build.sh`).
   */
  dockerDaemon?: { via: string; line?: number };
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
  imageBuilders: ImageBuilderFact[];
  services: ServiceFact[];
  devEnvironment: Evidence[];
  orchestration: OrchestrationFacts;
}

export type FactKey = keyof Facts;
