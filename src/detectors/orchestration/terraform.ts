import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { managedFamiliesOfTerraform } from './databases.js';
import { confidenceOfPath } from './kinds.js';
import { recordResource } from './record.js';
import type { K8sResource, OrchestrationFacts, ResourceFeature } from './types.js';

const RESOURCE = /^\s*resource\s+"([\w-]+)"\s+"([\w-]+)"/;
const CLUSTER_RESOURCE = /^(?:aws_eks_cluster|google_container_cluster|azurerm_kubernetes_cluster|digitalocean_kubernetes_cluster|linode_lke_cluster|scaleway_k8s_cluster|ovh_cloud_project_kube)$/;
const CLUSTER_MODULE = /^\s*source\s*=\s*"[^"]*(?:terraform-aws-modules\/eks|kubernetes-engine|\/aks\/azurerm)\b/;
const SPECIAL_KINDS: Record<string, string> = { daemonset: 'DaemonSet', cron_job: 'CronJob', default_service_account: 'ServiceAccount' };
const BLOCK_FEATURES: Array<[RegExp, ResourceFeature]> = [
  [/^\s*(?:liveness|readiness|startup)_probe\s*\{/, 'probes'],
  [/^\s*volume_claim_template\s*\{/, 'volume-claim-templates'],
  [/^\s*persistent_volume_claim\s*\{/, 'pvc-volume'],
];

/** `kubernetes_stateful_set_v1` → `StatefulSet`, as the provider names its resources after the kinds. */
function kindOf(type: string): string | undefined {
  const match = /^kubernetes_([a-z_]+?)(?:_v\d+)?$/.exec(type);
  if (!match || match[1] === 'manifest') return undefined;
  const words = match[1]!;
  return SPECIAL_KINDS[words] ?? words.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/**
 * Terraform (`*.tf`) by pattern: Kubernetes provider resources, `helm_release`, clusters,
 * managed databases, ECS and Nomad. HCL is not parsed; a resource block ends at a `}` in column 1.
 */
export function scanTerraform(snapshot: RepoSnapshot, facts: OrchestrationFacts): void {
  for (const path of snapshot.filesNamedLike((name) => name.endsWith('.tf'))) {
    const lines = snapshot.text(path)?.split(/\r?\n/);
    if (!lines) continue;
    const confidence = confidenceOfPath(path);
    let deployLine: number | undefined;
    lines.forEach((text, index) => {
      const line = index + 1;
      if (CLUSTER_MODULE.test(text)) facts.tools.push({ tool: 'terraform', purpose: 'cluster', path, line, confidence });
      const match = RESOURCE.exec(text);
      if (!match) return;
      const [, type, label] = match as unknown as [string, string, string];
      const block = blockOf(lines, index);
      const at = { path, line, confidence };
      const kind = kindOf(type);
      if (kind) {
        deployLine ??= line;
        recordResource(facts, resourceOf(kind, label, block, index, at));
      } else if (type === 'helm_release') {
        deployLine ??= line;
        const chart = attribute(block, 'chart');
        if (chart) facts.chartRefs.push({ chart: chart.value, via: 'terraform', ...at, line: index + chart.offset + 1 });
        const namespace = attribute(block, 'namespace');
        if (namespace) facts.namespaces.push({ namespace: namespace.value, via: 'terraform', ...at, line: index + namespace.offset + 1 });
      } else if (CLUSTER_RESOURCE.test(type)) {
        facts.tools.push({ tool: 'terraform', purpose: 'cluster', name: label, ...at });
      } else if (/^aws_ecs_(?:task_definition|service)$/.test(type)) {
        facts.tools.push({ tool: 'ecs', purpose: 'orchestrator', name: label, ...at });
      } else if (/^nomad_job$/.test(type)) {
        facts.tools.push({ tool: 'nomad', purpose: 'orchestrator', name: label, ...at });
      }
      for (const family of managedFamiliesOfTerraform(type)) facts.databaseHandling.push({ family, via: 'managed', detail: type, ...at });
    });
    if (deployLine) facts.tools.push({ tool: 'terraform', purpose: 'deploy', path, line: deployLine, confidence });
  }
}

function resourceOf(kind: string, label: string, block: string[], start: number, at: { path: string; line: number; confidence: K8sResource['confidence'] }): K8sResource {
  const resource: K8sResource = { kind, origin: 'terraform', images: [], containers: [], features: {}, ...at };
  const name = attribute(block, 'name');
  resource.name = name?.value ?? label;
  const namespace = attribute(block, 'namespace');
  if (namespace && kind !== 'Namespace') resource.namespace = namespace.value;
  block.forEach((text, offset) => {
    const image = /^\s*image\s*=\s*"([^"$]+)"/.exec(text)?.[1];
    if (image) resource.images.push(image);
    for (const [pattern, feature] of BLOCK_FEATURES) if (pattern.test(text)) resource.features[feature] ??= start + offset + 1;
  });
  return resource;
}

function blockOf(lines: string[], start: number): string[] {
  const end = lines.findIndex((line, index) => index > start && /^\}/.test(line));
  return lines.slice(start, end === -1 ? lines.length : end + 1);
}

/** The first literal `key = "value"` in a block, and its line offset in the block. */
function attribute(block: string[], key: string): { value: string; offset: number } | undefined {
  const pattern = new RegExp(`^\\s*${key}\\s*=\\s*"([^"$]+)"`);
  for (const [offset, text] of block.entries()) {
    const value = pattern.exec(text)?.[1];
    if (value) return { value, offset };
  }
  return undefined;
}
