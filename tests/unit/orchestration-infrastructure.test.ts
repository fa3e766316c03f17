import { detect, lines } from '../helpers/detect.js';
import { orchestrationDetector } from '../../src/detectors/orchestration/index.js';
import { composeDetector } from '../../src/detectors/compose/index.js';

/** The orchestration detector beyond Kubernetes YAML: Terraform, Nomad, ECS, observability, stateful services. */
const orchestration = (files: Record<string, string>) => detect(files, [orchestrationDetector]);
const codes = (findings: ReturnType<typeof detect>['findings']) => findings.map((f) => [f.code, f.path, f.line]);

describe('Terraform and other orchestrators', () => {
  test('Kubernetes provider resources become objects; helm_release, clusters and managed databases are noted', () => {
    const { facts } = orchestration({
      'infra/main.tf': lines(
        'resource "aws_eks_cluster" "main" {', '  name = "shop"', '}',
        'resource "kubernetes_stateful_set_v1" "db" {', '  metadata {', '    name      = "db"', '    namespace = "shop"', '  }',
        '  spec {', '    template {', '      spec {', '        container {', '          image = "postgres:16"', '        }', '      }', '    }',
        '    volume_claim_template {', '    }', '  }', '}',
        'resource "helm_release" "ingress" {', '  chart     = "ingress-nginx"', '  namespace = "ingress"', '}',
        'resource "aws_elasticache_cluster" "cache" {', '}',
      ),
    });
    const o = facts.orchestration;
    expect(o.resources.map((r) => [r.kind, r.name, r.namespace, r.line, r.origin, r.images, r.features])).toEqual([
      ['StatefulSet', 'db', 'shop', 4, 'terraform', ['postgres:16'], { 'volume-claim-templates': 17 }],
    ]);
    expect(o.tools.map((t) => [t.tool, t.purpose, t.line])).toEqual([
      ['terraform', 'cluster', 1], ['terraform', 'deploy', 4], ['ingress-nginx', 'ingress-controller', 22],
    ]);
    expect(o.chartRefs.map((r) => [r.chart, r.via, r.line])).toEqual([['ingress-nginx', 'terraform', 22]]);
    expect(o.namespaces.map((n) => [n.namespace, n.via, n.line])).toEqual([['shop', 'metadata', 4], ['ingress', 'terraform', 23]]);
    expect(o.databaseHandling.map((h) => [h.family, h.via, h.line])).toEqual([['redis', 'managed', 25], ['postgres', 'statefulset', 4]]);
  });

  test('Nomad jobs and ECS task definitions are other orchestrators; broken JSON is a finding', () => {
    const { facts, findings } = orchestration({
      'deploy/api.nomad.hcl': lines('job "api" {', '  group "api" {', '    task "api" {', '      config {', '        image = "ghcr.io/acme/api:1.0"', '      }', '    }', '  }', '}'),
      'ecs/task-definition.json': lines('{', '  "family": "web",', '  "containerDefinitions": [', '    { "name": "web", "image": "ghcr.io/acme/web:1.0" }', '  ]', '}'),
      'ecs/taskdef.json': '{ "family": ',
    });
    expect(facts.orchestration.tools.map((t) => [t.tool, t.purpose, t.name, t.images, t.path, t.line])).toEqual([
      ['nomad', 'orchestrator', 'api', ['ghcr.io/acme/api:1.0'], 'deploy/api.nomad.hcl', 1],
      ['ecs', 'orchestrator', 'web', ['ghcr.io/acme/web:1.0'], 'ecs/task-definition.json', 3],
    ]);
    expect(codes(findings)).toEqual([['json-syntax', 'ecs/taskdef.json', 1]]);
  });
});

describe('observability', () => {
  test('collector, agent and Prometheus configs, operator objects and instrumentation libraries', () => {
    const { facts } = orchestration({
      'monitoring/otel-collector.yaml': lines('receivers:', '  otlp: {}', 'exporters:', '  debug: {}', 'service:', '  pipelines:', '    traces: { receivers: [otlp], exporters: [debug] }', '    logs/app: { receivers: [otlp], exporters: [debug] }'),
      'monitoring/prometheus.yml': lines('global: {}', 'scrape_configs:', '  - job_name: api'),
      'helm/prometheus-values.yaml': lines('server: {}'),
      'logging/fluent-bit.conf': lines('[INPUT]', '    Name tail'),
      'k8s/monitor.yaml': lines('apiVersion: monitoring.coreos.com/v1', 'kind: ServiceMonitor', 'metadata: { name: api }'),
      'api/package.json': lines('{', '  "dependencies": {', '    "prom-client": "^15.0.0"', '  }', '}'),
    });
    expect(facts.orchestration.observability.map((s) => [s.tool, s.signals, s.path, s.line, s.confidence])).toEqual([
      ['prometheus-operator', ['metrics'], 'k8s/monitor.yaml', 2, 'strong'],
      ['fluent-bit', ['logging'], 'logging/fluent-bit.conf', 1, 'strong'],
      ['opentelemetry-collector', ['tracing', 'logging'], 'monitoring/otel-collector.yaml', 1, 'strong'],
      ['prometheus', ['metrics'], 'monitoring/prometheus.yml', 2, 'strong'],
      ['prometheus-client', ['metrics'], 'api/package.json', 3, 'medium'],
    ]);
  });
});

describe('stateful services', () => {
  const withCompose = (files: Record<string, string>) => detect(files, [composeDetector, orchestrationDetector]).facts.orchestration;

  test('databases run by Compose and by workloads, with or without storage', () => {
    const o = withCompose({
      'compose.yaml': lines('services:', '  api:', '    build: ./api', '  db:', '    image: postgres:16', '  cache:', '    image: redis:7-alpine'),
      'k8s/db.yaml': lines(
        'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: { name: db }', 'spec:', '  template:', '    spec:',
        '      containers: [{ name: db, image: "postgres:16" }]', '  volumeClaimTemplates:', '    - metadata: { name: data }',
        '---', 'apiVersion: apps/v1', 'kind: Deployment', 'metadata: { name: cache }', 'spec:', '  template:', '    spec:',
        '      containers: [{ name: cache, image: "redis:7" }]',
      ),
    });
    expect(o.backingServices.map((b) => [b.family, b.name, b.source, b.storage, b.path, b.line])).toEqual([
      ['postgres', 'db', 'compose', false, 'compose.yaml', 4],
      ['redis', 'cache', 'compose', false, 'compose.yaml', 6],
      ['postgres', 'db', 'kubernetes', true, 'k8s/db.yaml', 2],
      ['redis', 'cache', 'kubernetes', false, 'k8s/db.yaml', 12],
    ]);
    expect(o.databaseHandling.map((h) => [h.family, h.via, h.line])).toEqual([['postgres', 'statefulset', 2]]);
  });

  test('a managed service named in the docs, and operators', () => {
    const o = withCompose({
      'README.md': lines('# Shop', '', 'In production the database is Amazon RDS for PostgreSQL.'),
      'k8s/kafka.yaml': lines('apiVersion: kafka.strimzi.io/v1beta2', 'kind: Kafka', 'metadata: { name: events }'),
    });
    expect(o.databaseHandling.map((h) => [h.family, h.via, h.path, h.line, h.confidence])).toEqual([
      ['kafka', 'operator', 'k8s/kafka.yaml', 2, 'strong'],
      ['postgres', 'note', 'README.md', 3, 'medium'], ['mysql', 'note', 'README.md', 3, 'medium'], ['sqlserver', 'note', 'README.md', 3, 'medium'],
    ]);
  });
});
