import type { DetectorContext } from '../define.js';
import { yamlSyntaxFindings } from '../../findings/yaml-syntax.js';
import type { Confidence } from '../facts.js';
import type { ParsedYaml } from '../../parsers/yaml.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { featuresOf, literalSecretPath, stringAt } from './features.js';
import { confidenceOfPath, toolConfigOf } from './kinds.js';
import { isKustomization } from './kustomize.js';
import { recordResource } from './record.js';
import { scanTemplate } from './template-scan.js';
import type { K8sResource, OrchestrationFacts, ResourceFeature } from './types.js';
import { isRecord } from '../../parsers/record.js';

type Path = Array<string | number>;

/** CI and Compose files are other detectors' business; kustomizations, charts and Helmfiles have their own readers. */
const NOT_A_MANIFEST = [
  /(?:^|\/)\.(?:github|circleci|gitlab)\//,
  /(?:^|\/)(?:\.gitlab-ci|azure-pipelines|bitbucket-pipelines|\.travis|cloudbuild|buildspec|appveyor|codemagic)[\w.-]*\.ya?ml$/,
  /(?:^|\/)(?:docker-|podman-|container-)?compose(?:[.-][\w.-]+)?\.ya?ml$/,
  /(?:^|\/)(?:kustomization\.ya?ml|Chart\.ya?ml|helmfile[\w.-]*\.ya?ml)$/,
  /(?:^|\/)helmfile\.d\//,
];
const API_VERSION_LINE = /^["']?apiVersion["']?\s*:/m;
const KIND_LINE = /^["']?kind["']?\s*:/m;
/** A value or line that starts with an unquoted `{{`: a template for Helm, gomplate or envsubst-like tools, not YAML yet. */
const UNQUOTED_TEMPLATE = /^[ \t]*(?:-[ \t]+)?(?:[\w./-]+:[ \t]+)?\{\{/m;

const YAML_NAME = /\.ya?ml$/i;

export function isManifestCandidate(path: string): boolean {
  return YAML_NAME.test(path) && !NOT_A_MANIFEST.some((pattern) => pattern.test(path));
}

/** YAML files that may hold manifests, sorted; `owned` are read by another reader (chart templates and values). */
export function manifestCandidates(snapshot: RepoSnapshot, owned: ReadonlySet<string>): string[] {
  return snapshot.filesNamedLike(YAML_NAME).filter((path) => isManifestCandidate(path) && !owned.has(path) && !isKustomization(path));
}

/**
 * Every YAML document with `apiVersion` and `kind`, wherever it lives: teams keep manifests in
 * k8s/, deploy/, manifests/, .kube/ or next to each service, so no directory is assumed.
 */
export function scanManifests(context: DetectorContext, facts: OrchestrationFacts, paths: readonly string[]): void {
  const { snapshot } = context;
  for (const path of paths) {
    const text = snapshot.text(path);
    if (text === undefined || !API_VERSION_LINE.test(text) || !KIND_LINE.test(text)) continue;
    const confidence = confidenceOfPath(path);
    if (UNQUOTED_TEMPLATE.test(text)) {
      for (const resource of scanTemplate(path, text, { confidence })) recordResource(facts, resource);
      continue;
    }
    const yaml = snapshot.yaml(path);
    if (!yaml) continue;
    if (yaml.errors.length > 0) {
      for (const finding of yamlSyntaxFindings(path, yaml.errors)) context.report(finding);
      facts.unparsed.push(path);
      continue;
    }
    yaml.documents.forEach((document, index) => readDocument({ context, facts, yaml, path, confidence, docIndex: index }, document, []));
  }
}

interface DocumentScope {
  context: DetectorContext;
  facts: OrchestrationFacts;
  yaml: ParsedYaml;
  path: string;
  confidence: Confidence;
  docIndex: number;
}

function readDocument(scope: DocumentScope, document: unknown, prefix: Path): void {
  if (!isRecord(document) || typeof document.apiVersion !== 'string' || typeof document.kind !== 'string') return;
  const { apiVersion, kind } = document;
  const { facts, path, confidence } = scope;
  const lineAt = (relative: Path) => scope.yaml.lineOf([...prefix, ...relative], scope.docIndex);
  if (kind === 'List' && Array.isArray(document.items)) {
    document.items.forEach((item, index) => readDocument(scope, item, [...prefix, 'items', index]));
    return;
  }
  const line = lineAt(['kind']);
  const config = toolConfigOf(apiVersion, kind);
  if (config) {
    for (const purpose of config.purposes) facts.tools.push({ tool: config.tool, purpose, path, line, confidence });
    return;
  }
  const found = featuresOf(document, kind);
  const features: K8sResource['features'] = {};
  for (const [feature, featurePath] of Object.entries(found.features) as Array<[ResourceFeature, Path]>) features[feature] = lineAt(featurePath);
  const resource: K8sResource = {
    kind, apiVersion, path, line, origin: 'manifest', confidence, images: found.images, containers: found.containers, features,
  };
  const name = stringAt(document, 'metadata', 'name');
  const namespace = stringAt(document, 'metadata', 'namespace');
  if (name) resource.name = name;
  if (namespace) resource.namespace = namespace;
  const secretPath = kind === 'Secret' && apiVersion === 'v1' ? literalSecretPath(document) : undefined;
  if (secretPath) {
    features['literal-secret'] = lineAt(secretPath);
    scope.context.report({ code: 'k8s-secret-committed', severity: 'warning', path, line: features['literal-secret'], args: { name: name ?? '' } });
  }
  if (document.sops !== undefined) facts.tools.push({ tool: 'sops', purpose: 'secret-store', path, line: lineAt(['sops']), confidence });
  recordResource(facts, resource);
  readGitOps(facts, document, resource, lineAt);
}

/** Where Argo CD and Flux objects install charts and which namespace they target. */
function readGitOps(facts: OrchestrationFacts, document: Record<string, unknown>, resource: K8sResource, lineAt: (path: Path) => number | undefined): void {
  const at = { path: resource.path, confidence: resource.confidence };
  const api = resource.apiVersion ?? '';
  if (/^argoproj\.io\//.test(api) && /^Application(?:Set)?$/.test(resource.kind)) {
    const base: Path = resource.kind === 'ApplicationSet' ? ['spec', 'template', 'spec'] : ['spec'];
    const spec = base.reduce<unknown>((value, key) => (isRecord(value) ? value[key as string] : undefined), document);
    const namespace = stringAt(spec, 'destination', 'namespace');
    if (namespace) facts.namespaces.push({ namespace, via: 'argocd', line: lineAt([...base, 'destination', 'namespace']), ...at });
    const sources: Array<[Path, unknown]> = [];
    if (isRecord(spec)) {
      sources.push([['source'], spec.source]);
      if (Array.isArray(spec.sources)) spec.sources.forEach((source, index) => sources.push([['sources', index], source]));
    }
    for (const [key, source] of sources) {
      const chart = stringAt(source, 'chart');
      if (chart) facts.chartRefs.push({ chart, via: 'argocd', line: lineAt([...base, ...key, 'chart']), ...at });
    }
  }
  if (/\.toolkit\.fluxcd\.io\//.test(api)) {
    const namespace = stringAt(document, 'spec', 'targetNamespace');
    if (namespace) facts.namespaces.push({ namespace, via: 'flux', line: lineAt(['spec', 'targetNamespace']), ...at });
    const chart = stringAt(document, 'spec', 'chart', 'spec', 'chart');
    if (resource.kind === 'HelmRelease' && chart) facts.chartRefs.push({ chart, via: 'flux', line: lineAt(['spec', 'chart', 'spec', 'chart']), ...at });
  }
}
