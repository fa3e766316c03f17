/** Exit codes, documented in README and `--help`. */
export const EXIT = { ok: 0, gateFailed: 1, usage: 2, internal: 3 } as const;

/** A mistake in how the tool was called or configured: one line on stderr, exit 2. */
export class UsageError extends Error {}
