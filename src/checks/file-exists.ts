import { z } from 'zod';
import { defineCheck } from './define.js';
import type { Evidence } from '../detectors/facts.js';
import { exactlyOneGlob, filesMatching, globParams, globsOf, MAX_LISTED, noFileMatched, ONE_GLOB } from './file-globs.js';

export const fileExists = defineCheck({
  id: 'file-exists',
  primitive: true,
  description: 'Check primitive: at least `min` files (default 1) match a glob.',
  howDetected:
    'Matches every file of the repository (after .gitignore and the config\'s exclude) against the globs, relative to the repository root: `*.md` is the root only, `**/Dockerfile` any depth. Fewer than `min` matches is partial, none is a fail.',
  example: ['- check: file-exists', '  with:', '    globs: [SECURITY.md, .github/SECURITY.md]'].join('\n'),
  reads: [],
  params: () => z
    .object({ ...globParams(), min: z.number().int().positive().default(1) })
    .strict()
    .refine(exactlyOneGlob, ONE_GLOB),
  run({ snapshot }, params) {
    const globs = globsOf(params);
    const files = filesMatching(snapshot, globs);
    const glob = globs.join(', ');
    const evidence = files.slice(0, MAX_LISTED).map((path): Evidence => ({ code: 'file-match', path, args: { glob }, confidence: 'strong' }));
    if (files.length >= params.min) return { status: 'pass', evidence, missing: [] };
    const missing = [noFileMatched(globs, params.min > 1 ? { min: params.min, found: files.length } : {})];
    return { status: files.length > 0 ? 'partial' : 'fail', evidence, missing };
  },
});
