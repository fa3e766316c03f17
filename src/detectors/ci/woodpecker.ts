import { shape } from '../shape.js';
import { lazy } from '../../lazy.js';
import type { CiJobFact } from '../facts.js';
import { checkShape, configsOf, loadYaml, type CiProvider } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { namedSteps, serviceImages, stepDraft } from './plugin-steps.js';
import { asMap } from './values.js';
import { yamlSources, type YamlConfig } from './yaml-sources.js';
import { matching } from './find-files.js';

// https://woodpecker-ci.org/docs/usage/workflows : `.woodpecker.yml`, or one workflow per file in `.woodpecker/`.
export const WOODPECKER_FILES = ['.woodpecker.yml', '.woodpecker.yaml', '.woodpecker/*.yml', '.woodpecker/*.yaml'];
const WORKFLOW = /^(?:\.woodpecker\.ya?ml|\.woodpecker\/[^/]+\.ya?ml)$/;

const workflowSchema = lazy(() => {
  return shape.looseObject({
    steps: shape.union([shape.array(shape.unknown()), shape.record(shape.unknown())]).optional(),
    pipeline: shape.union([shape.array(shape.unknown()), shape.record(shape.unknown())]).optional(),
  });
});

export const woodpecker: CiProvider = (snapshot, report) => {
  const paths = matching(WORKFLOW, snapshot.filesIn('.'), snapshot.filesIn('.woodpecker'));
  const configs: YamlConfig[] = [];
  for (const path of paths) {
    const config = loadYaml(snapshot, path, report);
    if (config && checkShape(config, workflowSchema(), 'Woodpecker workflow', report)) configs.push(config);
  }
  // Workflows of one repository run in one pipeline: a step may use an image another workflow built.
  const sources = yamlSources(configs);
  const drafts: DraftJob[] = [];
  for (const config of configs) {
    const root = asMap(config.root)!;
    const workflow = config.path.startsWith('.woodpecker/') ? config.path.slice('.woodpecker/'.length).replace(/\.ya?ml$/, '') : '';
    const scope = { system: 'woodpecker' as const, path: config.path, sources, files: snapshot, prefix: workflow ? `${workflow} / ` : '' };
    const services = serviceImages(root.services, sources, { path: config.path, line: 1 });
    for (const { name, step, key, holder } of namedSteps(root.steps ?? root.pipeline)) {
      const draft = stepDraft(scope, name, step, sources.placeOf(holder, key) ?? { path: config.path, line: 1 });
      draft.serviceImages = services;
      drafts.push(draft);
    }
  }
  const jobs: CiJobFact[] = finishPipeline(drafts);
  return { configs: configsOf('woodpecker', paths), jobs };
};
