import { z } from 'zod';
import { lazy } from '../lazy.js';

/** Built on first use: most runs have no config file, and zod schemas cost their construction. */
function buildSchemas() {
  const reason = z.string().trim().min(1, 'a reason is required: say why, for the next person who reads this');
  const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2027-06-30');
  const globs = z.array(z.string().min(1)).min(1);

  const attestationSchema = z
    .object({
      step: z.string().min(1).optional(),
      check: z.string().min(1).optional(),
      reason,
      /** After this date the attestation stops counting, and the report says so. */
      expires: z.union([isoDate, z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
      by: z.string().optional(),
    })
    .strict()
    .refine((a) => (a.step === undefined) !== (a.check === undefined), { message: 'name exactly one of step or check' });

  const ignoreSchema = z
    .object({
      /** A check id (its missing items) or a finding code. */
      check: z.string().min(1),
      paths: globs.optional(),
      reason,
    })
    .strict();

  const configSchema = z
    .object({
      checklist: z.string().min(1).optional(),
      gate: z
        .object({
          minSteps: z.number().int().nonnegative().optional(),
          require: z.array(z.string().min(1)).optional(),
          failOn: z.enum(['error', 'warning']).optional(),
        })
        .strict()
        .optional(),
      exclude: z.array(z.string().min(1)).optional(),
      services: z
        .object({
          /** Directories that are services even though nothing marks them as such. */
          include: z.array(z.string().min(1)).optional(),
          /** Directories that are not services (tools, scripts, internal packages). */
          exclude: z.array(z.string().min(1)).optional(),
        })
        .strict()
        .optional(),
      attestations: z.array(attestationSchema).optional(),
      ignore: z.array(ignoreSchema).optional(),
    })
    .strict();
  return { attestationSchema, ignoreSchema, configSchema };
}

const schemas = lazy(buildSchemas);

/**
 * `.containerize-check.yaml`: the contract teams check in. Unknown keys are errors, so a typo never
 * silently weakens a gate.
 */
export const configSchema = (): ReturnType<typeof buildSchemas>['configSchema'] => schemas().configSchema;

export type Config = z.output<ReturnType<typeof buildSchemas>['configSchema']>;
export type Attestation = z.output<ReturnType<typeof buildSchemas>['attestationSchema']>;
export type IgnoreRule = z.output<ReturnType<typeof buildSchemas>['ignoreSchema']>;
