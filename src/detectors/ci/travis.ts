import { shape } from '../shape.js';
import { lazy } from '../../lazy.js';
import type { CiActivity } from '../facts.js';
import { checkShape, configsOf, loadYaml, type CiProvider } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { classifyScript } from './commands.js';
import type { ScriptFiles } from './activity.js';
import { environmentAmong } from './names.js';
import { asList, asMap, asText, asTextList, type YamlMap } from './values.js';
import { yamlSources, type Place, type YamlConfig, type YamlSources } from './yaml-sources.js';

// https://docs.travis-ci.com/user/job-lifecycle/ and https://docs.travis-ci.com/user/build-stages/
export const TRAVIS_FILES = ['.travis.yml'];
const FILE = '.travis.yml';
/** Phases in the order a job runs them; `deploy` sits between before_deploy and after_deploy. */
const PHASES = ['before_install', 'install', 'before_script', 'script', 'after_success', 'after_failure', 'before_deploy', 'deploy', 'after_deploy', 'after_script'];

const configSchema = lazy(() => {
  const scriptSchema = shape.union([shape.string(), shape.boolean(), shape.array(shape.unknown())]).nullable();
  return shape.looseObject({
    services: shape.union([shape.string(), shape.array(shape.unknown())]).optional(),
    script: scriptSchema.optional(),
    jobs: shape.looseObject({ include: shape.array(shape.unknown()).optional() }).optional(),
  });
});

interface Scope {
  config: YamlConfig;
  root: YamlMap;
  sources: YamlSources;
  files: ScriptFiles;
}

export const travis: CiProvider = (snapshot, report) => {
  if (!snapshot.has(FILE)) return { configs: [], jobs: [] };
  const config = loadYaml(snapshot, FILE, report);
  if (!config || !checkShape(config, configSchema(), 'Travis CI config', report)) return { configs: configsOf('travis', [FILE]), jobs: [] };
  const root = asMap(config.root)!;
  const scope: Scope = { config, root, sources: yamlSources([config]), files: snapshot };
  const include = asList(asMap(root.jobs)?.include ?? asMap(root.matrix)?.include);
  const drafts: DraftJob[] = [];
  // The root runs as a job of the default `test` stage unless it only holds defaults for the included jobs.
  if (include.length === 0 || root.script !== undefined) drafts.push(jobDraft(scope, 'build', root, undefined));
  let stage: string | undefined;
  include.forEach((value, index) => {
    const entry = asMap(value);
    if (!entry) return;
    stage = asText(entry.stage) ?? stage;
    const name = asText(entry.name) ?? (stage ? `${stage} ${index + 1}` : `job ${index + 1}`);
    drafts.push(jobDraft(scope, name, entry, stage));
  });
  return { configs: configsOf('travis', [FILE]), jobs: finishPipeline(drafts) };
};

/** An included job runs the root's phases unless it sets its own. */
function jobDraft(scope: Scope, name: string, entry: YamlMap, stage: string | undefined): DraftJob {
  const { config, root, sources } = scope;
  const fallback: Place = sources.placeOfValue(entry) ?? { path: config.path, line: 1 };
  const line = entry === root ? 1 : fallback.line;
  const draft: DraftJob = { system: 'travis', file: config.path, job: name, line, activities: [], variables: { ...environmentOf(root.env), ...environmentOf(entry.env) } };
  draft.hints = [stage, asText(entry.name)].filter((hint): hint is string => hint !== undefined);
  const services = entry.services ?? root.services;
  if (asTextList(services).includes('docker')) draft.dockerDaemon = { via: 'services: docker', line: sources.placeOf(entry.services !== undefined ? entry : root, 'services')?.line };

  const lines = PHASES.filter((phase) => phase !== 'deploy').flatMap((phase) => {
    const owner = entry[phase] !== undefined ? entry : root;
    return owner[phase] === undefined || typeof owner[phase] === 'boolean' || owner[phase] === 'skip' ? [] : sources.scriptLines(owner, phase, fallback);
  });
  draft.activities.push(...classifyScript(lines, { path: config.path, cwd: '.', files: scope.files }));
  const deployOwner = entry.deploy !== undefined ? entry : root;
  draft.activities.push(...deployActivities(scope, deployOwner, fallback, draft));
  return draft;
}

/**
 * `deploy: { provider: script, script: ci/deploy.sh staging, on: { branch: develop } }`: the script
 * is read like any other. Other providers (npm, pages, heroku's git push) ship no image.
 */
function deployActivities(scope: Scope, owner: YamlMap, fallback: Place, draft: DraftJob): CiActivity[] {
  const deploys = Array.isArray(owner.deploy) ? owner.deploy : owner.deploy === undefined ? [] : [owner.deploy];
  return deploys.flatMap((value) => {
    const deploy = asMap(value);
    if (!deploy || asText(deploy.provider) !== 'script' || deploy.script === undefined) return [];
    const at = scope.sources.placeOf(deploy, 'script') ?? fallback;
    const on = asMap(deploy.on);
    const environment = environmentAmong([...asTextList(on?.branch), ...asTextList(on?.branches), asText(on?.condition)]);
    const activities = classifyScript(scope.sources.scriptLines(deploy, 'script', at), { path: scope.config.path, cwd: '.', files: scope.files });
    if (environment) draft.environments = [...(draft.environments ?? []), { name: environment, tool: 'deploy on branch', ...at }];
    return activities;
  });
}

/** `env: { global: ["A=b"] }`, `env: ["A=b C=d"]`, `env: { A: b }`: the variables every job gets. */
function environmentOf(value: unknown): Record<string, string> {
  const variables: Record<string, string> = {};
  const map = asMap(value);
  const items = map ? [...asList(map.global), ...asList(map.jobs), ...(map.global === undefined && map.jobs === undefined ? [map] : [])] : asList(value);
  for (const item of items) {
    const entries = asMap(item) ? Object.entries(asMap(item)!).map(([k, v]) => `${k}=${asText(v) ?? ''}`) : (asText(item) ?? '').split(/\s+/);
    for (const entry of entries) {
      const equals = entry.indexOf('=');
      if (equals > 0) variables[entry.slice(0, equals)] = entry.slice(equals + 1).replace(/^["']|["']$/g, '');
    }
  }
  return variables;
}
