import { found, imageBuild, type CommandMatcher, type Found } from './activity.js';
import { environmentAmong } from './names.js';
import { hasFlag, optionValue, optionValues, parseArgs, type ParsedArgs } from './shell-command.js';
import { resolveScriptPath } from './shell-paths.js';

const AWS_VALUES = new Set(['--region', '--profile', '--output', '--endpoint-url', '--query', '--cluster', '--service', '--task-definition', '--image-uri', '--function-name', '--cli-input-json', '--desired-count', '--service-arn', '--name', '--alias']);
const GCLOUD_VALUES = new Set(['--project', '--region', '--zone', '--image', '--tag', '-t', '--config', '--platform', '--source', '--service-account', '--account', '--format', '--pack', '--substitutions', '--timeout', '--machine-type', '--container-image', '--delivery-pipeline', '--to-target', '--images', '--skaffold-file', '--cluster', '--location']);
const AZ_VALUES = new Set(['-g', '--resource-group', '-n', '--name', '--image', '-i', '-r', '--registry', '-t', '--image-name', '--subscription', '-f', '--file', '--environment', '--source', '--docker-custom-image-name', '--container-image-name', '-o', '--output', '--query', '-p', '--plan', '--slot']);

/** Where a cloud deploy goes, from the names it is given: `--cluster staging`, `--project acme-stg`, `-a api-staging`. */
function target(parsed: ParsedArgs, options: readonly string[], ...names: Array<string | undefined>): Partial<Found> {
  const environment = environmentAmong([...options.flatMap((option) => optionValues(parsed, option)), ...names]);
  return environment === undefined ? {} : { environment };
}

/** Subcommand words of a cloud CLI, release tracks (`gcloud beta run deploy`) left out. */
function words(args: readonly string[], valueOptions: ReadonlySet<string>): string[] {
  return parseArgs(args, valueOptions).positionals.filter((word) => !['alpha', 'beta', 'preview'].includes(word));
}

export const aws: CommandMatcher = (command, state) => {
  const parsed = parseArgs(command.args, AWS_VALUES);
  const [service, operation] = words(command.args, AWS_VALUES);
  const where = target(parsed, ['--cluster', '--service', '--function-name', '--service-arn', '--profile']);
  if (service === 'ecr' && (operation === 'get-login-password' || operation === 'get-login')) return [found('registry-login', `aws ecr ${operation}`)];
  if (service === 'eks' && operation === 'update-kubeconfig') {
    state.environment = environmentAmong([optionValue(parsed, '--name'), optionValue(parsed, '--alias'), optionValue(parsed, '--profile')]) ?? state.environment;
    return [];
  }
  if (service === 'ecs' && (operation === 'update-service' || operation === 'deploy')) return [found('deploy', `aws ecs ${operation}`, where)];
  if (service === 'lambda' && operation === 'update-function-code' && command.args.some((a) => a.startsWith('--image-uri'))) return [found('deploy', 'aws lambda update-function-code', where)];
  if (service === 'apprunner' && (operation === 'start-deployment' || operation === 'update-service')) return [found('deploy', `aws apprunner ${operation}`, where)];
  return [];
};

/** https://cloud.google.com/sdk/gcloud/reference */
export const gcloud: CommandMatcher = (command, state) => {
  const parsed = parseArgs(command.args, GCLOUD_VALUES);
  const [group, verb, third, fourth] = parsed.positionals.filter((word) => !['alpha', 'beta'].includes(word));
  if (group === 'auth' && verb === 'configure-docker') return [found('registry-login', 'gcloud auth configure-docker')];
  if (group === 'container' && verb === 'clusters' && third === 'get-credentials') {
    state.environment = environmentAmong([fourth, optionValue(parsed, '--project')]) ?? state.environment;
    return [];
  }
  if (group === 'run' && verb === 'deploy') return [found('deploy', 'gcloud run deploy', target(parsed, ['--project'], third))];
  if (group === 'run' && verb === 'services' && (third === 'update' || third === 'replace')) return [found('deploy', `gcloud run services ${third}`, target(parsed, ['--project'], fourth))];
  if (group === 'compute' && verb === 'instances' && third === 'update-container') return [found('deploy', 'gcloud compute instances update-container', target(parsed, ['--project'], fourth))];
  // Cloud Deploy rolls a new release out to the pipeline's first target, usually staging: medium without --to-target.
  if (group === 'deploy' && verb === 'releases' && third === 'create') {
    const to = optionValue(parsed, '--to-target');
    return [found('deploy', 'gcloud deploy releases create', target(parsed, ['--to-target', '--delivery-pipeline', '--project']), to === undefined ? 'medium' : 'strong')];
  }
  if (group === 'builds' && verb === 'submit') {
    const source = parsed.positionals.at(-1);
    const context = source === undefined || source === 'submit' ? state.cwd : resolveScriptPath(source, state.cwd);
    const image = optionValue(parsed, '--tag', '-t');
    // Without --tag or --pack, what gets built is in cloudbuild.yaml, which may not build an image.
    const explicit = image !== undefined || parsed.values.has('--pack');
    return imageBuild({ tool: 'gcloud builds submit', context, image, pushes: explicit, confidence: explicit ? 'strong' : 'medium' });
  }
  return [];
};

/** https://learn.microsoft.com/cli/azure/reference-index */
export const az: CommandMatcher = (command, state) => {
  const parsed = parseArgs(command.args, AZ_VALUES);
  const [group, verb, third] = parsed.positionals;
  if (group === 'acr' && verb === 'login') return [found('registry-login', 'az acr login')];
  if (group === 'acr' && verb === 'build') {
    const source = parsed.positionals.at(-1);
    const context = source === undefined || source === 'build' ? undefined : resolveScriptPath(source, state.cwd);
    const file = optionValue(parsed, '-f', '--file');
    // `--file` is relative to the source directory being sent to the registry.
    const dockerfile = file === undefined || context === undefined ? undefined : resolveScriptPath(file, context);
    return imageBuild({ tool: 'az acr build', context, dockerfile, image: optionValue(parsed, '-t', '--image'), pushes: !hasFlag(parsed, '--no-push') });
  }
  const where = target(parsed, ['-n', '--name', '-g', '--resource-group', '--environment', '--slot']);
  if (group === 'aks' && verb === 'get-credentials') {
    state.environment = environmentAmong([optionValue(parsed, '-n', '--name'), optionValue(parsed, '-g', '--resource-group')]) ?? state.environment;
    return [];
  }
  if (group === 'containerapp' && (verb === 'update' || verb === 'up' || verb === 'create')) return [found('deploy', `az containerapp ${verb}`, where)];
  if (group === 'webapp' && verb !== undefined && !['list', 'show', 'log', 'browse', 'list-runtimes'].includes(verb)) {
    return [found('deploy', ['az webapp', verb, verb === 'config' ? third : undefined].filter(Boolean).join(' '), where)];
  }
  if (group === 'container' && verb === 'create') return [found('deploy', 'az container create', where)];
  return [];
};

export const heroku: CommandMatcher = (command) => {
  const parsed = parseArgs(command.args, new Set(['-a', '--app', '-r', '--remote', '--recursive']));
  const [verb] = parsed.positionals;
  if (verb === 'container:login') return [found('registry-login', 'heroku container:login')];
  return verb === 'container:push' || verb === 'container:release' ? [found('deploy', `heroku ${verb}`, target(parsed, ['-a', '--app', '-r', '--remote']))] : [];
};

/** Fly.io's CLI is installed as both `fly` and `flyctl`. */
export const fly: CommandMatcher = (command) => {
  const parsed = parseArgs(command.args, new Set(['-a', '--app', '-c', '--config', '--image', '-i', '--strategy', '-e', '--env', '--build-arg', '--dockerfile', '-t', '--access-token', '--region', '-r']));
  const [verb] = parsed.positionals;
  return verb === 'deploy' ? [found('deploy', `${command.name} deploy`, target(parsed, ['-a', '--app', '-c', '--config']))] : [];
};

/** AWS Copilot: `copilot deploy`, `copilot svc deploy`, `copilot job deploy`. */
export const copilot: CommandMatcher = (command) => {
  const parsed = parseArgs(command.args, new Set(['-n', '--name', '-e', '--env', '-a', '--app', '--tag', '--resource-tags']));
  const { positionals } = parsed;
  const where = target(parsed, ['-e', '--env', '-n', '--name']);
  if (positionals[0] === 'deploy') return [found('deploy', 'copilot deploy', where)];
  return positionals[1] === 'deploy' && ['svc', 'job', 'env'].includes(positionals[0] ?? '') ? [found('deploy', `copilot ${positionals[0]} deploy`, where)] : [];
};
