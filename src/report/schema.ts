import { z } from 'zod';
import { EVIDENCE_CODES, LANGUAGES } from '../detectors/facts.js';
import { FINDING_CODES } from '../findings/finding.js';

/**
 * The JSON report, as a zod schema: the TypeScript types are inferred from it and the published
 * JSON Schema (dist/report-schema.json) is generated from it, so the three cannot drift apart.
 */
const confidence = z.enum(['strong', 'medium', 'weak']);
const args = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
const line = z.number().int().positive().optional();

export const STEP_STATUSES = ['done', 'partial', 'todo', 'unknown'] as const;
export const CHECK_STATUSES = ['pass', 'partial', 'fail', 'unknown'] as const;
const stepStatus = z.enum(STEP_STATUSES);

const evidenceSchema = z.object({
  code: z.enum(EVIDENCE_CODES),
  path: z.string(),
  line,
  confidence,
  args,
  message: z.string(),
});

const attestationSchema = z
  .object({
    reason: z.string(),
    expires: z.string().nullable(),
    /** An expired attestation is reported but no longer counts. */
    expired: z.boolean(),
  })
  .describe('a step or check marked done by hand in the config file');

const ignoredEvidenceSchema = evidenceSchema.extend({ reason: z.string() });

const checkSchema = z.object({
  id: z.string(),
  status: z.enum(CHECK_STATUSES),
  evidence: z.array(evidenceSchema),
  missing: z.array(evidenceSchema),
  /** Missing items an `ignore` rule of the config covers, with its reason. */
  ignored: z.array(ignoredEvidenceSchema),
  attestation: attestationSchema.nullable(),
});

const stepSchema = z.object({
  id: z.string(),
  title: z.string(),
  why: z.string(),
  advice: z.string(),
  status: stepStatus,
  confidence: z.enum(['strong', 'medium']).nullable().describe('medium when the status rests on medium-confidence evidence alone'),
  attestation: attestationSchema.nullable(),
  checks: z.array(checkSchema),
});

const serviceSchema = z.object({
  path: z.string(),
  language: z.enum(LANGUAGES),
  kind: z.enum(['app', 'library']),
  confidence,
  manifest: z.string(),
  dockerfiles: z.array(z.string()),
  builders: z.array(z.string()),
  compose: z.array(z.string()),
  builtInCi: z.boolean().describe('a CI job builds its image'),
  deployed: z.boolean().describe('a CD job deploys it: in the same CI file as its image build, or naming that image'),
});

const findingSchema = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(['error', 'warning', 'info']),
  path: z.string(),
  line,
  column: line,
  args,
  message: z.string(),
});

const gateFailure = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('min-steps'), needed: z.number().int(), done: z.number().int() }),
  z.object({ kind: z.literal('require'), step: z.string(), status: stepStatus }),
  z.object({ kind: z.literal('findings'), severity: z.enum(['error', 'warning']), count: z.number().int() }),
]);

export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.string(), version: z.string() }),
  root: z.object({ name: z.string() }),
  checklist: z.object({
    id: z.string(),
    title: z.string(),
    source: z.string(),
    next: z.object({ checklist: z.string(), message: z.string() }).nullable(),
  }),
  summary: z.object({
    done: z.number().int().nonnegative(),
    partial: z.number().int().nonnegative(),
    todo: z.number().int().nonnegative(),
    unknown: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    nextStep: z.string().nullable().describe('id of the first step not done; null when every step is done'),
  }),
  steps: z.array(stepSchema),
  services: z.array(serviceSchema),
  findings: z.array(findingSchema),
  /** Findings an `ignore` rule of the config covers, with its reason: never silently dropped. */
  ignoredFindings: z.array(findingSchema.extend({ reason: z.string() })),
  /** The config file that shaped this report, if any. */
  config: z.string().nullable(),
  gate: z
    .object({
      minSteps: z.number().int().nullable(),
      require: z.array(z.string()),
      failOn: z.enum(['error', 'warning']).nullable(),
      passed: z.boolean(),
      failures: z.array(gateFailure),
    })
    .nullable(),
});

export type JsonReport = z.infer<typeof reportSchema>;
