import { nodeCrypto } from '../node-builtins.js';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { CONFIG_FILE_NAMES, ConfigError } from './load.js';
import { configSchema } from './schema.js';

export interface AttestationInput {
  step: string;
  reason: string;
}

const NEW_FILE_HEADER = ' containerize-check configuration (see its README).';

/**
 * Marks a step as done by hand: adds `{ step, reason }` to `attestations:` of the repository's
 * config file (created when absent), or replaces the reason of the step's existing attestation.
 * Edits go through the YAML document, so the team's comments and layout survive; the result is
 * validated against the config schema before it is written, atomically. Returns the file's path.
 */
export function addAttestation(root: string, attestation: AttestationInput): string {
  const reason = attestation.reason.trim();
  if (reason === '') throw new ConfigError('attestation: a reason is required');
  const existingName = CONFIG_FILE_NAMES.find((name) => existsSync(join(root, name)));
  if (!existingName && packageJsonHasConfig(root)) {
    throw new ConfigError('the config lives in package.json ("containerize-check"): add the attestation there');
  }
  const path = join(root, existingName ?? CONFIG_FILE_NAMES[0]);
  const text = existingName ? readFileSync(path, 'utf8') : '';
  const document = parseDocument(text);
  if (document.errors.length > 0) throw new ConfigError(`${basename(path)}: ${document.errors[0]!.message.split('\n')[0]}`);
  if (!existingName) document.commentBefore = NEW_FILE_HEADER;
  upsert(document, attestation.step, reason);
  const result = configSchema().safeParse(document.toJS() ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`${basename(path)}: ${issue.path.join('.')}: ${issue.message}`);
  }
  writeAtomically(path, document.toString({ lineWidth: 0, flowCollectionPadding: false }));
  return path;
}

function upsert(document: Document, step: string, reason: string): void {
  if (document.contents === null) document.contents = document.createNode({});
  if (!isMap(document.contents)) throw new ConfigError('the config file is not a map of settings');
  const list = document.get('attestations', true);
  if (list === undefined || list === null) {
    document.set('attestations', document.createNode([{ step, reason }]));
    return;
  }
  if (!isSeq(list)) throw new ConfigError('attestations: expected a list');
  const existing = list.items.find((item) => isMap(item) && item.get('step') === step);
  if (isMap(existing)) existing.set('reason', reason);
  else list.add(document.createNode({ step, reason }));
}

function packageJsonHasConfig(root: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as unknown;
    return typeof pkg === 'object' && pkg !== null && 'containerize-check' in pkg;
  } catch {
    return false;
  }
}

function writeAtomically(path: string, content: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new ConfigError(`${basename(path)}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
