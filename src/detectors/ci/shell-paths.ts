import { resolveInRepo } from '../../snapshot/paths.js';

/**
 * Variables each CI system sets to the checkout directory, so `$CI_PROJECT_DIR/api` is `api`.
 * GitLab, GitHub, Bitbucket, Jenkins, CircleCI (whose default checkout is `~/project`), Tekton and Azure
 * (both `$(Build.SourcesDirectory)` macro syntax and its `BUILD_SOURCESDIRECTORY` environment form).
 */
const ROOT_VARIABLE = new RegExp(
  '^(?:' +
    [
      String.raw`\$\{?(?:CI_PROJECT_DIR|GITHUB_WORKSPACE|BITBUCKET_CLONE_DIR|WORKSPACE|CIRCLE_WORKING_DIRECTORY|BUILD_SOURCESDIRECTORY|SYSTEM_DEFAULTWORKINGDIRECTORY|BUILD_REPOSITORY_LOCALPATH)\}?`,
      String.raw`\$\{\{\s*(?:github\.workspace|env\.GITHUB_WORKSPACE)\s*\}\}`,
      String.raw`\$\((?:Build\.SourcesDirectory|System\.DefaultWorkingDirectory|Build\.Repository\.LocalPath)\)`,
      String.raw`\$\{env\.WORKSPACE\}`,
      // Tekton: the workspace the source was cloned into (https://tekton.dev/docs/pipelines/workspaces/).
      String.raw`\$\(workspaces\.[\w-]+\.path\)`,
      String.raw`~\/project`,
    ].join('|') +
    ')(?=/|$)',
  'i',
);
const CURRENT_DIRECTORY = /^(?:\$\(pwd\)|`pwd`|\$\{?PWD\}?)(?=\/|$)/;

/**
 * Repo-relative form of a path written in a CI script run from `cwd` (itself repo-relative, or
 * undefined when a `cd` went somewhere we cannot follow). Undefined when it cannot be known.
 */
export function resolveScriptPath(written: string, cwd: string | undefined): string | undefined {
  const trimmed = written.trim();
  const root = ROOT_VARIABLE.exec(trimmed);
  if (root) return resolveKnown('.', trimmed.slice(root[0].length).replace(/^\/+/, ''));
  const current = CURRENT_DIRECTORY.exec(trimmed);
  if (current) return cwd === undefined ? undefined : resolveKnown(cwd, trimmed.slice(current[0].length).replace(/^\/+/, ''));
  if (cwd === undefined) return undefined;
  return resolveKnown(cwd, trimmed);
}

function resolveKnown(from: string, relative: string): string | undefined {
  if (/[$`%]/.test(relative) || relative.startsWith('~')) return undefined;
  return resolveInRepo(from, relative);
}
