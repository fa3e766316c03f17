import { z } from 'zod';
import { defineCheck } from './define.js';
import type { Evidence } from '../detectors/facts.js';
import { DEFAULT_MAX_FILE_BYTES } from '../snapshot/repo-snapshot.js';
import { exactlyOneGlob, filesMatching, globParams, globsOf, MAX_LISTED, noFileMatched, notUnderstood, ONE_GLOB, scopedStatus, scopeParam } from './file-globs.js';
import { compilePattern, firstMatchingLine, safePatternParam } from './safe-pattern.js';

export const fileContains = defineCheck({
  id: 'file-contains',
  primitive: true,
  description: 'Check primitive: files matching a glob contain a line matching a regular expression.',
  howDetected:
    'Reads each file matching the globs (text files only, at most `maxBytes` each, 256 KiB by default) and tests the pattern line by line, each line cut to 1,000 characters. Patterns that could backtrack for ever (a repeated group holding a quantifier or an alternative, backreferences) are refused when the checklist loads. `in: any` (default) needs one file to match, `in: every` all of them.',
  example: ['- check: file-contains', '  with:', '    glob: "**/Dockerfile"', '    pattern: "^HEALTHCHECK\\\\s"', '    in: every'].join('\n'),
  reads: [],
  params: () => z
    .object({
      ...globParams(),
      pattern: safePatternParam(),
      ignoreCase: z.boolean().default(false),
      maxBytes: z.number().int().positive().max(DEFAULT_MAX_FILE_BYTES).default(256 * 1024),
      in: scopeParam().default('any'),
    })
    .strict()
    .refine(exactlyOneGlob, ONE_GLOB),
  run({ snapshot }, params) {
    const globs = globsOf(params);
    const files = filesMatching(snapshot, globs);
    if (files.length === 0) return { status: 'fail', evidence: [], missing: [noFileMatched(globs)] };
    const regex = compilePattern(params.pattern, params.ignoreCase);
    const evidence: Evidence[] = [];
    const missing: Evidence[] = [];
    let unreadable = 0;
    for (const path of files) {
      const text = snapshot!.text(path);
      if (text === undefined || Buffer.byteLength(text) > params.maxBytes) {
        unreadable++;
        evidence.push(notUnderstood(path, text === undefined ? 'file-unreadable' : 'file-too-large'));
        continue;
      }
      const line = firstMatchingLine(text, regex);
      if (line !== undefined) evidence.push({ code: 'pattern-match', path, line, args: { pattern: params.pattern }, confidence: 'strong' });
      else missing.push({ code: 'pattern-missing', path, args: { pattern: params.pattern }, confidence: 'strong' });
    }
    const passed = evidence.filter((e) => e.code === 'pattern-match').length;
    const status = scopedStatus(params.in, passed, missing.length, unreadable);
    // Under `any`, one match settles it: files without one are not gaps.
    const noMatch: Evidence = { code: 'pattern-missing', path: '.', args: { glob: globs.join(', '), pattern: params.pattern }, confidence: 'strong' };
    const gaps = status === 'pass' ? [] : params.in === 'any' ? [noMatch] : missing;
    return { status, evidence: evidence.slice(0, MAX_LISTED), missing: gaps.slice(0, MAX_LISTED) };
  },
});
