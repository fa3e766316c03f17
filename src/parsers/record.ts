/** A mapping of parsed YAML or JSON: an object that is neither null nor an array. Its keys may hold anything. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
