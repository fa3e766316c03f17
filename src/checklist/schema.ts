import { z } from 'zod';

const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id, like first-dockerfile');
const text = z.string().trim().min(1, 'must not be empty');

export const checkReferenceSchema = z
  .object({
    check: kebabId,
    /** Parameters for the check, validated by the check's own schema. */
    with: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const stepSchema = z
  .object({
    id: kebabId,
    title: text,
    why: text,
    checks: z.array(checkReferenceSchema).min(1, 'a step needs at least one check'),
    advice: text,
  })
  .strict();

export const checklistSchema = z
  .object({
    id: kebabId,
    title: text,
    description: text.optional(),
    /** What to look at once every step is done ("and then it is time to look at orchestration"). */
    next: z.object({ checklist: kebabId, message: text }).strict().optional(),
    steps: z.array(stepSchema).min(1, 'a checklist needs at least one step'),
  })
  .strict();

export type ChecklistDocument = z.infer<typeof checklistSchema>;
