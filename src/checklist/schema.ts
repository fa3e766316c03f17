import { z } from 'zod';
import { lazy } from '../lazy.js';

const STEP_FIELDS = ['title', 'why', 'checks', 'advice'] as const;

/** Built on first use: the built-in checklists come compiled (compiled.ts) and need no validation. */
function buildSchemas() {
  const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id, like first-dockerfile');
  const text = z.string().trim().min(1, 'must not be empty');

  const checkReferenceSchema = z
    .object({
      check: kebabId,
      /** Parameters for the check, validated by the check's own schema. */
      with: z.record(z.string(), z.unknown()).optional(),
    })
    .strict();

  /**
   * Every field but the id is optional here: in a checklist that `extends:` another, a step whose id
   * the base has changes only the fields it gives. A new step needs them all (checked below and on
   * merge).
   */
  const stepSchema = z
    .object({
      id: kebabId,
      title: text.optional(),
      why: text.optional(),
      checks: z.array(checkReferenceSchema).min(1, 'a step needs at least one check').optional(),
      advice: text.optional(),
    })
    .strict();

  const checklistSchema = z
    .object({
      id: kebabId,
      title: text.optional(),
      description: text.optional(),
      /** A built-in checklist name or a path relative to this file: its steps, then the changes below. */
      extends: z.string().trim().min(1).optional(),
      /** Step ids of the base to drop. */
      remove: z.array(kebabId).optional(),
      /** Step ids in the order they should come; steps not named keep their order after them. */
      order: z.array(kebabId).optional(),
      /** What to look at once every step is done ("and then it is time to look at orchestration"). */
      next: z.object({ checklist: kebabId, message: text }).strict().optional(),
      steps: z.array(stepSchema).optional(),
    })
    .strict()
    .superRefine((document, context) => {
      if (document.extends !== undefined) return;
      const issue = (path: Array<string | number>, message: string) => context.addIssue({ code: 'custom', path, message });
      if (document.title === undefined) issue(['title'], 'required');
      for (const key of ['remove', 'order'] as const) if (document[key] !== undefined) issue([key], 'only in a checklist that extends another');
      if (!document.steps?.length) issue(['steps'], 'a checklist needs at least one step');
      document.steps?.forEach((step, index) => {
        const absent = STEP_FIELDS.filter((field) => step[field] === undefined);
        if (absent.length > 0) issue(['steps', index], `missing ${absent.join(', ')}`);
      });
    });
  return { checklistSchema, stepSchema };
}

const schemas = lazy(buildSchemas);

export const checklistSchema = (): ReturnType<typeof buildSchemas>['checklistSchema'] => schemas().checklistSchema;

export type ChecklistDocument = z.infer<ReturnType<typeof buildSchemas>['checklistSchema']>;
export type StepDocument = z.infer<ReturnType<typeof buildSchemas>['stepSchema']>;
export { STEP_FIELDS };
