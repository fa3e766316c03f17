import type { LoadedCheckStep, LoadedStep } from './load.js';

/** A step of the extending checklist, its checks already loaded; absent fields keep the base's. */
export interface StepPatch {
  id: string;
  title?: string;
  why?: string;
  advice?: string;
  checks?: LoadedCheckStep[];
}

export interface ExtendsChanges {
  remove: readonly string[];
  order: readonly string[];
  steps: readonly StepPatch[];
}

/** Where a problem is, as a path into the extending checklist's YAML, for `file:line:col` errors. */
export type Fail = (path: Array<string | number>, message: string) => never;

/**
 * `extends:` a base checklist: drop the steps in `remove`, change or add the steps in `steps`
 * (matched by id; new ones go last), then put the ids in `order` first. Every id must make sense,
 * so a typo fails loudly instead of leaving the base unchanged.
 */
export function applyExtends(baseId: string, base: readonly LoadedStep[], changes: ExtendsChanges, fail: Fail): LoadedStep[] {
  const baseIds = new Set(base.map((step) => step.id));
  const removed = new Set<string>();
  changes.remove.forEach((id, index) => {
    if (!baseIds.has(id)) fail(['remove', index], `no step '${id}' in ${baseId} (steps: ${[...baseIds].join(', ')})`);
    removed.add(id);
  });
  let steps = base.filter((step) => !removed.has(step.id)).map((step) => ({ ...step }));
  const patched = new Set<string>();
  changes.steps.forEach((patch, index) => {
    if (patched.has(patch.id)) fail(['steps', index, 'id'], `duplicate step id '${patch.id}'`);
    patched.add(patch.id);
    if (removed.has(patch.id)) fail(['steps', index, 'id'], `step '${patch.id}' is both removed and redefined`);
    const existing = steps.find((step) => step.id === patch.id);
    if (existing) {
      Object.assign(existing, definedFields(patch));
      return;
    }
    const { title, why, advice, checks } = patch;
    if (title === undefined || why === undefined || advice === undefined || checks === undefined) {
      const absent = (['title', 'why', 'checks', 'advice'] as const).filter((field) => patch[field] === undefined);
      return fail(['steps', index], `new step '${patch.id}' (not in ${baseId}) is missing ${absent.join(', ')}`);
    }
    steps.push({ id: patch.id, title, why, advice, checks });
  });
  if (changes.order.length > 0) steps = reorder(steps, changes.order, fail);
  if (steps.length === 0) fail(['remove'], 'no steps left');
  return steps;
}

function reorder(steps: LoadedStep[], order: readonly string[], fail: Fail): LoadedStep[] {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const seen = new Set<string>();
  order.forEach((id, index) => {
    if (!byId.has(id)) fail(['order', index], `no step '${id}' to order (steps: ${[...byId.keys()].join(', ')})`);
    if (seen.has(id)) fail(['order', index], `step '${id}' is listed twice`);
    seen.add(id);
  });
  return [...order.map((id) => byId.get(id)!), ...steps.filter((step) => !seen.has(step.id))];
}

function definedFields(patch: StepPatch): Partial<LoadedStep> {
  return Object.fromEntries(Object.entries(patch).filter(([key, value]) => key !== 'id' && value !== undefined));
}
