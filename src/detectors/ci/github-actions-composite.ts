import type { CiActivity } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { resolveInRepo } from '../../snapshot/paths.js';
import { loadYaml, type Report } from './provider.js';
import { metadataImages, stepActivities, type StepScope } from './github-actions-steps.js';
import { asList, asMap, asText, type YamlMap } from './values.js';
import { yamlSources, type YamlConfig } from './yaml-sources.js';

// https://docs.github.com/actions/sharing-automations/creating-actions/creating-a-composite-action
/** Composite actions may use composite actions; a few levels cover real repositories. */
const MAX_DEPTH = 3;

export interface LocalActions {
  snapshot: RepoSnapshot;
  report: Report;
  /** Each action file is read (and its syntax errors reported) once, however often it is used. */
  loaded: Map<string, YamlConfig | undefined>;
}

/**
 * `uses: ./.github/actions/build` runs the steps of that composite action, with the caller's
 * `with:` (and the action's input defaults) as `${{ inputs.x }}`. Its activities carry the
 * action file's own lines. Docker and JavaScript actions run code this tool does not read.
 */
export function localActionActivities(uses: string, inputs: YamlMap, caller: StepScope, actions: LocalActions, stack: readonly string[] = []): CiActivity[] {
  const directory = resolveInRepo('.', uses.slice(2).split('@')[0]!);
  const path = directory === undefined ? undefined : ['action.yml', 'action.yaml'].map((name) => resolveInRepo(directory, name)!).find((p) => actions.snapshot.has(p));
  if (path === undefined || stack.includes(path) || stack.length >= MAX_DEPTH) return [];
  if (!actions.loaded.has(path)) actions.loaded.set(path, loadYaml(actions.snapshot, path, actions.report));
  const config = actions.loaded.get(path);
  const runs = asMap(asMap(config?.root)?.runs);
  if (!config || asText(runs?.using) !== 'composite') return [];

  const declared = asMap(asMap(config.root)?.inputs) ?? {};
  const values: Record<string, string> = {};
  for (const [name, input] of Object.entries(declared)) {
    const fallback = asText(asMap(input)?.default);
    if (fallback !== undefined) values[name] = fallback;
  }
  for (const [name, value] of Object.entries(inputs)) {
    const text = asText(value);
    if (text !== undefined) values[name] = caller.expand(text);
  }
  const sources = yamlSources([config]);
  // `${{ steps.meta.outputs.tags }}` in an action names its own metadata step, which may use its inputs.
  const metadata = metadataImages({ steps: runs!.steps });
  const withInputs = (text: string) => text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
  const expand = (text: string) => caller.expand(withInputs(text.replace(/\$\{\{\s*steps\.([\w-]+)\.outputs\.tags\s*\}\}/g, (whole, id: string) => metadata[id] ?? whole)));
  const steps = asList(runs!.steps);
  const nested = [...stack, path];
  return steps.flatMap((value, index) => {
    const step = asMap(value);
    if (!step) return [];
    const scope: StepScope = {
      ...caller,
      sources,
      cwd: '.',
      expand,
      fallback: sources.placeOf(steps, index) ?? { path, line: 1 },
      local: (next, nextInputs, nextCaller) => localActionActivities(next, nextInputs, nextCaller, actions, nested),
    };
    return stepActivities(step, scope);
  });
}
