/**
 * A value built on first use and kept. For module-level zod schemas and tables that only some runs
 * need: every module of the CLI is evaluated at start, and a schema nobody uses still costs its
 * construction on every run.
 */
export function lazy<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
