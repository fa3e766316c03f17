import { z } from 'zod';
import { defineCheck, isDecisive } from './define.js';
import { ordered, toolEvidence, toolsFor } from './orchestration-evidence.js';

export const clusterDevLoop = defineCheck({
  id: 'cluster-dev-loop',
  description: 'Developers can run and change the app in a cluster: Tilt, Skaffold, DevSpace, Okteto, Garden, Telepresence or mirrord, on kind, k3d or minikube.',
  howDetected:
    'Looks for dev-loop tool configs (Tiltfile, skaffold.yaml with dev profiles, devspace.yaml, okteto.yml, garden.yml, Telepresence or mirrord configs) and local cluster configs (kind, k3d, minikube) in files and scripts. A local cluster alone is partial.',
  reads: ['orchestration'],
  params: () => z.object({}).strict(),
  run({ facts }) {
    const loops = toolsFor(facts, 'dev-loop');
    const clusters = toolsFor(facts, 'local-cluster');
    const evidence = ordered([...loops.map((t) => toolEvidence('dev-loop-tool', t)), ...clusters.map((t) => toolEvidence('local-cluster', t))]);
    if (loops.some(isDecisive)) return { status: 'pass', evidence, missing: [] };
    return { status: clusters.some(isDecisive) ? 'partial' : 'fail', evidence, missing: [] };
  },
});
