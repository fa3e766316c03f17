import { defineDetector, type DetectorContext } from '../define.js';
import type { ComposeFileFact } from '../facts.js';
import type { ParsedYaml } from '../../parsers/yaml.js';
import { dirOf } from '../../snapshot/paths.js';
import { COMPOSE_FILE_GLOBS, isComposeFile, isOverrideFile } from './names.js';
import { composeSchemaProblems } from './schema.js';
import { extractServices, isRecord } from './service.js';

/**
 * Compose files anywhere in the repository, read as the Compose specification describes them
 * (https://github.com/compose-spec/compose-spec/blob/main/spec.md). Broken files become findings
 * and keep whatever services do parse.
 */
export const composeDetector = defineDetector({
  id: 'compose',
  files: COMPOSE_FILE_GLOBS,
  detect(context) {
    return context.snapshot.files.filter(isComposeFile).map((path) => readComposeFile(context, path));
  },
});

function readComposeFile(context: DetectorContext, path: string): ComposeFileFact {
  const fact: ComposeFileFact = { path, override: isOverrideFile(path), services: [], valid: false };
  const yaml = context.snapshot.yaml(path);
  if (!yaml) return fact; // unreadable: the snapshot reports why
  if (yaml.errors.length > 0) {
    for (const error of yaml.errors) {
      context.report({ code: 'yaml-syntax', severity: 'error', path, line: error.line, column: error.column, args: { message: error.message } });
    }
    return fact;
  }
  const [document] = yaml.documents;
  if (document === undefined || document === null) {
    reportMismatch(context, path, 1, 'the file is empty');
    return fact;
  }
  const problems = composeSchemaProblems(document);
  for (const problem of problems) reportMismatch(context, path, nearestLine(yaml, problem.path), problem.message);
  const services = isRecord(document) && isRecord(document.services) ? document.services : {};
  return { ...fact, services: extractServices(path, dirOf(path), services, yaml), valid: problems.length === 0 };
}

function reportMismatch(context: DetectorContext, path: string, line: number, message: string): void {
  context.report({ code: 'schema-mismatch', severity: 'error', path, line, args: { kind: 'Compose', message } });
}

/** The line of the offending key, or of its closest parent that exists. */
function nearestLine(yaml: ParsedYaml, path: ReadonlyArray<string | number>): number {
  for (let length = path.length; length > 0; length--) {
    const line = yaml.lineOf(path.slice(0, length));
    if (line !== undefined) return line;
  }
  return yaml.lineOf([]) ?? 1;
}
