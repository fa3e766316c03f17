import type { DetectorContext } from '../define.js';
import type { Evidence, EvidenceArgs } from '../facts.js';
import { findLine } from '../../parsers/lines.js';
import { dirOf, resolveInRepo } from '../../snapshot/paths.js';
import { isRecord } from '../../parsers/record.js';

/**
 * Where the Dev Container spec looks for its configuration
 * (https://containers.dev/implementors/spec/#devcontainerjson): `.devcontainer/devcontainer.json`,
 * `.devcontainer.json`, and one folder deep for several configurations.
 */
const DEVCONTAINER_FILE = /(?:^|\/)(?:\.devcontainer\/(?:[^/]+\/)?devcontainer\.json|\.devcontainer\.json)$/;

export const DEVCONTAINER_GLOBS = ['**/.devcontainer/devcontainer.json', '**/.devcontainer.json', '**/.devcontainer/*/devcontainer.json'] as const;

export function isDevcontainerFile(path: string): boolean {
  return DEVCONTAINER_FILE.test(path);
}

export function devcontainerEvidence(context: DetectorContext): Evidence[] {
  const evidence: Evidence[] = [];
  for (const path of context.snapshot.filesNamed('devcontainer.json', '.devcontainer.json').filter(isDevcontainerFile)) {
    const parsed = context.snapshot.json(path);
    if (!parsed) continue; // unreadable: the snapshot reports why
    if (parsed.error) {
      const { message, line, column } = parsed.error;
      context.report({ code: 'json-syntax', severity: 'error', path, line, column, args: { message } });
      continue;
    }
    if (!isRecord(parsed.value)) {
      context.report({ code: 'schema-mismatch', severity: 'error', path, line: 1, args: { kind: 'devcontainer', message: 'expected a JSON object' } });
      continue;
    }
    const { args, key } = describe(parsed.value, dirOf(path));
    const line = key === undefined ? undefined : findLine(context.snapshot.text(path) ?? '', keyPattern(key));
    evidence.push({ code: 'devcontainer', path, line, args, confidence: 'strong' });
  }
  return evidence;
}

/** A key written at the start of a line or after `{`/`,`; templates often carry commented-out keys (`// "image": …`). */
function keyPattern(key: string): RegExp {
  return new RegExp(String.raw`^(?!\s*//)(?:.*[{,])?\s*"${key}"\s*:`);
}

/** What the container is made from, the Compose file first since it reuses the app's own setup. */
function describe(config: Record<string, unknown>, dir: string): { args: EvidenceArgs; key?: string } {
  const composeFiles = typeof config.dockerComposeFile === 'string' ? [config.dockerComposeFile] : Array.isArray(config.dockerComposeFile) ? config.dockerComposeFile : [];
  const [composeFile] = composeFiles.filter((file): file is string => typeof file === 'string');
  if (composeFile !== undefined) {
    const args: EvidenceArgs = { uses: 'compose', composeFile: resolveInRepo(dir, composeFile) ?? composeFile };
    if (typeof config.service === 'string') args.service = config.service;
    return { args, key: 'dockerComposeFile' };
  }
  const build = isRecord(config.build) ? config.build : {};
  const dockerfile = typeof build.dockerfile === 'string' ? build.dockerfile : typeof config.dockerFile === 'string' ? config.dockerFile : undefined;
  if (dockerfile !== undefined) {
    return { args: { uses: 'dockerfile', dockerfile: resolveInRepo(dir, dockerfile) ?? dockerfile }, key: isRecord(config.build) ? 'build' : 'dockerFile' };
  }
  if (typeof config.image === 'string') return { args: { uses: 'image', image: config.image }, key: 'image' };
  return { args: { uses: 'unknown' } };
}
