import { shape } from '../shape.js';
import { lazy } from '../../lazy.js';
import type { CiActivity, CiJobFact } from '../facts.js';
import { checkShape, configsOf, loadYaml, type CiProvider } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { classifyScript } from './commands.js';
import type { ScriptFiles } from './activity.js';
import { isTestCommand, isTestName } from './names.js';
import { asList, asMap, asText, asTextList, singleEntry, variablesOf, type YamlMap } from './values.js';
import { yamlSources, type Place, type YamlConfig, type YamlSources } from './yaml-sources.js';
import { matching } from './find-files.js';

// https://buildkite.com/docs/pipelines/configure/defining-steps
export const BUILDKITE_FILES = ['.buildkite/**/*.yml', '.buildkite/**/*.yaml', 'buildkite.yml', 'buildkite.yaml', '.buildkite.yml', '.buildkite.yaml'];
const PIPELINE = /^(?:\.buildkite\/.+|\.?buildkite)\.ya?ml$/;

const pipelineSchema = lazy(() => {
  return shape.looseObject({ steps: shape.array(shape.unknown()), env: shape.record(shape.unknown()).optional() });
});

interface Scope {
  config: YamlConfig;
  sources: YamlSources;
  files: ScriptFiles;
  variables: Record<string, string>;
}

export const buildkite: CiProvider = (snapshot, report) => {
  // `.buildkite/` also holds Compose files and scripts: a pipeline is a file with top-level `steps`.
  const candidates = matching(PIPELINE, snapshot.filesIn('.'), snapshot.filesUnder('.buildkite')).filter((path) => Array.isArray(asMap(snapshot.yaml(path)?.documents[0])?.steps));
  const jobs: CiJobFact[] = [];
  for (const path of candidates) {
    const config = loadYaml(snapshot, path, report);
    if (!config || !checkShape(config, pipelineSchema(), 'Buildkite pipeline', report)) continue;
    const root = asMap(config.root)!;
    const scope: Scope = { config, sources: yamlSources([config]), files: snapshot, variables: variablesOf(root.env) };
    jobs.push(...finishPipeline(stepsOf(root.steps).map(({ step, index, list, group }) => stepDraft(scope, step, scope.sources.placeOf(list, index) ?? { path, line: 1 }, index, group))));
  }
  return { configs: configsOf('buildkite', candidates), jobs };
};

/** Command steps, out of `group:` blocks; `wait`, `block`, `input` and `trigger` steps run nothing. */
function stepsOf(value: unknown, group?: string): Array<{ step: YamlMap; index: number; list: unknown[]; group?: string }> {
  const list = asList(value);
  return list.flatMap((item, index) => {
    const step = asMap(item);
    if (!step) return [];
    if (step.group !== undefined && Array.isArray(step.steps)) return stepsOf(step.steps, asText(step.group) ?? group);
    if (step.wait !== undefined || step.block !== undefined || step.input !== undefined || step.trigger !== undefined) return [];
    return [{ step, index, list, ...(group ? { group } : {}) }];
  });
}

function stepDraft(scope: Scope, step: YamlMap, at: Place, index: number, group: string | undefined): DraftJob {
  const { config, sources } = scope;
  const label = asText(step.label) ?? asText(step.name) ?? asText(step.key) ?? `step ${index + 1}`;
  const draft: DraftJob = { system: 'buildkite', file: config.path, job: label, line: at.line, activities: [], variables: { ...scope.variables, ...variablesOf(step.env) } };
  draft.hints = [asText(step.key), group, asText(step.concurrency_group), ...asTextList(step.branches)].filter((hint): hint is string => hint !== undefined);
  const key = ['command', 'commands'].find((name) => step[name] !== undefined);
  const commandLines = key === undefined ? [] : sources.scriptLines(step, key, at);
  draft.activities.push(...classifyScript(commandLines, { path: config.path, cwd: '.', files: scope.files }));
  const testing = isTestName(label) || isTestCommand(commandLines.map((line) => line.text));
  for (const { name, settings, place } of plugins(step, sources, at)) draft.activities.push(...pluginActivities(name, settings, place, testing));
  return draft;
}

/** `plugins: [{ docker-compose#v5.2.0: {…} }]` or the older map form, by plugin name without its version. */
function plugins(step: YamlMap, sources: YamlSources, at: Place): Array<{ name: string; settings: YamlMap; place: Place }> {
  const list = step.plugins;
  const entries: Array<[string, unknown, Place]> = Array.isArray(list)
    ? list.flatMap((item, index) => {
        const entry = typeof item === 'string' ? [item, {}] as const : singleEntry(item);
        return entry ? [[entry[0], entry[1], sources.placeOf(list, index) ?? at] as [string, unknown, Place]] : [];
      })
    : Object.entries(asMap(list) ?? {}).map(([name, settings]) => [name, settings, sources.placeOf(asMap(list)!, name) ?? at] as [string, unknown, Place]);
  return entries.map(([written, settings, place]) => ({ name: written.split('#')[0]!.replace(/^.*\//, '').replace(/-buildkite-plugin$/, '').toLowerCase(), settings: asMap(settings) ?? {}, place }));
}

/**
 * https://github.com/buildkite-plugins/docker-compose-buildkite-plugin (build, push, run),
 * …/docker-buildkite-plugin (a step in an image), …/ecr-buildkite-plugin and docker-login (logins).
 */
function pluginActivities(name: string, settings: YamlMap, place: Place, testing: boolean): CiActivity[] {
  const activities: Array<Omit<CiActivity, 'path' | 'line'>> = [];
  if (name === 'docker-compose') {
    const built = asTextList(settings.build);
    const pushed = asTextList(settings.push);
    const repository = asText(settings['image-repository']);
    if (built.length > 0) activities.push({ kind: 'image-build', confidence: 'strong', tool: 'docker-compose plugin build', pushes: pushed.length > 0 || repository !== undefined, ...(repository ? { image: repository } : {}) });
    else if (pushed.length > 0) activities.push({ kind: 'image-push', confidence: 'strong', tool: 'docker-compose plugin push', image: pushed[0]!.split(':').slice(1).join(':') || pushed[0]! });
    const run = asText(settings.run);
    // The command runs in a service of the repository's Compose file, built from its own Dockerfile.
    if (run !== undefined) activities.push({ kind: 'test-in-image', confidence: testing || isTestName(run) ? 'strong' : 'medium', tool: 'docker-compose plugin run', image: run });
  } else if (name === 'docker') {
    const image = asText(settings.image);
    if (image) activities.push({ kind: 'job-image', confidence: 'weak', tool: 'docker plugin', image });
  } else if (name === 'ecr' || name === 'docker-login' || name === 'gcp-workload-identity-federation') {
    if (name !== 'ecr' || settings.login !== false) activities.push({ kind: 'registry-login', confidence: 'strong', tool: `${name} plugin` });
  } else if (name === 'docker-buildx' || name === 'kaniko') {
    activities.push({ kind: 'image-build', confidence: 'strong', tool: `${name} plugin`, pushes: settings.push !== false });
  }
  return activities.map((activity) => ({ ...activity, ...place }));
}
