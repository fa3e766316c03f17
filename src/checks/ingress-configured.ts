import { z } from 'zod';
import { defineCheck, isDecisive } from './define.js';
import { ordered, resourceEvidence, toolEvidence, toolsFor, undecided } from './orchestration-evidence.js';
import type { Evidence } from '../detectors/facts.js';
import { isIngress } from '../detectors/orchestration/kinds.js';

export const ingressConfigured = defineCheck({
  id: 'ingress-configured',
  description: 'Traffic reaches the services through an Ingress, a Gateway API route or a controller\'s route (IngressRoute, HTTPProxy, VirtualService…).',
  howDetected:
    'Reads Kubernetes manifests and Helm templates for Ingress, Gateway API routes and controller routes (IngressRoute, HTTPProxy, VirtualService). An installed ingress controller or a Service of type LoadBalancer/NodePort alone is partial.',
  reads: ['orchestration'],
  params: () => z.object({}).strict(),
  run({ facts, findings }) {
    const o = facts.orchestration;
    const routes = o.resources.filter(isIngress).map((r) => resourceEvidence('k8s-ingress', r));
    const controllers = toolsFor(facts, 'ingress-controller').map((tool) => toolEvidence('ingress-controller', tool));
    const exposed = o.resources
      .filter((r) => r.kind === 'Service' && (r.features['load-balancer'] ?? r.features['node-port']) !== undefined)
      .map((r) => {
        const type = r.features['load-balancer'] !== undefined ? 'LoadBalancer' : 'NodePort';
        return resourceEvidence('service-exposed-directly', r, { type }, r.features['load-balancer'] ?? r.features['node-port']);
      });
    const evidence: Evidence[] = [...routes, ...controllers, ...exposed];
    if (routes.some(isDecisive)) return { status: 'pass', evidence: ordered(evidence), missing: [] };
    if ([...controllers, ...exposed].some(isDecisive)) return { status: 'partial', evidence: ordered(evidence), missing: [] };
    return undecided(facts, findings, evidence);
  },
});
