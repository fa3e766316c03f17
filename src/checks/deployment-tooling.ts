import { z } from 'zod';
import { defineCheck, isDecisive } from './define.js';
import { activitiesOf, toEvidence } from './ci-evidence.js';
import { ordered, toolEvidence, toolsFor, undecided } from './orchestration-evidence.js';
import type { Evidence } from '../detectors/facts.js';

export const deploymentTooling = defineCheck({
  id: 'deployment-tooling',
  description: 'Deployments go through a tool: Helm, Helmfile, Kustomize, Argo CD, Flux, Skaffold or Terraform, not hand-applied manifests.',
  howDetected:
    'Looks for Helm charts, Helmfile, Kustomize, Argo CD and Flux objects, Skaffold deploy and Terraform Kubernetes providers, and CI deploy commands. Plain manifests applied by hand make it partial; with requireGitOps only Argo CD or Flux passes.',
  reads: ['ci', 'orchestration'],
  params: () => z.object({ requireGitOps: z.boolean().default(false) }).strict(),
  run({ facts, findings }, { requireGitOps }) {
    const o = facts.orchestration;
    const tools = toolsFor(facts, 'package', 'gitops', 'deploy');
    const gitops = tools.filter((t) => t.purpose === 'gitops' && isDecisive(t));
    const evidence: Evidence[] = [
      ...tools.map((tool) => toolEvidence('deploy-tool', tool, { purpose: tool.purpose })),
      ...toolsFor(facts, 'cluster', 'orchestrator').map((tool) => toolEvidence('deploy-tool', tool, { purpose: tool.purpose })),
      ...activitiesOf(facts.ci, 'deploy').map((d) => toEvidence(d, 'ci-deploy')),
    ];
    const tooled = tools.some(isDecisive);
    // Manifests next to a tool are most likely what it applies; on their own, someone runs kubectl.
    const plain = tooled ? [] : [...new Set(o.resources.filter((r) => r.origin === 'manifest' && isDecisive(r)).map((r) => r.path))];
    if (plain.length > 0) evidence.push({ code: 'plain-manifests', path: plain[0]!, args: { files: plain.length }, confidence: 'strong' });
    if (tooled && (!requireGitOps || gitops.length > 0)) return { status: 'pass', evidence: ordered(evidence), missing: [] };
    if (tooled || evidence.some(isDecisive)) return { status: 'partial', evidence: ordered(evidence), missing: [] };
    return undecided(facts, findings, evidence);
  },
});
