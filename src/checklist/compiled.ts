import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { CHECKS_BY_ID } from '../checks/registry.js';
import type { Checklist, LoadedStep } from './load.js';

/**
 * A built-in checklist as the build parsed and validated it (scripts/compile-checklists.js), with
 * the YAML text it came from. Every run used to parse the same YAML and validate it and each
 * check's parameters with zod; a tiny repository's check spent a tenth of its time there.
 */
interface CompiledChecklist {
  yaml: string;
  checklist: Omit<Checklist, 'steps'> & {
    steps: Array<Omit<LoadedStep, 'checks'> & { checks: Array<{ check: string; params: unknown }> }>;
  };
}

export function compiledChecklistPath(name: string): string {
  return join(PACKAGE_ROOT, 'dist', 'checklists', `${name}.json`);
}

export function compileChecklist(checklist: Checklist, yaml: string): string {
  const steps = checklist.steps.map((step) => ({ ...step, checks: step.checks.map(({ check, params }) => ({ check: check.id, params })) }));
  const compiled: CompiledChecklist = { yaml, checklist: { ...checklist, steps } };
  return `${JSON.stringify(compiled)}\n`;
}

/**
 * The checklist compiled from exactly this YAML text, or undefined: no compiled file (a build
 * without it, the unbuilt sources), a damaged one, or YAML edited since the build, which then
 * goes through the parser and its error messages as any other checklist.
 */
export function compiledChecklist(json: string | undefined, yaml: string): Checklist | undefined {
  if (json === undefined) return undefined;
  let compiled: CompiledChecklist;
  try {
    compiled = JSON.parse(json) as CompiledChecklist;
  } catch {
    return undefined;
  }
  if (typeof compiled !== 'object' || compiled === null || compiled.yaml !== yaml || !Array.isArray(compiled.checklist?.steps)) return undefined;
  const { id, title, description, next, source } = compiled.checklist;
  const steps: LoadedStep[] = [];
  for (const step of compiled.checklist.steps) {
    const checks = [];
    for (const reference of step.checks) {
      const check = CHECKS_BY_ID.get(reference.check);
      if (!check) return undefined;
      checks.push({ check, params: reference.params });
    }
    steps.push({ id: step.id, title: step.title, why: step.why, advice: step.advice, checks });
  }
  return { id, title, description, next, source, steps };
}

export function readCompiledChecklist(name: string): string | undefined {
  try {
    return readFileSync(compiledChecklistPath(name), 'utf8');
  } catch {
    return undefined;
  }
}
