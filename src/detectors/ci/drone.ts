import { shape } from '../shape.js';
import { lazy } from '../../lazy.js';
import type { CiJobFact } from '../facts.js';
import { checkShape, configsOf, loadYamlDocuments, type CiProvider } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { namedSteps, promotionTargets, serviceImages, stepDraft } from './plugin-steps.js';
import { asMap, asText } from './values.js';
import { yamlSources } from './yaml-sources.js';

// https://docs.drone.io/pipeline/docker/syntax/ : one file, one pipeline per YAML document.
export const DRONE_FILES = ['.drone.yml', '.drone.yaml'];
const FILES = new Set(DRONE_FILES);

const pipelineSchema = lazy(() => {
  return shape.looseObject({
    kind: shape.string().optional(),
    name: shape.string().optional(),
    steps: shape.array(shape.looseObject({ name: shape.string().optional(), image: shape.string().optional() })).optional(),
    pipeline: shape.record(shape.unknown()).optional(),
  });
});

export const drone: CiProvider = (snapshot, report) => {
  const paths = snapshot.filesIn('.').filter((path) => FILES.has(path));
  const jobs: CiJobFact[] = [];
  for (const path of paths) {
    const configs = loadYamlDocuments(snapshot, path, report);
    if (!configs) continue;
    const sources = yamlSources(configs);
    const drafts: DraftJob[] = [];
    // Secrets, signatures and templates share the file; only pipelines run steps.
    const pipelines = configs.filter((config) => asMap(config.root) && (asMap(config.root)!.kind ?? 'pipeline') === 'pipeline');
    for (const config of pipelines) {
      const root = asMap(config.root)!;
      if (!checkShape(config, pipelineSchema(), 'Drone pipeline', report)) continue;
      const name = asText(root.name) ?? 'default';
      const prefix = pipelines.length > 1 ? `${name} / ` : '';
      const scope = { system: 'drone' as const, path, sources, files: snapshot, prefix };
      const services = serviceImages(root.services, sources, { path, line: 1 });
      // A pipeline triggered by promotions (`trigger: { event: promote, target: staging }`) deploys there.
      const targets = promotionTargets(root.trigger);
      const triggerAt = { path, line: sources.placeOf(root, 'trigger')?.line ?? 1 };
      for (const { name: stepName, step, key, holder } of namedSteps(root.steps ?? root.pipeline)) {
        const draft = stepDraft(scope, stepName, step, sources.placeOf(holder, key) ?? { path, line: 1 });
        // Services run beside every step of the pipeline.
        draft.serviceImages = services;
        if (targets.length > 0 && !draft.environments && draft.activities.some((a) => a.kind === 'deploy')) {
          draft.environments = targets.map((name) => ({ name, tool: 'trigger target', ...triggerAt }));
        }
        drafts.push(draft);
      }
    }
    jobs.push(...finishPipeline(drafts));
  }
  return { configs: configsOf('drone', paths), jobs };
};
