import { defineDetector } from '../define.js';
import type { CiFacts, CiJobFact } from '../facts.js';
import type { CiProvider } from './provider.js';
import { GITHUB_WORKFLOW_FILES, githubActions } from './github-actions.js';
import { GITLAB_CI_FILES, gitlabCi } from './gitlab-ci.js';
import { CIRCLECI_FILES, circleci } from './circleci.js';
import { JENKINS_FILES, jenkins } from './jenkins.js';
import { AZURE_PIPELINES_FILES, azurePipelines } from './azure-pipelines.js';
import { BITBUCKET_PIPELINES_FILES, bitbucketPipelines } from './bitbucket-pipelines.js';
import { TRAVIS_FILES, travis } from './travis.js';
import { DRONE_FILES, drone } from './drone.js';
import { WOODPECKER_FILES, woodpecker } from './woodpecker.js';
import { BUILDKITE_FILES, buildkite } from './buildkite.js';
import { CLOUD_BUILD_FILES, cloudBuild } from './cloud-build.js';
import { CODEBUILD_FILES, codebuild } from './codebuild.js';
import { TEKTON_FILES, tekton } from './tekton.js';
import { CODEFRESH_FILES, codefresh } from './codefresh.js';
import { EARTHLY_FILES, earthly } from './earthly.js';
import { SKAFFOLD_FILES, skaffoldConfigs } from './skaffold.js';
import { GITOPS_FILES, confirmImageUpdaters, gitops } from './gitops.js';
import { confidenceOfFile } from '../sample-paths.js';

/** One provider per system, in the order their configs are listed. */
const PROVIDERS: readonly CiProvider[] = [
  githubActions, gitlabCi, circleci, jenkins, azurePipelines, bitbucketPipelines, travis, drone, woodpecker, buildkite,
  cloudBuild, codebuild, tekton, codefresh, earthly, skaffoldConfigs, gitops,
];

/** CI configs of every system, and what their jobs do with containers. */
export const ciDetector = defineDetector({
  id: 'ci',
  files: [
    ...GITHUB_WORKFLOW_FILES, ...GITLAB_CI_FILES, ...CIRCLECI_FILES, ...JENKINS_FILES, ...AZURE_PIPELINES_FILES, ...BITBUCKET_PIPELINES_FILES,
    ...TRAVIS_FILES, ...DRONE_FILES, ...WOODPECKER_FILES, ...BUILDKITE_FILES, ...CLOUD_BUILD_FILES, ...CODEBUILD_FILES, ...TEKTON_FILES,
    ...CODEFRESH_FILES, ...EARTHLY_FILES, ...SKAFFOLD_FILES, ...GITOPS_FILES, '(scripts, Makefiles and package.json scripts that CI calls)',
  ],
  detect(context): CiFacts {
    const report = context.report.bind(context);
    // Each provider finds its files through the snapshot's name and directory index, not by testing every path.
    const results = PROVIDERS.map((provider) => provider(context.snapshot, report));
    return {
      configs: results.flatMap((result) => result.configs),
      // GitOps updaters are confirmed by builds of any system, so they are settled last.
      jobs: sortJobs(confirmImageUpdaters(results.flatMap((result) => result.jobs).map(weakenIfSample))),
    };
  },
});

/**
 * A pipeline under examples, fixtures, tests or docs (a CI tool's own test data, a tutorial) is
 * listed but never decides a step, as a Dockerfile there does not: its activities turn weak.
 */
function weakenIfSample(job: CiJobFact): CiJobFact {
  if (confidenceOfFile(job.file) !== 'weak') return job;
  return { ...job, activities: job.activities.map((activity) => ({ ...activity, confidence: 'weak' })) };
}

/** Jobs of every file, by file and then by line; a job without a line goes last in its file. */
function sortJobs(jobs: CiJobFact[]): CiJobFact[] {
  const lineKey = (job: CiJobFact) => job.line ?? Number.MAX_SAFE_INTEGER;
  return jobs.sort((a, b) => (a.file === b.file ? lineKey(a) - lineKey(b) : a.file < b.file ? -1 : 1));
}
