import { z } from 'zod';
import { defineCheck, isDecisive } from './define.js';
import { hasOrchestration, ordered, undecided } from './orchestration-evidence.js';
import type { Evidence } from '../detectors/facts.js';
import type { BackingServiceFact } from '../detectors/orchestration/types.js';

export const statefulServicesPlanned = defineCheck({
  id: 'stateful-services-planned',
  description: 'Every database, cache or queue keeps its data: a StatefulSet with volume claims, a PVC, an operator, a chart, or a managed service.',
  howDetected:
    'Finds databases, caches and queues among Compose services and Kubernetes workloads by image, and checks each keeps its data: a StatefulSet with volume claim templates, a PVC, an operator, a chart, or a managed service named in Terraform or docs.',
  reads: ['orchestration'],
  params: () => z.object({}).strict(),
  run({ facts, findings }) {
    const o = facts.orchestration;
    const handled = o.databaseHandling.filter(isDecisive);
    const evidence: Evidence[] = o.databaseHandling.map((h) => ({
      code: 'database-handled', path: h.path, line: h.line, args: { family: h.family, via: h.via, detail: h.detail }, confidence: h.confidence,
    }));
    const covers = (family: string) => handled.some((h) => h.family === family || h.family === '*');
    const missing: Evidence[] = [];
    const seen = new Set<string>();
    for (const need of o.backingServices.filter(isDecisive)) {
      // A database in a Deployment without a claim loses its data on every restart, whatever the docs say.
      const planned = need.source === 'kubernetes' ? need.storage : covers(need.family);
      const key = `${need.source}:${need.family}:${need.path}:${need.name}`;
      if (planned || seen.has(key)) continue;
      seen.add(key);
      missing.push(unplanned(need));
    }
    if (missing.length > 0) return { status: 'partial', evidence: ordered(evidence), missing };
    if (o.backingServices.some(isDecisive) || handled.length > 0) return { status: 'pass', evidence: ordered(evidence), missing };
    if (hasOrchestration(facts)) {
      return { status: 'pass', evidence: [{ code: 'no-databases', path: '.', args: {}, confidence: 'medium' }], missing };
    }
    return undecided(facts, findings, evidence);
  },
});

function unplanned(need: BackingServiceFact): Evidence {
  return {
    code: 'database-unplanned', path: need.path, line: need.line,
    args: { family: need.family, image: need.image, name: need.name, source: need.source }, confidence: need.confidence,
  };
}
