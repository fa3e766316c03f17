import { z } from 'zod';
import { defineCheck, isDecisive } from './define.js';
import { activitiesOf, strongestFirst, toEvidence, unreadableCi } from './ci-evidence.js';

const DEFAULT_ENVIRONMENTS = ['staging', 'stage', 'stg', 'qa', 'uat', 'preview', 'review', 'dev', 'development', 'test', 'testing', 'sandbox', 'integration', 'preprod', 'pre-prod', 'nonprod', 'demo'];

export const cdDeploysToStaging = defineCheck({
  id: 'cd-deploys-to-staging',
  description: 'A pipeline job deploys the built images to a non-production environment (staging, QA, preview…).',
  howDetected:
    'Reads CI/CD configs (GitHub Actions, GitLab CI, CircleCI, Jenkins, Azure, Bitbucket, Travis, Drone, Woodpecker, Buildkite, Cloud Build, CodeBuild, Tekton, Codefresh, Earthly) and the scripts they call for deploy commands and actions (kubectl set image/apply, helm upgrade, gcloud run deploy, aws ecs update-service, fly deploy…), GitOps image updaters (Argo CD Image Updater, Flux), and the environment each names (job environment, namespace, kube context, values file). Passes when one targets a non-production environment; partial when deploys go only to production or to an unnamed target. Pipelines under examples, fixtures, tests or docs are shown but do not count.',
  reads: ['ci'],
  params: () => z.object({ environments: z.array(z.string().min(1)).nonempty().default(DEFAULT_ENVIRONMENTS) }).strict(),
  run({ facts, findings }, { environments }) {
    const deploys = activitiesOf(facts.ci, 'deploy').filter((d) => isDecisive(d.activity));
    const words = environments.map((e) => e.toLowerCase());
    // `pre-prod` is one name; `shop-staging` (an Azure environment, a namespace) holds `staging`.
    const isStaging = (environment: string | undefined) =>
      environment !== undefined && [/[^a-z0-9-]+/, /[^a-z0-9]+/].some((separator) => environment.toLowerCase().split(separator).some((part) => words.includes(part)));
    const staging = deploys.filter((d) => isStaging(d.activity.environment));
    const evidence = strongestFirst(deploys.map((d) => toEvidence(d, 'ci-deploy')));
    if (staging.length > 0) return { status: 'pass', evidence, missing: [] };
    // Deploys exist but only to production or to an unnamed target: half the way there.
    if (deploys.length > 0) return { status: 'partial', evidence, missing: [] };
    const broken = unreadableCi(facts.ci, findings);
    return { status: broken.length > 0 ? 'unknown' : 'fail', evidence: broken, missing: [] };
  },
});
