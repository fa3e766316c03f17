import type { ComposeFileFact, Confidence } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { baseName, dirOf, unionSorted } from '../../snapshot/paths.js';
import { findLine } from '../../parsers/lines.js';
import { confidenceOfPath, observabilityOfChart } from './kinds.js';
import type { OrchestrationFacts, Signal } from './types.js';
import { isRecord } from '../../parsers/record.js';

interface FileRule {
  name: RegExp;
  tool: string;
  signals: Signal[];
  /** A line that shows the file is what its name says. */
  marker?: RegExp;
}

const CONFIG_FILES: FileRule[] = [
  { name: /^prometheus[\w.-]*\.ya?ml$/, tool: 'prometheus', signals: ['metrics'], marker: /^\s*scrape_configs\s*:/ },
  { name: /^(?:otel|otelcol|opentelemetry)[\w.-]*\.ya?ml$|collector[\w.-]*\.ya?ml$/, tool: 'opentelemetry-collector', signals: [], marker: /^\s*receivers\s*:/ },
  { name: /^(?:loki|promtail)[\w.-]*\.ya?ml$/, tool: 'loki', signals: ['logging'] },
  { name: /^fluent-?bit[\w.-]*\.(?:conf|ya?ml)$/, tool: 'fluent-bit', signals: ['logging'] },
  { name: /^fluentd?\.conf$/, tool: 'fluentd', signals: ['logging'] },
  { name: /^vector\.(?:toml|ya?ml|json)$/, tool: 'vector', signals: ['logging'] },
  { name: /\.alloy$/, tool: 'grafana-alloy', signals: ['metrics', 'logging'] },
  { name: /^datadog\.ya?ml$/, tool: 'datadog', signals: ['metrics', 'logging'] },
  { name: /^tempo[\w.-]*\.ya?ml$/, tool: 'tempo', signals: ['tracing'] },
];

/** Any of the names above, as one pattern: most file names match none, and one test each is cheaper than nine. */
const CONFIG_NAME = new RegExp(CONFIG_FILES.map((rule) => `(?:${rule.name.source})`).join('|'));

/** Images of the same tools when a Compose file runs them. */
const IMAGES: Array<[RegExp, string, Signal[]]> = [
  [/(?:^|\/)(?:prometheus|victoria-metrics)(?::|$)/, 'prometheus', ['metrics']],
  [/(?:^|\/)grafana(?::|$)/, 'grafana', ['metrics']],
  [/(?:^|\/)(?:loki|promtail|fluent-bit|fluentd|vector)(?::|$)/, 'logging', ['logging']],
  [/(?:^|\/)(?:opentelemetry-collector(?:-contrib)?|alloy)(?::|$)/, 'opentelemetry-collector', ['metrics', 'tracing']],
  [/(?:^|\/)(?:all-in-one|jaeger|tempo|zipkin)(?::|$)/, 'tracing', ['tracing']],
];

/** Libraries with which the app itself exposes metrics or traces. */
const LIBRARIES: Array<[RegExp, string, Signal[]]> = [
  [/opentelemetry/i, 'opentelemetry-sdk', ['metrics', 'tracing']],
  [/prom-client|prometheus[_-]client|client_golang|micrometer-registry-prometheus|prometheus-net|metrics-exporter-prometheus|prometheus_exporter/i, 'prometheus-client', ['metrics']],
];
const PACKAGE_MANIFEST = /^(?:package\.json|requirements[\w.-]*\.txt|pyproject\.toml|go\.mod|pom\.xml|build\.gradle(?:\.kts)?|Gemfile|Cargo\.toml|[\w.-]+\.csproj|composer\.json|mix\.exs)$/;
const MAX_MANIFESTS = 200;
/** Dashboards and provisioning files: JSON or YAML anywhere under a `grafana/` directory. */
const GRAFANA_FILE = /(?:^|\/)grafana\/.*\.(?:json|ya?ml)$/;

/**
 * Metrics, logs and traces: collector and agent configs, the same tools run by Compose or
 * installed as charts, and instrumentation libraries in the services' dependencies.
 */
export function scanObservability(snapshot: RepoSnapshot, facts: OrchestrationFacts, compose: readonly ComposeFileFact[]): void {
  const seenDirs = new Set<string>();
  for (const path of configCandidates(snapshot)) {
    const name = baseName(path);
    const rule = CONFIG_FILES.find((r) => r.name.test(name));
    const confidence = confidenceOfPath(path);
    if (rule) {
      const text = snapshot.text(path) ?? '';
      const line = rule.marker ? findLine(text, rule.marker) : 1;
      if (line === undefined) continue;
      const signals = rule.signals.length > 0 ? rule.signals : collectorSignals(snapshot, path);
      facts.observability.push({ tool: rule.tool, signals, path, line, confidence });
    } else if (GRAFANA_FILE.test(path) && !seenDirs.has(dirOf(path))) {
      seenDirs.add(dirOf(path));
      facts.observability.push({ tool: 'grafana', signals: ['metrics'], path, line: 1, confidence });
    }
  }
  for (const file of compose) {
    for (const service of file.services) {
      const rule = service.image ? IMAGES.find(([pattern]) => pattern.test(service.image!.split('@')[0]!)) : undefined;
      if (rule) facts.observability.push({ tool: rule[1], signals: rule[2], path: file.path, line: service.line, confidence: 'medium' });
    }
  }
  for (const resource of facts.resources) {
    const rule = IMAGES.find(([pattern]) => resource.images.some((image) => pattern.test(image.split('@')[0]!)));
    if (rule) facts.observability.push({ tool: rule[1], signals: rule[2], path: resource.path, line: resource.line, confidence: resource.confidence });
  }
  for (const ref of facts.chartRefs) {
    const rule = observabilityOfChart(ref.chart);
    if (rule) facts.observability.push({ tool: rule.tool, signals: rule.signals, path: ref.path, line: ref.line, confidence: ref.confidence });
  }
  const manifests = snapshot.filesNamedLike(PACKAGE_MANIFEST).slice(0, MAX_MANIFESTS);
  for (const path of manifests) {
    const text = snapshot.text(path);
    if (text === undefined) continue;
    for (const [pattern, tool, signals] of LIBRARIES) {
      const line = findLine(text, pattern);
      const confidence: Confidence = confidenceOfPath(path) === 'weak' ? 'weak' : 'medium';
      if (line) facts.observability.push({ tool, signals, path, line, confidence });
    }
  }
}

/** Files named like a collector or agent config, and JSON or YAML under a `grafana/` directory, sorted. */
function configCandidates(snapshot: RepoSnapshot): string[] {
  const underGrafana = snapshot.filesInDirectoriesLike((dir) => dir.includes('grafana') && dir.split('/').includes('grafana'));
  return unionSorted(snapshot.filesNamedLike(CONFIG_NAME), underGrafana);
}

/** Signals of an OpenTelemetry Collector: the pipelines under `service.pipelines` (`metrics`, `logs/app`…). */
function collectorSignals(snapshot: RepoSnapshot, path: string): Signal[] {
  const document = snapshot.yaml(path)?.documents[0];
  const service = isRecord(document) ? document.service : undefined;
  const pipelines = isRecord(service) && isRecord(service.pipelines) ? Object.keys(service.pipelines) : [];
  const signals = new Set<Signal>();
  for (const pipeline of pipelines) {
    const type = pipeline.split('/')[0];
    if (type === 'metrics') signals.add('metrics');
    if (type === 'logs') signals.add('logging');
    if (type === 'traces') signals.add('tracing');
  }
  return signals.size > 0 ? [...signals] : ['metrics', 'tracing'];
}
