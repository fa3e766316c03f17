import type { SkipReason, Skipped } from './types.js';
import type { WriteStatus } from './write.js';

/** One phrase per reason a file was not generated; `satisfies` makes a reason without words a compile error. */
export const SKIP_MESSAGES = {
  'ci-covered': (s) => `CI (${s.detail ?? 'in use'}) already builds and pushes images: nothing to add`,
  'ci-unsupported': (s) => `no CI template for ${s.detail ?? 'this system'} yet: see the advice of the CI steps`,
  'compose-covered': () => 'Compose already runs every service, with a dev setup: nothing to add',
  'has-dockerfile': (s) => `${s.service ?? '.'} already has a Dockerfile`,
  'has-dockerignore': (s) => `${s.service ?? '.'} already has a .dockerignore`,
  'no-services': (s) => `no service with a Dockerfile yet, so no ${s.kind === 'ci' ? 'CI pipeline' : 'Compose file'}`,
  'no-template': (s) => `no Dockerfile template for ${s.detail ?? 'this language'} (${s.service ?? '.'}) yet`,
  'unknown-service': (s) => `no service at ${s.service ?? '?'}`,
} satisfies Record<SkipReason, (skipped: Skipped) => string>;

export function skipMessage(skipped: Skipped): string {
  return SKIP_MESSAGES[skipped.reason](skipped);
}

/** What will happen to a file, and what happened. */
export const WRITE_STATUS_WORDS = {
  created: { planned: 'new', done: 'created' },
  overwritten: { planned: 'overwrite', done: 'overwritten' },
  unchanged: { planned: 'unchanged', done: 'unchanged' },
  kept: { planned: 'exists, kept without --force', done: 'kept' },
} satisfies Record<WriteStatus, { planned: string; done: string }>;
