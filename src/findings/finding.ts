/**
 * Findings are data: a stable code, typed arguments and a location. The words live in
 * `messages.ts`, so JSON consumers key on codes and a rewording breaks nothing.
 */
export const FINDING_CODES = [
  'yaml-syntax',
  'json-syntax',
  'schema-mismatch',
  'dockerfile-no-from',
  'dockerfile-parse',
  'dockerfile-latest-tag',
  'dockerfile-runs-as-root',
  'dockerfile-add-instead-of-copy',
  'dockerfile-secret-in-env',
  'dockerfile-copies-secret',
  'dockerfile-context-leaks-secret',
  'k8s-secret-committed',
  'file-too-large',
  'file-binary',
  'file-unreadable',
  'scan-skipped',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export type Severity = 'error' | 'warning' | 'info';

export type FindingArgs = Record<string, string | number | boolean>;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  path: string;
  line?: number;
  column?: number;
  args: FindingArgs;
}
