import { z } from 'zod';
import { defineCheck, isDecisive } from './define.js';
import type { CiActivityKind, CiSystem, Evidence } from '../detectors/facts.js';
import { unreadableCi } from './ci-evidence.js';
import { MAX_LISTED } from './file-globs.js';
import { compilePattern, safePatternParam } from './safe-pattern.js';

const SYSTEMS = ['azure-pipelines', 'bitbucket-pipelines', 'circleci', 'github-actions', 'gitlab-ci', 'jenkins'] as const satisfies readonly CiSystem[];
const ACTIVITIES = ['deploy', 'image-build', 'image-push', 'job-image', 'registry-login', 'test-in-image'] as const satisfies readonly CiActivityKind[];

export const ciJobMatches = defineCheck({
  id: 'ci-job-matches',
  primitive: true,
  description: 'Check primitive: a CI job (of a given system) has a name matching a pattern and/or does a container activity.',
  howDetected:
    'Reads the CI jobs the scan found in GitHub Actions, GitLab CI, CircleCI, Jenkins, Azure Pipelines and Bitbucket Pipelines, with what each does to containers (image-build, image-push, registry-login, test-in-image, job-image, deploy). Passes when a job of `system` (any, by default) has a name matching `pattern` and an activity of kind `activity`, with strong or medium confidence, for whichever of the two are given.',
  example: ['- check: ci-job-matches', '  with:', '    system: github-actions', '    pattern: ^release', '    activity: image-push'].join('\n'),
  reads: ['ci'],
  params: () => z
    .object({ system: z.enum(SYSTEMS).optional(), pattern: safePatternParam().optional(), ignoreCase: z.boolean().default(true), activity: z.enum(ACTIVITIES).optional() })
    .strict()
    .refine((p) => p.pattern !== undefined || p.activity !== undefined, { message: 'give a pattern, an activity, or both', path: ['pattern'] }),
  run({ facts, findings }, params) {
    const name = params.pattern ? compilePattern(params.pattern, params.ignoreCase) : undefined;
    const evidence: Evidence[] = [];
    for (const job of facts.ci.jobs) {
      if (params.system && job.system !== params.system) continue;
      if (name && !name.test(job.job.slice(0, 1000))) continue;
      const activity = params.activity ? job.activities.find((a) => a.kind === params.activity && isDecisive(a)) : undefined;
      if (params.activity && !activity) continue;
      const args: Evidence['args'] = { system: job.system, job: job.job };
      if (params.activity) args.activity = params.activity;
      evidence.push({ code: 'ci-job-match', path: activity?.path ?? job.file, line: activity?.line ?? job.line, args, confidence: 'strong' });
    }
    if (evidence.length > 0) return { status: 'pass', evidence: evidence.slice(0, MAX_LISTED), missing: [] };
    const broken = unreadableCi(facts.ci, findings);
    if (broken.length > 0) return { status: 'unknown', evidence: broken, missing: [] };
    const wanted = [params.system && `in ${params.system}`, params.pattern && `named like /${params.pattern}/`, params.activity && `doing ${params.activity}`].filter(Boolean).join(', ');
    const at = facts.ci.configs.find((c) => !params.system || c.system === params.system)?.path ?? '.';
    return { status: 'fail', evidence: [], missing: [{ code: 'ci-job-missing', path: at, args: { wanted }, confidence: 'strong' }] };
  },
});
