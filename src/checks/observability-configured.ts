import { z } from 'zod';
import { defineCheck, isDecisive } from './define.js';
import { ordered, resourceEvidence, undecided } from './orchestration-evidence.js';
import type { Evidence } from '../detectors/facts.js';
import { isWorkload } from '../detectors/orchestration/kinds.js';
import type { Signal } from '../detectors/orchestration/types.js';

const SIGNALS = ['metrics', 'logging', 'tracing'] as const satisfies readonly Signal[];

export const observabilityConfigured = defineCheck({
  id: 'observability-configured',
  description: 'Metrics and logs are collected (Prometheus, OpenTelemetry, Loki, Fluent Bit, Vector…); health probes alone are a start.',
  howDetected:
    'Looks for metrics, logging and tracing setups (Prometheus ServiceMonitors and scrape configs, OpenTelemetry collectors, Loki, Fluent Bit, Vector, Datadog…) in manifests, charts and Compose files; health probes on workloads count as a start (partial).',
  reads: ['orchestration'],
  params: () => z.object({ signals: z.array(z.enum(SIGNALS)).nonempty().default(['metrics', 'logging']) }).strict(),
  run({ facts, findings }, { signals }) {
    const o = facts.orchestration;
    const configs: Evidence[] = o.observability.map((f) => ({
      code: 'observability-config', path: f.path, line: f.line, args: { tool: f.tool, signals: f.signals.join(', ') }, confidence: f.confidence,
    }));
    const probes = o.resources
      .filter((r) => isWorkload(r) && r.features.probes !== undefined)
      .map((r) => resourceEvidence('k8s-probes', r, {}, r.features.probes));
    const evidence = [...configs, ...probes];
    const covered = new Set(o.observability.filter(isDecisive).flatMap((f) => f.signals));
    const missing: Evidence[] = signals
      .filter((signal) => !covered.has(signal))
      .map((signal) => ({ code: 'observability-missing', path: '.', args: { signal }, confidence: 'strong' }));
    if (missing.length === 0) return { status: 'pass', evidence: ordered(evidence), missing };
    if (covered.size > 0 || probes.some(isDecisive)) return { status: 'partial', evidence: ordered(evidence), missing };
    return undecided(facts, findings, evidence);
  },
});
