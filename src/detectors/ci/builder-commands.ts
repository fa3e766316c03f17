import { found, imageBuild, type CommandMatcher } from './activity.js';
import { hasFlag, optionValue, parseArgs } from './shell-command.js';
import { resolveScriptPath } from './shell-paths.js';

/** Cloud Native Buildpacks: https://buildpacks.io/docs/for-platform-operators/how-to/integrate-ci/pack/cli/pack_build/ */
export const pack: CommandMatcher = (command, state) => {
  const parsed = parseArgs(command.args, new Set(['-p', '--path', '-B', '--builder', '-b', '--buildpack', '-e', '--env', '-t', '--tag', '--run-image', '--cache-image', '--descriptor', '--network']));
  const [verb, image] = parsed.positionals;
  if (verb !== 'build') return [];
  const path = optionValue(parsed, '-p', '--path');
  const context = path === undefined ? state.cwd : resolveScriptPath(path, state.cwd);
  return imageBuild({ tool: 'pack build', context, image, pushes: hasFlag(parsed, '--publish') });
};

/** https://ko.build: builds Go images and pushes them unless told to keep them local. */
export const ko: CommandMatcher = (command, state) => {
  const parsed = parseArgs(command.args, new Set(['-t', '--tags', '--platform', '--image-refs', '-B', '--base-import-paths', '--sbom', '-f', '--filename']));
  const [verb] = parsed.positionals;
  if (verb === 'apply' || verb === 'create') return [found('deploy', `ko ${verb}`)];
  if (verb !== 'build' && verb !== 'publish') return [];
  const local = parsed.flags.has('-L') || parsed.flags.has('--local') || (parsed.values.get('--push') ?? []).includes('false');
  return imageBuild({ tool: `ko ${verb}`, context: state.cwd, pushes: !local });
};

/**
 * Jib and Spring Boot build images from Maven and Gradle without a Dockerfile:
 * `jib:build` and `jib` push, `jib:dockerBuild` and `jibDockerBuild` load into the local daemon.
 */
export const javaImageBuild: CommandMatcher = (command, state) => {
  const goals = command.args.filter((arg) => !arg.startsWith('-'));
  const goal = goals.find((g) => /(?:^|:)jib(?::build|:dockerBuild|:buildTar)?$|^jib(?:DockerBuild|BuildTar)$|spring-boot:build-image$|^bootBuildImage$/.test(g));
  if (goal === undefined) return [];
  const local = /dockerBuild|DockerBuild|buildTar|BuildTar/.test(goal);
  const bootPublish = command.args.some((arg) => /^-Dspring-boot\.build-image\.publish=true$|^--publishImage$/.test(arg));
  const pushes = /build-image|bootBuildImage/.test(goal) ? bootPublish : !local;
  return imageBuild({ tool: `${command.name} ${goal}`, context: state.cwd, pushes });
};

/** crane and skopeo copy images between registries: a push of the destination. */
export const crane: CommandMatcher = (command) => {
  const parsed = parseArgs(command.args, new Set(['--platform', '-t', '--tag']));
  const [verb, second] = parsed.positionals;
  if (verb === 'auth' && second === 'login') return [found('registry-login', 'crane auth login')];
  if (verb === 'push' || verb === 'copy' || verb === 'cp') return [found('image-push', `crane ${verb}`, { image: parsed.positionals.at(-1) })];
  return [];
};

export const skopeo: CommandMatcher = (command) => {
  const parsed = parseArgs(command.args, new Set(['--src-creds', '--dest-creds', '--authfile', '--src-authfile', '--dest-authfile', '--format', '-f', '--override-os', '--override-arch', '--retry-times', '--multi-arch']));
  const [verb] = parsed.positionals;
  if (verb === 'login') return [found('registry-login', 'skopeo login')];
  const destination = parsed.positionals.at(-1);
  if ((verb === 'copy' || verb === 'sync') && destination?.startsWith('docker://')) {
    return [found('image-push', `skopeo ${verb}`, { image: destination.slice('docker://'.length) })];
  }
  return [];
};
