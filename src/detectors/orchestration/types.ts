import type { Confidence, Location } from '../facts.js';

/** `template`: a Go-templated file (a Helm chart's templates/), scanned by pattern, never YAML-parsed. */
export type ResourceOrigin = 'manifest' | 'template' | 'terraform';

export const RESOURCE_FEATURES = [
  'probes',
  'volume-claim-templates',
  'pvc-volume',
  'scrape-annotations',
  'vault-injection',
  'load-balancer',
  'node-port',
  'literal-secret',
  'release-namespace',
] as const;

export type ResourceFeature = (typeof RESOURCE_FEATURES)[number];

/** One Kubernetes object, from a manifest, a chart template or a Terraform `kubernetes_*` resource. */
export interface K8sResource extends Location {
  kind: string;
  apiVersion?: string;
  name?: string;
  namespace?: string;
  origin: ResourceOrigin;
  /** Directory of the Helm chart a template belongs to. */
  chart?: string;
  confidence: Confidence;
  /** Container images as written; templated ones (`{{ .Values.image }}`) are left out. */
  images: string[];
  containers: string[];
  /** Line of each feature found in the object. */
  features: Partial<Record<ResourceFeature, number>>;
}

export interface HelmChartFact extends Location {
  /** Directory holding Chart.yaml. */
  dir: string;
  name: string;
  hasTemplates: boolean;
  /** `image.repository` (and `*.image.repository`) from values files, for matching services. */
  images: string[];
  confidence: Confidence;
}

export interface KustomizationFact extends Location {
  namespace?: string;
  /** `images[].name` and `newName`. */
  images: string[];
  confidence: Confidence;
}

export type ToolPurpose =
  | 'package' | 'gitops' | 'deploy' | 'cluster' | 'orchestrator'
  | 'dev-loop' | 'local-cluster' | 'secret-store' | 'ingress-controller';

/** Configuration of a tool around the cluster: Helm, Argo CD, Tilt, kind, Nomad, Sealed Secrets… */
export interface ToolFact extends Location {
  tool: string;
  purpose: ToolPurpose;
  confidence: Confidence;
  /** What it names: a release, an application, a Nomad job, an ECS family. */
  name?: string;
  images?: string[];
}

export interface NamespaceRef extends Location {
  namespace: string;
  /** `namespace-resource`, `metadata`, `kustomize`, `helmfile`, `argocd`, `flux`, `terraform`, `helm`. */
  via: string;
  confidence: Confidence;
}

/** A chart installed by something in the repository (Chart.yaml dependency, Helmfile, HelmRelease…). */
export interface ChartRef extends Location {
  chart: string;
  via: string;
  confidence: Confidence;
}

export type Signal = 'metrics' | 'logging' | 'tracing';

export interface ObservabilityFact extends Location {
  tool: string;
  signals: Signal[];
  confidence: Confidence;
}

/** A database, cache, queue or search engine the app runs with, by image. */
export interface BackingServiceFact extends Location {
  family: string;
  image: string;
  name: string;
  source: 'compose' | 'kubernetes';
  /** For Kubernetes workloads: it keeps its data on a volume claim. */
  storage: boolean;
  confidence: Confidence;
}

export type DatabaseVia = 'statefulset' | 'pvc' | 'operator' | 'chart' | 'managed' | 'note';

/** Where the repository shows how a stateful service keeps its data; family `*` for any database. */
export interface DatabaseHandling extends Location {
  family: string;
  via: DatabaseVia;
  detail: string;
  confidence: Confidence;
}

export interface OrchestrationFacts {
  resources: K8sResource[];
  charts: HelmChartFact[];
  kustomizations: KustomizationFact[];
  tools: ToolFact[];
  namespaces: NamespaceRef[];
  chartRefs: ChartRef[];
  observability: ObservabilityFact[];
  backingServices: BackingServiceFact[];
  databaseHandling: DatabaseHandling[];
  /** `RUN --mount=type=secret`: build secrets that never land in a layer. */
  buildSecrets: Location[];
  /** Files that looked like manifests but did not parse (each reported as `yaml-syntax`). */
  unparsed: string[];
}

export function emptyOrchestrationFacts(): OrchestrationFacts {
  return {
    resources: [], charts: [], kustomizations: [], tools: [], namespaces: [], chartRefs: [],
    observability: [], backingServices: [], databaseHandling: [], buildSecrets: [], unparsed: [],
  };
}
