import type { FindingCode } from '../findings/finding.js';

/**
 * What to do about each finding, for SARIF rule help and `explain`. The one-line message stays in
 * findings.ts; `satisfies` makes a code without help a compile error.
 */
export const FINDING_HELP = {
  'yaml-syntax': 'The file is not valid YAML, so nothing in it could be used. Fix the syntax at the line shown (indentation, an unclosed bracket or quote, a tab); `docker compose config` or a YAML linter shows the same error.',
  'json-syntax': 'The file is not valid JSON (comments and trailing commas are accepted), so nothing in it could be used. Fix the syntax at the line shown.',
  'schema-mismatch': 'The file parses but does not have the shape its tool expects (a Compose service that is a list, a build without a context…). Compare it with the tool\'s reference; `docker compose config` validates Compose files.',
  'dockerfile-no-from': 'A Dockerfile must start with FROM (only ARG may come before it). The file is not counted as a Dockerfile until it does; if it is a template rendered elsewhere, rename it (Dockerfile.tmpl) so it is not taken for one.',
  'dockerfile-parse': 'The Dockerfile could not be parsed. Fix the instruction at the line shown; `docker build --check .` reports the same problems.',
  'dockerfile-latest-tag': 'Pin the base image to a version (`node:20.11-alpine`) or a digest (`node@sha256:…`), so every build starts from the same image; let Renovate or Dependabot propose updates.',
  'dockerfile-runs-as-root': 'Add a USER instruction to the final stage (`USER node`, or create a user with `RUN adduser -D app` then `USER app`), so a compromised process does not run as root in the container.',
  'dockerfile-add-instead-of-copy': 'Use COPY for local files. ADD also extracts archives and fetches URLs, which surprises readers and caches poorly; keep ADD for those cases only.',
  'dockerfile-secret-in-env': 'Do not put secrets in ENV or ARG: they stay in the image and its history. Pass them at run time (environment, mounted files) or at build time with `RUN --mount=type=secret`.',
  'dockerfile-copies-secret': 'Do not COPY secret files into the image. Mount them at run time, or use `RUN --mount=type=secret` for build-time needs, and rotate the secret if an image with it was pushed.',
  'dockerfile-context-leaks-secret': 'A broad COPY (`COPY . .`) brings a secret file from the build context into the image. List it in .dockerignore, and rotate it if an image with it was pushed.',
  'k8s-secret-committed': 'A Kubernetes Secret with literal values is committed. Replace it with a SealedSecret, an ExternalSecret, SOPS-encrypted data or a secret store, and rotate the values.',
  'file-too-large': 'The file is larger than the 1 MiB the scan reads, so it was skipped. If it matters (a generated manifest), split it; otherwise exclude it in the config\'s `exclude`.',
  'file-binary': 'The file has binary content where text was expected, so it was skipped. Exclude it in the config\'s `exclude` if it is not meant to be read.',
  'file-unreadable': 'The file could not be read (permissions or an I/O error), so it was skipped. Check its permissions.',
  'scan-skipped': 'The scan did not look at this path (a symlink out of the repository, a loop, a FIFO or device, an unreadable directory). Nothing to do unless the path should have been read.',
} satisfies Record<FindingCode, string>;

/**
 * Arguments that render a message as a template: `base image <image> is not pinned…`. For rule
 * descriptions and `explain`, where there is no particular finding to describe.
 */
export const PLACEHOLDER_ARGS: Record<string, string> = new Proxy({}, {
  get: (_target, key) => (typeof key === 'string' ? `<${key}>` : undefined),
  has: () => true,
});
