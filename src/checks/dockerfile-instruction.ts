import { z } from 'zod';
import picomatch from 'picomatch';
import { defineCheck } from './define.js';
import type { Evidence, Facts } from '../detectors/facts.js';
import { MAX_LISTED, notUnderstood, scopedStatus, scopeParam } from './file-globs.js';
import { compilePattern, safePatternParam } from './safe-pattern.js';

/** https://docs.docker.com/reference/dockerfile/#overview */
const INSTRUCTIONS = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;

export const dockerfileInstruction = defineCheck({
  id: 'dockerfile-instruction',
  primitive: true,
  description: 'Check primitive: the Dockerfiles have an instruction (HEALTHCHECK, USER…), optionally with arguments matching a pattern.',
  howDetected:
    'Takes the valid Dockerfiles the scan found (not those of examples or fixtures; `glob` narrows them), parses them as BuildKit does and looks for the instruction, in any stage or only the final one (`stage: final`), with its arguments matching `pattern` when given. `in: every` (default) needs every Dockerfile to have it, `in: any` one.',
  example: ['- check: dockerfile-instruction', '  with:', '    instruction: USER', '    pattern: "^(?!root\\\\b)"', '    stage: final'].join('\n'),
  reads: ['dockerfiles', 'services'],
  params: () => z
    .object({
      instruction: z.string().transform((s) => s.toUpperCase()).pipe(z.enum(INSTRUCTIONS)),
      pattern: safePatternParam().optional(),
      stage: z.enum(['any', 'final']).default('any'),
      glob: z.string().min(1).optional(),
      in: scopeParam().default('every'),
    })
    .strict(),
  run({ facts, snapshot }, params) {
    const inScope = params.glob ? picomatch(params.glob, { dot: true }) : () => true;
    const files = deployedDockerfiles(facts).filter((path) => inScope(path));
    const args: Evidence['args'] = { instruction: params.instruction };
    if (params.pattern) args.pattern = params.pattern;
    if (params.stage === 'final') args.stage = 'final';
    if (files.length === 0) return { status: 'fail', evidence: [], missing: [{ code: 'instruction-missing', path: '.', args, confidence: 'strong' }] };
    const regex = params.pattern ? compilePattern(params.pattern) : undefined;
    const evidence: Evidence[] = [];
    const missing: Evidence[] = [];
    let unreadable = 0;
    for (const path of files) {
      const parsed = snapshot?.dockerfile(path);
      if (!parsed || parsed.error) {
        unreadable++;
        evidence.push(notUnderstood(path, 'dockerfile-parse'));
        continue;
      }
      const finalStage = Math.max(-1, ...parsed.instructions.map((i) => i.stage));
      const found = parsed.instructions.find(
        (i) => i.keyword === params.instruction && (params.stage === 'any' || i.stage === finalStage) && (!regex || regex.test(i.args.slice(0, 1000))),
      );
      if (found) evidence.push({ code: 'instruction-present', path, line: found.line, args: { instruction: params.instruction }, confidence: 'strong' });
      else missing.push({ code: 'instruction-missing', path, line: 1, args, confidence: 'strong' });
    }
    const passed = evidence.filter((e) => e.code === 'instruction-present').length;
    const status = scopedStatus(params.in, passed, missing.length, unreadable);
    return { status, evidence: evidence.slice(0, MAX_LISTED), missing: status === 'pass' ? [] : missing.slice(0, MAX_LISTED) };
  },
});

/** Valid Dockerfiles, less those that only serve examples and fixtures (weak services). */
function deployedDockerfiles(facts: Pick<Facts, 'dockerfiles' | 'services'>): string[] {
  const weakOnly = new Set(facts.services.filter((s) => s.confidence === 'weak').flatMap((s) => s.dockerfiles));
  for (const service of facts.services.filter((s) => s.confidence !== 'weak')) for (const path of service.dockerfiles) weakOnly.delete(path);
  return facts.dockerfiles.filter((d) => d.valid && !weakOnly.has(d.path)).map((d) => d.path);
}
