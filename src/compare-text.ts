/**
 * Orders strings by UTF-16 code units, as `Array.prototype.sort` does by default. Reports must not
 * change order with the user's locale, and `localeCompare` also loads ICU's collator on first use,
 * which costs a short run more than all of its sorting.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
