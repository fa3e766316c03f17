import { found, imageBuild, type Found } from './activity.js';
import { environmentAmong } from './names.js';
import { resolveScriptPath } from './shell-paths.js';

// Tasks of the Tekton catalog (https://github.com/tektoncd/catalog/tree/main/task) and Konflux
// (https://github.com/konflux-ci/build-definitions) that build, push or deploy, by the name a
// `taskRef` gives them. Their params are read the way the task uses them.

export type Params = Readonly<Record<string, string>>;
type TaskReader = (params: Params, tool: string) => Found[];

const param = (params: Params, ...names: string[]) => {
  for (const name of names) {
    const key = Object.keys(params).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key !== undefined && params[key] !== '') return params[key];
  }
  return undefined;
};
const isTrue = (value: string | undefined) => value?.toLowerCase() === 'true';

/** Params are paths inside the source workspace, where the repository is cloned. */
const dockerfileBuild = (pushes: (params: Params) => boolean): TaskReader => (params, tool) => {
  const context = resolveScriptPath(param(params, 'CONTEXT', 'PATH_CONTEXT', 'context') ?? '.', '.');
  const file = param(params, 'DOCKERFILE', 'dockerfile');
  const dockerfile = file === undefined ? (context === undefined ? undefined : resolveScriptPath('Dockerfile', context)) : resolveScriptPath(file, '.');
  return imageBuild({ tool, context, dockerfile, image: param(params, 'IMAGE', 'image', 'output-image'), pushes: pushes(params), target: param(params, 'TARGET_STAGE', 'TARGET') });
};
const directoryBuild = (...directoryParams: string[]): TaskReader => (params, tool) =>
  imageBuild({ tool, context: resolveScriptPath(param(params, ...directoryParams) ?? '.', '.'), image: param(params, 'IMAGE', 'APP_IMAGE', 'image'), pushes: true });
const deploy = (...targetParams: string[]): TaskReader => (params, tool) =>
  [found('deploy', tool, { environment: environmentAmong(targetParams.map((name) => param(params, name))) })];

export const CATALOG_TASKS: Record<string, TaskReader> = {
  kaniko: dockerfileBuild(() => true),
  buildah: dockerfileBuild((params) => !isTrue(param(params, 'SKIP_PUSH'))),
  'buildah-oci-ta': dockerfileBuild(() => true),
  'buildah-remote': dockerfileBuild(() => true),
  'buildah-remote-oci-ta': dockerfileBuild(() => true),
  'docker-build': dockerfileBuild(() => true),
  s2i: dockerfileBuild(() => true),
  buildpacks: directoryBuild('SOURCE_SUBPATH'),
  'buildpacks-phases': directoryBuild('SOURCE_SUBPATH'),
  'jib-maven': directoryBuild('DIRECTORY'),
  'jib-gradle': directoryBuild('DIRECTORY'),
  'helm-upgrade-from-source': deploy('release_namespace', 'release_name', 'values_file', 'overwrite_values'),
  'helm-upgrade-from-repo': deploy('release_namespace', 'release_name', 'overwrite_values'),
  'argocd-task-sync-and-wait': deploy('application-name', 'application_name'),
  'kubectl-deploy-pod': deploy('namespace', 'manifest'),
};

/** Tasks whose params hold a shell script (`script`) or the arguments of one program (`args`): read like any CI script. */
export const SCRIPT_TASKS: Record<string, { script?: string; args?: string; program?: string }> = {
  'kubernetes-actions': { script: 'script', args: 'args', program: 'kubectl' },
  'openshift-client': { script: 'SCRIPT', args: 'ARGS', program: 'oc' },
  gcloud: { args: 'ARGS', program: 'gcloud' },
  'aws-cli': { script: 'SCRIPT', args: 'ARGS', program: 'aws' },
  'helm-cli': { args: 'ARGS', program: 'helm' },
};

export function scriptParam(params: Params, name: string | undefined): string | undefined {
  return name === undefined ? undefined : param(params, name);
}
