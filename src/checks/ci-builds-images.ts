import { z } from 'zod';
import { defineCheck, isDecisive } from './define.js';
import { activitiesOf, strongestFirst, toEvidence, unreadableCi, type JobActivity } from './ci-evidence.js';
import type { Evidence } from '../detectors/facts.js';

export const ciBuildsImages = defineCheck({
  id: 'ci-builds-images',
  description: 'CI builds container images from the repository and pushes them to a registry.',
  howDetected:
    'Reads CI configs for image builds (docker build/buildx, docker/build-push-action, kaniko, buildah, Jib, ko, pack…) and pushes (docker push, push: true, --push, kaniko --destination). A build whose pipeline file never pushes is partial when requirePush is on. Pipelines under examples, fixtures, tests or docs are shown but do not count.',
  reads: ['ci'],
  params: () => z.object({ requirePush: z.boolean().default(true) }).strict(),
  run({ facts, findings }, { requirePush }) {
    const builds = activitiesOf(facts.ci, 'image-build').filter((b) => isDecisive(b.activity));
    const pushes = activitiesOf(facts.ci, 'image-push').filter((p) => isDecisive(p.activity));
    const evidence: Evidence[] = [
      ...builds.map((b) => toEvidence(b, 'ci-image-build')),
      ...pushes.map((p) => toEvidence(p, 'ci-image-push')),
      ...activitiesOf(facts.ci, 'registry-login').map((l) => toEvidence(l, 'ci-registry-login')),
    ];
    if (builds.length === 0) {
      const broken = unreadableCi(facts.ci, findings);
      return { status: broken.length > 0 ? 'unknown' : 'fail', evidence: broken, missing: [] };
    }
    // A push counts for the pipeline when it happens in the building step or anywhere in the same
    // pipeline: its file, or the files it includes (a GitLab `include:` holding the push job).
    const pipelineOf = (job: JobActivity['job']) => job.pipeline ?? job.file;
    const pushedFiles = new Set([...builds.filter((b) => b.activity.pushes).map((b) => pipelineOf(b.job)), ...pushes.map((p) => pipelineOf(p.job))]);
    const unpushed = builds.filter((b) => !b.activity.pushes && !pushedFiles.has(pipelineOf(b.job)));
    const missing = requirePush ? unpushed.map((b) => toEvidence(b, 'ci-build-without-push')) : [];
    const status = missing.length === 0 ? 'pass' : 'partial';
    return { status, evidence: strongestFirst(evidence), missing };
  },
});
