import { z } from 'zod';
import { defineCheck, isDecisive } from './define.js';
import { activitiesOf, strongestFirst, toEvidence, unreadableCi } from './ci-evidence.js';

export const ciTestsInImages = defineCheck({
  id: 'ci-tests-in-images',
  description: 'A CI job runs the tests inside (or against) an image the pipeline built.',
  howDetected:
    'Reads CI configs for a job that runs tests in an image the pipeline built: docker run of a just-built tag, docker compose run/up --exit-code-from, a build --target test, or a GitLab job whose image: is the one it built. A job that merely runs in a public image is shown as weak evidence only. Pipelines under examples, fixtures, tests or docs are shown but do not count.',
  reads: ['ci'],
  params: () => z.object({}).strict(),
  run({ facts, findings }) {
    const tests = activitiesOf(facts.ci, 'test-in-image');
    // Running in some public image (every GitLab job has one) proves nothing about the app's image.
    const jobImages = activitiesOf(facts.ci, 'job-image');
    const evidence = strongestFirst([...tests.map((t) => toEvidence(t, 'ci-test-in-image')), ...jobImages.map((j) => toEvidence(j, 'ci-job-image'))]);
    if (tests.some((t) => isDecisive(t.activity))) return { status: 'pass', evidence, missing: [] };
    const broken = unreadableCi(facts.ci, findings);
    return { status: broken.length > 0 ? 'unknown' : 'fail', evidence: [...evidence, ...broken], missing: [] };
  },
});
