import type { FindingArgs, FindingCode } from '../findings/finding.js';
import type { SecretFileKind } from '../detectors/orchestration/secret-names.js';

const a = (args: FindingArgs, key: string): string => String(args[key] ?? '');
const SECRET_KINDS = {
  'env-file': 'an environment file', 'private-key': 'a private key', credentials: 'credentials', 'registry-token': 'a registry token',
} satisfies Record<SecretFileKind, string>;
const secretKind = (args: FindingArgs): string => (SECRET_KINDS as Record<string, string>)[a(args, 'kind')] ?? 'a secret';

/** One sentence per code; `satisfies` makes a code without words a compile error. */
export const FINDING_MESSAGES = {
  'yaml-syntax': (args) => `YAML does not parse: ${a(args, 'message')}`,
  'json-syntax': (args) => `JSON does not parse: ${a(args, 'message')}`,
  'schema-mismatch': (args) => `not a valid ${a(args, 'kind')} file: ${a(args, 'message')}`,
  'dockerfile-no-from': (args) =>
    `first instruction is ${a(args, 'instruction')}, not FROM: not counted as a Dockerfile`,
  'dockerfile-parse': (args) => `Dockerfile does not parse: ${a(args, 'message')}`,
  'dockerfile-latest-tag': (args) =>
    `base image ${a(args, 'image')} is not pinned to a version; builds will change under you`,
  'dockerfile-runs-as-root': () => 'final stage has no USER instruction, so the container runs as root',
  'dockerfile-add-instead-of-copy': () => 'ADD of a local path: COPY is clearer and does not unpack or fetch',
  'dockerfile-secret-in-env': (args) =>
    `${a(args, 'instruction')} ${a(args, 'name')} has a literal value: it stays in the image and its history`,
  'dockerfile-copies-secret': (args) =>
    `${a(args, 'instruction')} ${a(args, 'source')} puts ${secretKind(args)} into the image, where anyone who pulls it can read it`,
  'dockerfile-context-leaks-secret': (args) =>
    `${a(args, 'instruction')} ${a(args, 'source')} brings ${a(args, 'file')} (${secretKind(args)}) into the image; exclude it in .dockerignore`,
  'k8s-secret-committed': (args) =>
    `Secret ${a(args, 'name')} holds literal values committed to the repository; use a sealed or external secret`,
  'file-too-large': (args) => `larger than ${a(args, 'limit')} bytes, not read`,
  'file-binary': () => 'binary content where text was expected, not read',
  'file-unreadable': (args) => `cannot be read (${a(args, 'detail')})`,
  'scan-skipped': (args) => `skipped: ${a(args, 'reason')}`,
} satisfies Record<FindingCode, (args: FindingArgs) => string>;

export function findingMessage(code: FindingCode, args: FindingArgs): string {
  return FINDING_MESSAGES[code](args);
}
