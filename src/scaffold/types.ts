/** What `init` can generate; `all` is every kind the next steps need. */
export const SCAFFOLD_KINDS = ['ci', 'compose', 'dockerfile', 'dockerignore'] as const;
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];
export type ScaffoldTarget = ScaffoldKind | 'all';
export const SCAFFOLD_TARGETS: readonly ScaffoldTarget[] = ['dockerfile', 'dockerignore', 'compose', 'ci', 'all'];

export interface GeneratedFile {
  /** Repo-relative, forward slashes. */
  path: string;
  content: string;
  kind: ScaffoldKind;
  /** Directory of the service it is for, when it is for one. */
  service?: string;
}

/** Why a kind or a service got no file; the words live in `messages.ts`. */
export type SkipReason =
  | 'ci-covered'
  | 'ci-unsupported'
  | 'compose-covered'
  | 'has-dockerfile'
  | 'has-dockerignore'
  | 'no-services'
  | 'no-template'
  | 'unknown-service';

export interface Skipped {
  kind: ScaffoldKind;
  reason: SkipReason;
  service?: string;
  /** A language, a CI system: whatever the message needs. */
  detail?: string;
}

export interface ScaffoldPlan {
  files: GeneratedFile[];
  skipped: Skipped[];
}

/** Names the generator in the header of every file, so readers know where it came from. */
export interface GeneratorInfo {
  name: string;
  version: string;
}
