import type { Confidence } from '../facts.js';
import type { Signal, ToolPurpose } from './types.js';
import { confidenceOfFile } from '../sample-paths.js';

/** Manifests under examples, fixtures or docs are listed but never decide a step. */
export function confidenceOfPath(path: string): Confidence {
  return confidenceOfFile(path, { docs: true });
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod', 'Rollout', 'DeploymentConfig']);

/** Knative's `Service` runs containers; the core `Service` only routes to them. */
export function isWorkload(resource: { kind: string; apiVersion?: string }): boolean {
  return WORKLOAD_KINDS.has(resource.kind) || (resource.kind === 'Service' && /^serving\.knative\.dev\//.test(resource.apiVersion ?? ''));
}

/**
 * Ingress, the Gateway API (https://gateway-api.sigs.k8s.io/) and the routing CRDs of the common
 * controllers: Traefik, Contour, Istio, Emissary, NGINX Inc., OpenShift.
 */
const INGRESS_KINDS = new Set([
  'Ingress', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute',
  'IngressRoute', 'IngressRouteTCP', 'IngressRouteUDP', 'HTTPProxy', 'VirtualService', 'Mapping', 'VirtualServer', 'Route',
]);

export function isIngress(resource: { kind: string; apiVersion?: string }): boolean {
  if (resource.kind === 'Route') return /^route\.openshift\.io\//.test(resource.apiVersion ?? '');
  return INGRESS_KINDS.has(resource.kind);
}

interface ToolRule {
  api: RegExp;
  kind?: RegExp;
  tool: string;
  purposes: ToolPurpose[];
}

/** Documents that have `apiVersion` and `kind` but configure a tool; they are not cluster objects. */
const TOOL_CONFIGS: ToolRule[] = [
  { api: /^skaffold\//, tool: 'skaffold', purposes: ['deploy', 'dev-loop'] },
  { api: /^kind\.x-k8s\.io\//, kind: /^Cluster$/, tool: 'kind', purposes: ['local-cluster'] },
  { api: /^k3d\.io\//, tool: 'k3d', purposes: ['local-cluster'] },
  { api: /^ctlptl\.dev\//, tool: 'ctlptl', purposes: ['local-cluster'] },
  { api: /^kustomize\.config\.k8s\.io\//, tool: 'kustomize', purposes: ['package'] },
  { api: /^backstage\.io\//, tool: '', purposes: [] },
  { api: /^v1$/, kind: /^Config$/, tool: '', purposes: [] },
];

/** Cluster objects that also tell which tool deploys or feeds the cluster. */
const TOOL_RESOURCES: ToolRule[] = [
  { api: /^argoproj\.io\//, kind: /^(?:Application|ApplicationSet|AppProject)$/, tool: 'argocd', purposes: ['gitops'] },
  { api: /^argoproj\.io\//, kind: /^Rollout$/, tool: 'argo-rollouts', purposes: ['deploy'] },
  { api: /\.toolkit\.fluxcd\.io\//, tool: 'flux', purposes: ['gitops'] },
  { api: /^external-secrets\.io\//, tool: 'external-secrets', purposes: ['secret-store'] },
  { api: /^bitnami\.com\//, kind: /^SealedSecret$/, tool: 'sealed-secrets', purposes: ['secret-store'] },
  { api: /^secrets-store\.csi\.x-k8s\.io\//, tool: 'secrets-store-csi', purposes: ['secret-store'] },
  { api: /^secrets\.hashicorp\.com\//, tool: 'vault-secrets-operator', purposes: ['secret-store'] },
  { api: /^onepassword\.com\//, tool: '1password-operator', purposes: ['secret-store'] },
  { api: /^isindir\.github\.com\//, kind: /^SopsSecret$/, tool: 'sops', purposes: ['secret-store'] },
];

function match(rules: ToolRule[], apiVersion: string, kind: string): ToolRule | undefined {
  return rules.find((rule) => rule.api.test(apiVersion) && (!rule.kind || rule.kind.test(kind)));
}

export function toolConfigOf(apiVersion: string, kind: string): ToolRule | undefined {
  return match(TOOL_CONFIGS, apiVersion, kind);
}

export function toolOfResource(apiVersion: string, kind: string): ToolRule | undefined {
  return match(TOOL_RESOURCES, apiVersion, kind);
}

interface SignalRule {
  pattern: RegExp;
  tool: string;
  signals: Signal[];
}

/** By `apiVersion/kind`. */
const OBSERVABILITY_RESOURCES: SignalRule[] = [
  { pattern: /^monitoring\.coreos\.com\/\S+\/(?:ServiceMonitor|PodMonitor|PrometheusRule|Probe|Prometheus)$/, tool: 'prometheus-operator', signals: ['metrics'] },
  { pattern: /^monitoring\.googleapis\.com\/\S+\/(?:Cluster)?PodMonitoring$/, tool: 'managed-prometheus', signals: ['metrics'] },
  { pattern: /^opentelemetry\.io\/\S+\/OpenTelemetryCollector$/, tool: 'opentelemetry-collector', signals: ['metrics', 'tracing'] },
  { pattern: /^opentelemetry\.io\/\S+\/Instrumentation$/, tool: 'opentelemetry', signals: ['tracing'] },
  { pattern: /^grafana\.integreatly\.org\//, tool: 'grafana-operator', signals: ['metrics'] },
  { pattern: /^logging\.(?:banzaicloud\.io|kube-logging\.dev)\//, tool: 'logging-operator', signals: ['logging'] },
  { pattern: /^fluentbit\.fluent\.io\//, tool: 'fluent-bit', signals: ['logging'] },
];

export function observabilityOfResource(apiVersion: string, kind: string): SignalRule | undefined {
  return OBSERVABILITY_RESOURCES.find((rule) => rule.pattern.test(`${apiVersion}/${kind}`));
}

/** By the chart's own name (the last path segment of `bitnami/postgresql`, `oci://…/loki`). */
const OBSERVABILITY_CHARTS: SignalRule[] = [
  { pattern: /^(?:kube-prometheus-stack|prometheus|prometheus-operator|victoria-metrics-k8s-stack|grafana)$/, tool: 'prometheus', signals: ['metrics'] },
  { pattern: /^(?:loki|loki-stack|promtail|fluent-bit|fluentd|vector|logging-operator)$/, tool: 'logging', signals: ['logging'] },
  { pattern: /^(?:alloy|k8s-monitoring|datadog|opentelemetry-collector|opentelemetry-operator)$/, tool: 'telemetry', signals: ['metrics', 'logging', 'tracing'] },
  { pattern: /^(?:tempo|jaeger|jaeger-operator)$/, tool: 'tracing', signals: ['tracing'] },
];

export function observabilityOfChart(chart: string): SignalRule | undefined {
  return OBSERVABILITY_CHARTS.find((rule) => rule.pattern.test(chartName(chart)));
}

const INGRESS_CONTROLLER_CHART = /^(?:ingress-nginx|nginx-ingress|traefik|contour|kong|haproxy-ingress|kubernetes-ingress|istiod|gateway|envoy-gateway|emissary-ingress|gateway-helm|aws-load-balancer-controller)$/;

export function isIngressControllerChart(chart: string): boolean {
  return INGRESS_CONTROLLER_CHART.test(chartName(chart));
}

/** `bitnami/postgresql`, `oci://registry/charts/redis`, `postgresql-15.2.0.tgz` → the chart's name. */
export function chartName(chart: string): string {
  const last = chart.split('/').filter(Boolean).at(-1) ?? chart;
  return last.replace(/-\d+\.\d+\.\d+.*\.tgz$/, '').toLowerCase();
}
