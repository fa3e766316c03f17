import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { z } from 'zod';
import { parseYaml } from '../parsers/yaml.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { CHECKS_BY_ID } from '../checks/registry.js';
import type { Check } from '../checks/define.js';
import { checklistSchema, type ChecklistDocument } from './schema.js';
import { applyExtends, type StepPatch } from './extends.js';
import { compiledChecklist, readCompiledChecklist } from './compiled.js';

export const BUILT_IN_CHECKLISTS = ['containerization', 'orchestration'] as const;
export const DEFAULT_CHECKLIST = 'containerization';

const CHECKLIST_MAX_BYTES = 1024 * 1024;

export interface LoadedCheckStep {
  check: Check;
  params: unknown;
}

export interface LoadedStep {
  id: string;
  title: string;
  why: string;
  advice: string;
  checks: LoadedCheckStep[];
}

export interface Checklist {
  id: string;
  title: string;
  description?: string;
  next?: ChecklistDocument['next'];
  /** `built-in` or the file it came from, for messages and reports. */
  source: string;
  steps: LoadedStep[];
}

/** A checklist that cannot be used; the message is one line, `file:line:col: problem`. */
export class ChecklistError extends Error {}

export function builtInChecklistPath(name: string): string {
  return join(PACKAGE_ROOT, 'checklists', `${name}.yaml`);
}

/** Accepts a built-in name (`containerization`) or a path to a YAML file. */
export function loadChecklist(nameOrPath: string): Checklist {
  const isBuiltIn = (BUILT_IN_CHECKLISTS as readonly string[]).includes(nameOrPath);
  const path = isBuiltIn ? builtInChecklistPath(nameOrPath) : nameOrPath;
  const text = readChecklistFile(path);
  if (isBuiltIn) return loadBuiltIn(nameOrPath, text, path);
  return parseChecklist(text, path, path);
}

/** From the build's compiled copy when the YAML is the one it was made from, else parsed. */
function loadBuiltIn(name: string, text: string, path: string, options: ParseOptions = {}): Checklist {
  return compiledChecklist(readCompiledChecklist(name), text) ?? parseChecklist(text, `built-in:${name}`, path, options);
}

function readChecklistFile(path: string): string {
  try {
    const bytes = readFileSync(path);
    if (bytes.length > CHECKLIST_MAX_BYTES) throw new ChecklistError(`${path}: larger than ${CHECKLIST_MAX_BYTES} bytes`);
    return bytes.toString('utf8');
  } catch (error) {
    if (error instanceof ChecklistError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ChecklistError(`${path}: cannot read checklist (${code === 'ENOENT' ? 'no such file' : code ?? 'read error'})`);
  }
}

export interface ParseOptions {
  /** How many `extends:` links led here; a chain this deep is a cycle or a mistake. */
  depth?: number;
}

const MAX_EXTENDS_DEPTH = 5;

export function parseChecklist(text: string, source: string, displayPath = source, options: ParseOptions = {}): Checklist {
  const parsed = parseYaml(text);
  const fail = (line: number, column: number, message: string): never => {
    throw new ChecklistError(`${displayPath}:${line}:${column}: ${message}`);
  };
  const failAt = (path: Array<string | number>, message: string): never => {
    const { line, column } = parsed.positionOf(path);
    return fail(line, column, message);
  };
  const [firstError] = parsed.errors;
  if (firstError) fail(firstError.line, firstError.column, firstError.message);
  if (parsed.documents.length !== 1) fail(1, 1, 'a checklist is exactly one YAML document');

  const result = checklistSchema().safeParse(parsed.documents[0]);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    return failAt(path, `${path.length ? `${path.join('.')}: ` : ''}${issue.message}`);
  }
  const document = result.data;
  const base = document.extends === undefined ? undefined : loadBase(document.extends, displayPath, options.depth ?? 0, (message) => failAt(['extends'], `extends: ${message}`));
  const seen = new Set<string>();
  const own = (document.steps ?? []).map((step, stepIndex): StepPatch => {
    const at = (...rest: Array<string | number>) => parsed.positionOf(['steps', stepIndex, ...rest]);
    if (seen.has(step.id)) {
      const { line, column } = at('id');
      fail(line, column, `duplicate step id '${step.id}'`);
    }
    seen.add(step.id);
    const checks = step.checks?.map((reference, checkIndex) => {
      const check = CHECKS_BY_ID.get(reference.check);
      if (!check) {
        const { line, column } = at('checks', checkIndex, 'check');
        return fail(line, column, `unknown check '${reference.check}' (run \`containerize-check list\` to see the checks)`);
      }
      const params = (check.params as z.ZodType).safeParse(reference.with ?? {});
      if (!params.success) {
        const issue = params.error.issues[0]!;
        const sub = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        const { line, column } = at('checks', checkIndex, 'with', ...sub);
        return fail(line, column, `check '${check.id}': ${sub.length ? `${sub.join('.')}: ` : ''}${issue.message}`);
      }
      return { check, params: params.data };
    });
    return { id: step.id, title: step.title, why: step.why, advice: step.advice, checks };
  });
  // Without `extends:` the schema has made sure every step is complete.
  const steps = base
    ? applyExtends(base.id, base.steps, { remove: document.remove ?? [], order: document.order ?? [], steps: own }, failAt)
    : (own as LoadedStep[]);
  return {
    id: document.id,
    title: document.title ?? base!.title,
    description: document.description ?? base?.description,
    next: document.next ?? base?.next,
    source,
    steps,
  };
}

/** The checklist named by `extends:`: a built-in name, or a file relative to the extending one. */
function loadBase(name: string, fromPath: string, depth: number, fail: (message: string) => never): Checklist {
  if (depth >= MAX_EXTENDS_DEPTH) fail(`more than ${MAX_EXTENDS_DEPTH} checklists extend each other (a cycle?)`);
  const isBuiltIn = (BUILT_IN_CHECKLISTS as readonly string[]).includes(name);
  const fromDir = fromPath.startsWith('built-in:') ? join(PACKAGE_ROOT, 'checklists') : dirname(fromPath);
  const path = isBuiltIn ? builtInChecklistPath(name) : isAbsolute(name) ? name : join(fromDir, name);
  try {
    const text = readChecklistFile(path);
    return isBuiltIn ? loadBuiltIn(name, text, path, { depth: depth + 1 }) : parseChecklist(text, path, path, { depth: depth + 1 });
  } catch (error) {
    if (error instanceof ChecklistError) return fail(error.message);
    throw error;
  }
}
