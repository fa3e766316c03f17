import { z } from 'zod';
import { defineCheck, isDecisive } from './define.js';
import { ordered, undecided } from './orchestration-evidence.js';
import type { Evidence } from '../detectors/facts.js';

export const namespacesDeclared = defineCheck({
  id: 'namespaces-declared',
  description: 'Objects go to namespaces of their own (Namespace objects, metadata, Kustomize, Helmfile, Argo CD or Flux), not to `default`.',
  howDetected:
    'Reads Namespace objects, metadata.namespace, Kustomize namespace:, Helmfile, Argo CD and Flux destinations. Objects that only ever go to default make it partial.',
  reads: ['orchestration'],
  params: () => z.object({}).strict(),
  run({ facts, findings }) {
    const refs = facts.orchestration.namespaces;
    const evidence: Evidence[] = refs.map((ref) => ({
      code: 'k8s-namespace', path: ref.path, line: ref.line, args: { namespace: ref.namespace, via: ref.via }, confidence: ref.confidence,
    }));
    const decisive = refs.filter(isDecisive);
    if (decisive.length === 0) return undecided(facts, findings, evidence);
    if (decisive.some((ref) => ref.namespace !== 'default')) return { status: 'pass', evidence: ordered(evidence), missing: [] };
    const [first] = decisive;
    const missing: Evidence[] = [{ code: 'default-namespace-only', path: first!.path, line: first!.line, args: { count: decisive.length }, confidence: 'strong' }];
    return { status: 'partial', evidence: ordered(evidence), missing };
  },
});
