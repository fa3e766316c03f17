import { readFileSync } from 'node:fs';
import AjvModule, { type ValidateFunction } from 'ajv';

// A CommonJS module: under Node's ESM its class is the default export itself, under TypeScript's view `.default`.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default;

/**
 * The SARIF 2.1.0 JSON schema as published on SchemaStore (sarif-2.1.0-rtm.5.json, the file
 * Microsoft's own jest-sarif matchers validate against; copied into tests/schemas/). It is draft-04,
 * which Ajv 8 reads once `id` is spelled `$id`; its three formats are checked with URL parsing.
 */
export function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(new URL('../schemas/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft, ...rest } = schema;
  // unicodeRegExp off: the schema's language pattern (`…{2}]?$`) is only valid without the u flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  // A relative reference resolves against any base; spaces and other raw characters must be percent-encoded.
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'https://example.invalid/root/') && !/[\s"<>\\^`{|}]/.test(value));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile({ ...rest, $id: id as string });
}
