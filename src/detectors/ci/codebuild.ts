import { shape } from '../shape.js';
import { lazy } from '../../lazy.js';
import type { CiActivity, CiJobFact } from '../facts.js';
import { checkShape, configsOf, loadYaml, type CiProvider } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { classifyScript, type ScriptLine } from './commands.js';
import { asMap, asTextList, variablesOf } from './values.js';
import { yamlSources } from './yaml-sources.js';

// https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html
export const CODEBUILD_FILES = ['**/buildspec*.yml', '**/buildspec*.yaml'];
const BUILDSPEC = /(?:^|\/)buildspec[\w.-]*\.ya?ml$/;
const PHASES = ['install', 'pre_build', 'build', 'post_build'];
/** What CodePipeline's ECS and Blue/Green deploy actions read: a buildspec writing one feeds a deploy. */
const IMAGE_DEFINITIONS = /(?:^|\/)(?:imagedefinitions|imageDetail)\.json$/;

const buildspecSchema = lazy(() => {
  const phaseSchema = shape.looseObject({ commands: shape.union([shape.array(shape.unknown()), shape.string()]).optional() }).nullable();
  return shape.looseObject({
    version: shape.union([shape.number(), shape.string()]),
    phases: shape.record(phaseSchema).optional(),
  });
});

export const codebuild: CiProvider = (snapshot, report) => {
  const paths = snapshot.filesNamedLike(BUILDSPEC);
  const jobs: CiJobFact[] = [];
  for (const path of paths) {
    const config = loadYaml(snapshot, path, report);
    if (!config || !checkShape(config, buildspecSchema(), 'CodeBuild buildspec', report)) continue;
    const root = asMap(config.root)!;
    const sources = yamlSources([config]);
    const phases = asMap(root.phases) ?? {};
    const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.ya?ml$/, '');
    const draft: DraftJob = { system: 'codebuild', file: path, job: name, line: sources.placeOf(root, 'phases')?.line ?? 1, activities: [], hints: [path], variables: variablesOf(asMap(root.env)?.variables) };
    // Since version 0.2 every command of every phase runs in one shell: a `cd` carries over.
    const lines: ScriptLine[] = PHASES.flatMap((phase) => {
      const value = asMap(phases[phase]);
      const fallback = sources.placeOf(phases, phase) ?? { path, line: 1 };
      const finallyBlock = asMap(value?.finally);
      return [...(value?.commands === undefined ? [] : sources.scriptLines(value, 'commands', fallback)), ...(finallyBlock?.commands === undefined ? [] : sources.scriptLines(finallyBlock, 'commands', fallback))];
    });
    draft.activities.push(...classifyScript(lines, { path, cwd: '.', files: snapshot }));
    draft.activities.push(...imageDefinitions(root.artifacts, sources, path));
    jobs.push(...finishPipeline([draft]));
  }
  return { configs: configsOf('codebuild', paths), jobs };
};

/**
 * `artifacts: files: [imagedefinitions.json]`: the image list CodePipeline's ECS deploy action
 * rolls out. The deploy is configured in CodePipeline, out of sight: medium, environment unknown.
 */
function imageDefinitions(artifacts: unknown, sources: ReturnType<typeof yamlSources>, path: string): CiActivity[] {
  const map = asMap(artifacts);
  const files = asTextList(map?.files);
  const index = files.findIndex((file) => IMAGE_DEFINITIONS.test(file));
  if (!map || index === -1) return [];
  const at = (Array.isArray(map.files) ? sources.placeOf(map.files, index) : sources.placeOf(map, 'files')) ?? { path, line: 1 };
  return [{ kind: 'deploy', confidence: 'medium', tool: `codepipeline ${files[index]}`, ...at }];
}
