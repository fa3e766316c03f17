/**
 * js-yaml refuses control characters, lone surrogates and U+FFFE/U+FFFF in content (the YAML
 * spec allows only printable characters, https://yaml.org/spec/1.2.2/#51-character-set); the
 * `yaml` package kept them, and so do we: each is swapped for a private-use character the text
 * does not hold before parsing, and swapped back in the values, keys and messages after.
 */

const UNPRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface Swapped {
  /** The text with every unprintable character swapped. */
  text: string;
  /** A parsed value (documents, in place) or a message with the characters swapped back. */
  restore<T>(value: T): T;
  /** A string (a path step) with the characters swapped as in the text. */
  swap(value: string): string;
}

export function swapUnprintable(text: string): Swapped | undefined {
  UNPRINTABLE.lastIndex = 0;
  if (!UNPRINTABLE.test(text)) return undefined;
  const forward = new Map<string, string>();
  const back = new Map<string, string>();
  let next = 0xe000;
  const swap = (value: string) =>
    value.replace(UNPRINTABLE, (character) => {
      let substitute = forward.get(character);
      if (substitute === undefined) {
        while (text.includes(String.fromCharCode(next))) next++;
        substitute = String.fromCharCode(next++);
        forward.set(character, substitute);
        back.set(substitute, character);
      }
      return substitute;
    });
  const swappedText = swap(text);
  const privateUse = new RegExp(`[${[...back.keys()].join('')}]`, 'g');
  const restoreString = (value: string) => value.replace(privateUse, (character) => back.get(character)!);
  const seen = new Set<object>();
  const restore = (value: unknown): unknown => {
    if (typeof value === 'string') return restoreString(value);
    if (value === null || typeof value !== 'object' || seen.has(value)) return value;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) value[index] = restore(value[index]);
      return value;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    const renamed = keys.some((key) => restoreString(key) !== key);
    const entries = keys.map((key) => [restoreString(key), restore(record[key])] as const);
    if (renamed) for (const key of keys) delete record[key];
    // defineProperty, not assignment: a `__proto__` key stays a key.
    for (const [key, item] of entries) Object.defineProperty(record, key, { value: item, writable: true, enumerable: true, configurable: true });
    return record;
  };
  return { text: swappedText, restore: restore as <T>(value: T) => T, swap };
}
