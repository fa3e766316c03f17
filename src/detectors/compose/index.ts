import { defineDetector, type DetectorContext } from '../define.js';
import { yamlSyntaxFindings } from '../../findings/yaml-syntax.js';
import type { ComposeFileFact, ComposeServiceFact } from '../facts.js';
import type { ParsedYaml } from '../../parsers/yaml.js';
import { servicesOfFile } from './file-services.js';
import { includesOf } from './include.js';
import { COMPOSE_FILE_GLOBS, composeFiles } from './names.js';
import { composeFileSets } from './references.js';
import { ComposeRoles } from './roles.js';
import { composeSchemaProblems } from './schema.js';
import { SCRIPT_LINE_GLOBS } from './script-lines.js';
import { type ComposeSource } from './service.js';
import { isRecord } from '../../parsers/record.js';

interface Loaded {
  source?: ComposeSource;
  document?: unknown;
  valid: boolean;
}

/**
 * Compose files anywhere in the repository, read as the Compose specification describes them
 * (https://github.com/compose-spec/compose-spec/blob/main/spec.md): by their default names, and
 * those that `include:`, `extends.file`, `-f` or `COMPOSE_FILE` in scripts and CI name. Files used
 * together are merged the way Compose merges them. Broken files become findings and keep whatever
 * services do parse.
 */
export const composeDetector = defineDetector({
  id: 'compose',
  files: [...COMPOSE_FILE_GLOBS, '(files named by include, extends.file and -f in scripts and CI)', ...SCRIPT_LINE_GLOBS],
  detect(context) {
    const { snapshot } = context;
    const loaded = new Map<string, Loaded>();
    const load = (path: string): Loaded => {
      let result = loaded.get(path);
      if (!result) loaded.set(path, (result = readComposeFile(context, path)));
      return result;
    };
    const roles = new ComposeRoles(snapshot);
    const queue = composeFiles(snapshot);
    for (const set of composeFileSets(snapshot)) {
      roles.addSet(set.files, { kind: 'command', path: set.path, line: set.line });
      queue.push(...set.files);
    }
    const emitted = new Set<string>();
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (emitted.has(path) || !snapshot.has(path)) continue;
      emitted.add(path);
      const { source, document } = load(path);
      if (!source) continue;
      for (const entry of includesOf(document, path, source.yaml)) {
        roles.addSet(entry.files, { kind: 'include', path, line: entry.line }, entry.projectDirectory);
        queue.push(...entry.files);
      }
    }
    const sourceOf = (path: string) => (snapshot.has(path) ? load(path).source : undefined);
    const services = new Map<string, ComposeServiceFact[]>();
    for (const path of emitted) {
      const resolved = servicesOfFile(sourceOf, path, roles.roleOf(path));
      services.set(path, resolved.services);
      for (const reference of resolved.references) if (emitted.has(reference.target)) roles.addReference(reference.target, { kind: 'extends', path: reference.path, line: reference.line });
    }
    return [...emitted].sort().map((path): ComposeFileFact => {
      const role = roles.roleOf(path);
      const fact: ComposeFileFact = { path, override: role.override, services: services.get(path) ?? [], valid: load(path).valid };
      if (role.base !== undefined) fact.base = role.base;
      if (role.references.length > 0) fact.references = role.references;
      return fact;
    });
  },
});

function readComposeFile(context: DetectorContext, path: string): Loaded {
  const yaml = context.snapshot.yaml(path);
  if (!yaml) return { valid: false }; // unreadable: the snapshot reports why
  if (yaml.errors.length > 0) {
    for (const finding of yamlSyntaxFindings(path, yaml.errors)) context.report(finding);
    return { valid: false };
  }
  const [document] = yaml.documents;
  if (document === undefined || document === null) {
    reportMismatch(context, path, 1, 'the file is empty');
    return { valid: false };
  }
  const problems = composeSchemaProblems(document);
  for (const problem of problems) reportMismatch(context, path, nearestLine(yaml, problem.path), problem.message);
  const services = isRecord(document) && isRecord(document.services) ? document.services : {};
  return { source: { file: path, yaml, services }, document, valid: problems.length === 0 };
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
