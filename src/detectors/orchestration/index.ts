import { defineDetector } from '../define.js';
import { collectDatabases } from './databases.js';
import { scanDevTools } from './dev-tools.js';
import { chartOwnedPaths, scanHelm } from './helm.js';
import { chartName, isIngressControllerChart } from './kinds.js';
import { scanKustomizations } from './kustomize.js';
import { manifestCandidates, scanManifests } from './manifests.js';
import { scanObservability } from './observability.js';
import { scanOtherOrchestrators } from './other-orchestrators.js';
import { scanSecretsInImages } from './secrets-in-images.js';
import { scanTerraform } from './terraform.js';
import { emptyOrchestrationFacts } from './types.js';

/**
 * What the repository shows of life after `docker build`: Kubernetes manifests, Helm charts,
 * Kustomize, GitOps, other orchestrators, cluster dev tools, observability, and whether any
 * image bakes in a secret. Reads Compose and Dockerfile facts, so it runs after them.
 */
export const orchestrationDetector = defineDetector({
  id: 'orchestration',
  files: [
    '**/*.{yaml,yml} (documents with apiVersion and kind)', '**/Chart.yaml', '**/templates/**', '**/values*.yaml',
    '**/kustomization.{yaml,yml}', '**/Kustomization', '**/helmfile.yaml', '**/*.tf', '**/*.nomad', '**/task-definition*.json',
    '**/Tiltfile', '**/devspace.yaml', '**/okteto.yml', '**/prometheus.yml', '**/*collector*.yaml', '**/*.md (managed databases, dev commands)',
    '(Dockerfiles, for secrets baked into images)',
  ],
  detect(context) {
    const { snapshot } = context;
    const facts = emptyOrchestrationFacts();
    scanHelm(context, facts);
    scanKustomizations(context, facts);
    scanManifests(context, facts, manifestCandidates(snapshot, chartOwnedPaths(snapshot)));
    // Only orchestration checks read these facts, and gathering them reads hundreds of scripts,
    // READMEs and package manifests in a big repository: not when no check of this run reads them.
    // What reports findings above and below runs whatever the checklist.
    if (context.wanted('orchestration')) {
      scanTerraform(snapshot, facts);
    }
    scanOtherOrchestrators(context, facts);
    if (context.wanted('orchestration')) {
      scanDevTools(snapshot, facts);
      const compose = context.fact('compose');
      scanObservability(snapshot, facts, compose);
      collectDatabases(snapshot, facts, compose);
      for (const ref of facts.chartRefs.filter((r) => isIngressControllerChart(r.chart))) {
        facts.tools.push({ tool: chartName(ref.chart), purpose: 'ingress-controller', path: ref.path, line: ref.line, confidence: ref.confidence });
      }
    }
    scanSecretsInImages(context, facts, context.fact('dockerfiles'));
    return facts;
  },
});
