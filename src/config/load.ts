import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../parsers/yaml.js';
import { parseJsonc } from '../parsers/jsonc.js';
import { configSchema, type Config } from './schema.js';

export const CONFIG_FILE_NAMES = ['.containerize-check.yaml', '.containerize-check.yml'] as const;
const PACKAGE_KEY = 'containerize-check';
const CONFIG_MAX_BYTES = 256 * 1024;

/** A config file that cannot be used: one line, `file:line:col: problem`, exit 2. */
export class ConfigError extends Error {}

export interface LoadedConfig {
  config: Config;
  /** Path of the file it came from (relative to the scanned root when found there), or null. */
  source: string | null;
}

function readSmall(path: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(`${path}: cannot read config (${code ?? 'read error'})`);
  }
  if (bytes.length > CONFIG_MAX_BYTES) throw new ConfigError(`${path}: larger than ${CONFIG_MAX_BYTES} bytes`);
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** `--config FILE` when given, else the first config file in the root, else package.json's key. */
export function loadConfig(root: string, explicitPath?: string): LoadedConfig {
  if (explicitPath) {
    const text = readSmall(explicitPath);
    if (text === undefined) throw new ConfigError(`${explicitPath}: no such config file`);
    return { config: parseConfig(text, explicitPath), source: explicitPath };
  }
  for (const name of CONFIG_FILE_NAMES) {
    const text = readSmall(join(root, name));
    if (text !== undefined) return { config: parseConfig(text, name), source: name };
  }
  const pkgText = readSmall(join(root, 'package.json'));
  if (pkgText !== undefined) {
    const pkg = parseJsonc(pkgText).value;
    if (typeof pkg === 'object' && pkg !== null && PACKAGE_KEY in pkg) {
      const result = configSchema().safeParse((pkg as Record<string, unknown>)[PACKAGE_KEY]);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        throw new ConfigError(`package.json: "${PACKAGE_KEY}"${issue.path.length ? `.${issue.path.join('.')}` : ''}: ${issue.message}`);
      }
      return { config: result.data, source: `package.json#${PACKAGE_KEY}` };
    }
  }
  return { config: {}, source: null };
}

export function parseConfig(text: string, displayPath: string): Config {
  const parsed = parseYaml(text);
  const fail = (line: number, column: number, message: string): never => {
    throw new ConfigError(`${displayPath}:${line}:${column}: ${message}`);
  };
  const [firstError] = parsed.errors;
  if (firstError) fail(firstError.line, firstError.column, firstError.message);
  if (parsed.documents.length > 1) fail(1, 1, 'a config file is one YAML document');
  const document = parsed.documents[0] ?? {};
  const result = configSchema().safeParse(document ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const { line, column } = parsed.positionOf(path);
    return fail(line, column, `${path.length ? `${path.join('.')}: ` : ''}${issue.message}`);
  }
  return result.data;
}
