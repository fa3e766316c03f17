import { observabilityOfResource, toolOfResource } from './kinds.js';
import type { K8sResource, OrchestrationFacts } from './types.js';

/**
 * Adds a cluster object and what it tells beyond itself: the tool behind it (an Argo CD
 * Application, a SealedSecret), the signals it collects (a ServiceMonitor) and its namespace.
 */
export function recordResource(facts: OrchestrationFacts, resource: K8sResource): void {
  facts.resources.push(resource);
  const at = { path: resource.path, line: resource.line, confidence: resource.confidence };
  const apiVersion = resource.apiVersion ?? '';
  const tool = toolOfResource(apiVersion, resource.kind);
  for (const purpose of tool?.purposes ?? []) facts.tools.push({ tool: tool!.tool, purpose, name: resource.name, ...at });
  if (resource.features['vault-injection'] !== undefined) {
    facts.tools.push({ tool: 'vault-agent', purpose: 'secret-store', ...at, line: resource.features['vault-injection'] });
  }
  const observed = observabilityOfResource(apiVersion, resource.kind);
  if (observed) facts.observability.push({ tool: observed.tool, signals: observed.signals, ...at });
  if (resource.features['scrape-annotations'] !== undefined) {
    facts.observability.push({ tool: 'prometheus-annotations', signals: ['metrics'], ...at, line: resource.features['scrape-annotations'] });
  }
  if (resource.kind === 'Namespace' && resource.name) {
    facts.namespaces.push({ namespace: resource.name, via: 'namespace-resource', ...at });
  } else if (resource.namespace) {
    facts.namespaces.push({ namespace: resource.namespace, via: 'metadata', ...at });
  } else if (resource.features['release-namespace'] !== undefined) {
    facts.namespaces.push({ namespace: '{{ .Release.Namespace }}', via: 'helm', ...at, line: resource.features['release-namespace'], confidence: resource.confidence === 'weak' ? 'weak' : 'medium' });
  }
}
