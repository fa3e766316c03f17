import type { CiActivity } from '../facts.js';
import { dirOf } from '../../snapshot/paths.js';
import { found, imageBuild, type Found, type ScriptFiles } from './activity.js';
import { classifyScript } from './commands.js';
import { optionValue, parseArgs } from './shell-command.js';
import { splitCommands } from './shell.js';
import { resolveScriptPath } from './shell-paths.js';
import { asMap, asText, type YamlMap } from './values.js';
import type { Place, YamlSources } from './yaml-sources.js';

/** Task inputs whose value is an inline script, by task name in lower case. */
const INLINE_SCRIPT_INPUTS: Record<string, string> = {
  azurecli: 'inlinescript', awsshellscript: 'inlinescript', bash: 'script', cmdline: 'script', powershell: 'script', shellscript: 'script',
};
/** Tasks that deploy, with the input (if any) that must hold one of the listed commands. */
const DEPLOY_TASKS: Record<string, { input: string; values: string[] } | undefined> = {
  kubernetesmanifest: { input: 'action', values: ['deploy', 'patch', 'scale', 'promote'] },
  kubernetes: { input: 'command', values: ['apply', 'set', 'rollout', 'replace'] },
  helmdeploy: { input: 'command', values: ['upgrade', 'install'] },
  azurewebappcontainer: undefined,
  azurewebapp: undefined,
  azurermwebappdeployment: undefined,
  azurefunctionappcontainer: undefined,
  azurecontainerapps: undefined,
};

export interface TaskScope {
  sources: YamlSources;
  /** Files of the repository a glob matches. */
  filesMatching: (glob: string) => string[];
  scripts: ScriptFiles;
  at: Place;
}

/** A `- task: Name@version` step: Docker builds and pushes, deploy tasks, inline scripts. */
export function taskActivities(step: YamlMap, task: string, scope: TaskScope): CiActivity[] {
  const name = task.split('@')[0]!.trim().toLowerCase();
  const inputsMap = asMap(step.inputs) ?? {};
  const inputKey = (wanted: string) => Object.keys(inputsMap).find((key) => key.toLowerCase() === wanted);
  const input = (wanted: string) => {
    const key = inputKey(wanted);
    return key === undefined ? undefined : asText(inputsMap[key])?.trim();
  };
  const place = (activities: Found[]): CiActivity[] => activities.map((activity) => ({ ...activity, ...scope.at }));

  if (name === 'docker') return place(dockerTask(task, input, scope.filesMatching));
  if (name === 'dockercompose') {
    const action = (input('action') ?? '').toLowerCase();
    if (action === 'build services') return place([found('image-build', task, { pushes: false })]);
    if (action === 'push services') return place([found('image-push', task)]);
    return [];
  }
  if (name in DEPLOY_TASKS) {
    const rule = DEPLOY_TASKS[name];
    const value = rule === undefined ? undefined : (input(rule.input) ?? '').toLowerCase();
    return rule === undefined || rule.values.includes(value!) ? place([found('deploy', task)]) : [];
  }
  const directory = input('workingdirectory') ?? input('cwd');
  const context = { path: scope.at.path, cwd: directory === undefined ? '.' : resolveScriptPath(directory, '.'), files: scope.scripts };
  // `targetType: filePath` runs a script of the repository: followed like `run: ./ci/build.sh`.
  const file = input('filepath') ?? input('scriptpath');
  if (file !== undefined && (input('targettype') ?? input('scriptlocation') ?? 'filepath').toLowerCase().replace(/\s/g, '') !== 'inline') {
    const shell = name === 'powershell' || name === 'azurepowershell' ? 'pwsh' : 'bash';
    return classifyScript([{ text: `${shell} ${quoted(file)} ${input('arguments') ?? input('scriptarguments') ?? ''}`, line: scope.at.line }], { ...context, cwd: '.' });
  }
  const scriptInput = INLINE_SCRIPT_INPUTS[name];
  const key = scriptInput === undefined ? undefined : inputKey(scriptInput);
  if (key === undefined) return [];
  return classifyScript(scope.sources.scriptLines(inputsMap, key, scope.at), context);
}

/**
 * https://learn.microsoft.com/azure/devops/pipelines/tasks/reference/docker-v2: `command`
 * defaults to buildAndPush, `Dockerfile` to the glob `**\/Dockerfile`, `buildContext` to the
 * Dockerfile's directory. Docker@0 and @1 name things differently (`Build an image`, `imageName`).
 */
function dockerTask(task: string, input: (name: string) => string | undefined, filesMatching: TaskScope['filesMatching']): Found[] {
  const command = (input('command') ?? 'buildAndPush').toLowerCase();
  if (command === 'login') return [found('registry-login', task)];
  const image = input('repository') ?? input('imagename');
  if (command === 'push' || command === 'push an image') return [found('image-push', task, { image })];
  if (command !== 'build' && command !== 'buildandpush' && command !== 'build an image') return [];
  const dockerfile = dockerfileOf(input('dockerfile') ?? '**/Dockerfile', filesMatching);
  const contextInput = input('buildcontext');
  const context = contextInput === undefined || contextInput === '**' ? (dockerfile === undefined ? undefined : dirOf(dockerfile)) : resolveScriptPath(contextInput, '.');
  const args = splitCommands(input('arguments') ?? '').flatMap((command) => command.words);
  const target = optionValue(parseArgs(args, new Set(['--target', '--build-arg', '-t', '--tag', '-f', '--file'])), '--target');
  return imageBuild({ tool: task, context, dockerfile, image, pushes: command === 'buildandpush', target });
}

/** A Dockerfile input may be a glob; it names a file only when one file matches. */
function dockerfileOf(written: string, filesMatching: TaskScope['filesMatching']): string | undefined {
  const path = resolveScriptPath(written, '.');
  if (path === undefined || !/[*?[]/.test(path)) return path;
  const found = filesMatching(path);
  return found.length === 1 ? found[0] : undefined;
}

function quoted(path: string): string {
  return `'${path.replace(/'/g, "'\\''")}'`;
}
