import type { FindingArgs, FindingCode } from '../findings/finding.js';

const a = (args: FindingArgs, key: string): string => String(args[key] ?? '');

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
  'file-too-large': (args) => `larger than ${a(args, 'limit')} bytes, not read`,
  'file-binary': () => 'binary content where text was expected, not read',
  'file-unreadable': (args) => `cannot be read (${a(args, 'detail')})`,
  'scan-skipped': (args) => `skipped: ${a(args, 'reason')}`,
} satisfies Record<FindingCode, (args: FindingArgs) => string>;

export function findingMessage(code: FindingCode, args: FindingArgs): string {
  return FINDING_MESSAGES[code](args);
}
