import { defineDetector } from '../define.js';
import type { CiFacts, CiJobFact } from '../facts.js';
import type { CiProvider } from './provider.js';
import { GITHUB_WORKFLOW_FILES, githubActions } from './github-actions.js';
import { GITLAB_CI_FILES, gitlabCi } from './gitlab-ci.js';
import { CIRCLECI_FILES, circleci } from './circleci.js';
import { JENKINS_FILES, jenkins } from './jenkins.js';
import { AZURE_PIPELINES_FILES, azurePipelines } from './azure-pipelines.js';
import { BITBUCKET_PIPELINES_FILES, bitbucketPipelines } from './bitbucket-pipelines.js';

const PROVIDERS: readonly CiProvider[] = [githubActions, gitlabCi, circleci, jenkins, azurePipelines, bitbucketPipelines];

/** CI configs of every system, and what their jobs do with containers. */
export const ciDetector = defineDetector({
  id: 'ci',
  files: [...GITHUB_WORKFLOW_FILES, ...GITLAB_CI_FILES, ...CIRCLECI_FILES, ...JENKINS_FILES, ...AZURE_PIPELINES_FILES, ...BITBUCKET_PIPELINES_FILES],
  detect(context): CiFacts {
    const report = context.report.bind(context);
    const results = PROVIDERS.map((provider) => provider(context.snapshot, report));
    return {
      configs: results.flatMap((result) => result.configs),
      jobs: sortJobs(results.flatMap((result) => result.jobs)),
    };
  },
});

/** Jobs of every file, by file and then by line; a job without a line goes last in its file. */
function sortJobs(jobs: CiJobFact[]): CiJobFact[] {
  const lineKey = (job: CiJobFact) => job.line ?? Number.MAX_SAFE_INTEGER;
  return jobs.sort((a, b) => (a.file === b.file ? lineKey(a) - lineKey(b) : a.file < b.file ? -1 : 1));
}
