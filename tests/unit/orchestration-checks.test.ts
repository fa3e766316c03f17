import { detect, lines } from '../helpers/detect.js';
import { CHECKS_BY_ID } from '../../src/checks/registry.js';
import type { CheckOutcome } from '../../src/checks/define.js';
import { loadChecklist } from '../../src/checklist/load.js';
import { evaluate } from '../../src/engine/evaluate.js';

function run(id: string, files: Record<string, string>, params: Record<string, unknown> = {}): CheckOutcome {
  const { facts, findings } = detect(files);
  const check = CHECKS_BY_ID.get(id)!;
  return check.run({ facts, findings }, check.params.parse(params));
}
const found = (outcome: CheckOutcome) => outcome.evidence.map((e) => [e.code, e.path, e.line]);
const missing = (outcome: CheckOutcome) => outcome.missing.map((e) => [e.code, e.path, e.line]);

const deployment = (name: string, image: string, ...extra: string[]) => lines(
  'apiVersion: apps/v1', 'kind: Deployment', `metadata: { name: ${name} }`, 'spec:', '  template:', '    spec:', '      containers:',
  `        - name: ${name}`, `          image: ${image}`, ...extra,
);
const SERVICES = {
  'api/package.json': '{ "name": "api", "scripts": { "start": "node server.js" } }\n',
  'api/Dockerfile': lines('FROM node:20-alpine', 'COPY . .', 'USER node', 'CMD ["node", "server.js"]'),
  'web/go.mod': lines('module example.com/web', 'go 1.23'),
  'web/Dockerfile': lines('FROM golang:1.23 AS build', 'FROM gcr.io/distroless/static:nonroot', 'COPY --from=build /app /app'),
};

describe('services-have-manifests', () => {
  test('a service with no workload naming it is missing: partial', () => {
    const outcome = run('services-have-manifests', { ...SERVICES, 'k8s/api.yaml': deployment('api', 'ghcr.io/acme/api:1.0') });
    expect(outcome.status).toBe('partial');
    expect(found(outcome)).toEqual([['k8s-workload', 'k8s/api.yaml', 2]]);
    expect(outcome.evidence[0]!.args).toMatchObject({ kind: 'Deployment', name: 'api', service: 'api' });
    expect(missing(outcome)).toEqual([['service-without-manifest', 'web/Dockerfile', undefined]]);
  });

  test('matched by image name or by chart: pass', () => {
    const outcome = run('services-have-manifests', {
      ...SERVICES,
      'k8s/backend.yaml': deployment('shop-backend', 'ghcr.io/acme/api:1.0'),
      'charts/web/Chart.yaml': lines('apiVersion: v2', 'name: web', 'version: 1.0.0'),
    });
    expect(outcome.status).toBe('pass');
    expect(found(outcome)).toEqual([['helm-chart', 'charts/web/Chart.yaml', 2], ['k8s-workload', 'k8s/backend.yaml', 2]]);
  });

  test.each([
    ['nothing', {}, 'fail', []],
    ['only examples', { 'examples/k8s/api.yaml': deployment('api', 'api:1') }, 'fail', [['k8s-workload', 'examples/k8s/api.yaml', 2]]],
    ['only a manifest that does not parse', { 'k8s/api.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata: [') }, 'unknown', [['config-not-understood', 'k8s/api.yaml', 4]]],
  ])('%s', (_name, files, status, evidence) => {
    const outcome = run('services-have-manifests', { ...SERVICES, ...files });
    expect([outcome.status, found(outcome)]).toEqual([status, evidence]);
  });
});

describe('namespaces-declared', () => {
  test.each([
    ['a Namespace object', { 'k8s/ns.yaml': lines('apiVersion: v1', 'kind: Namespace', 'metadata: { name: shop }') }, 'pass', [['k8s-namespace', 'k8s/ns.yaml', 2]], []],
    ['only the default namespace', { 'k8s/api.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: api', '  namespace: default') }, 'partial', [['k8s-namespace', 'k8s/api.yaml', 2]], [['default-namespace-only', 'k8s/api.yaml', 2]]],
    ['no namespace anywhere', { 'k8s/api.yaml': deployment('api', 'api:1') }, 'fail', [], []],
  ])('%s', (_name, files, status, evidence, absent) => {
    const outcome = run('namespaces-declared', files);
    expect([outcome.status, found(outcome), missing(outcome)]).toEqual([status, evidence, absent]);
  });
});

describe('config-and-secrets', () => {
  const CONFIG = { 'k8s/config.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: api }', 'data: { LOG_LEVEL: info }') };
  const STORE = { 'k8s/secret.yaml': lines('apiVersion: external-secrets.io/v1beta1', 'kind: ExternalSecret', 'metadata: { name: api }') };

  test('ConfigMaps and an external secret store: pass', () => {
    const outcome = run('config-and-secrets', { ...CONFIG, ...STORE });
    expect([outcome.status, found(outcome), missing(outcome)]).toEqual(['pass', [['k8s-config', 'k8s/config.yaml', 2], ['secret-store', 'k8s/secret.yaml', 2]], []]);
  });

  test('a secret baked into an image fails the check, with its Dockerfile line', () => {
    const outcome = run('config-and-secrets', { ...CONFIG, ...STORE, Dockerfile: lines('FROM node:20', 'ENV STRIPE_API_KEY=sk_live_abc', 'USER node') });
    expect(outcome.status).toBe('fail');
    expect(missing(outcome)).toEqual([['secret-in-image', 'Dockerfile', 2]]);
    expect(outcome.missing[0]!.args).toMatchObject({ finding: 'dockerfile-secret-in-env', name: 'STRIPE_API_KEY' });
  });

  test('a committed literal Secret: partial, pointing at its data', () => {
    const outcome = run('config-and-secrets', { ...CONFIG, 'k8s/db.yaml': lines('apiVersion: v1', 'kind: Secret', 'metadata: { name: db }', 'stringData:', '  password: hunter2') });
    expect([outcome.status, missing(outcome)]).toEqual(['partial', [['secret-committed', 'k8s/db.yaml', 4]]]);
  });

  test('a build secret mount alone passes; nothing at all fails', () => {
    expect(run('config-and-secrets', { Dockerfile: lines('FROM node:20', 'RUN --mount=type=secret,id=npm npm ci', 'USER node') }).status).toBe('pass');
    expect(run('config-and-secrets', {}).status).toBe('fail');
  });
});

describe('ingress-configured', () => {
  const service = (type: string) => lines('apiVersion: v1', 'kind: Service', 'metadata: { name: web }', 'spec:', `  type: ${type}`);
  test.each([
    ['an Ingress', { 'k8s/ingress.yaml': lines('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: { name: shop }') }, 'pass', [['k8s-ingress', 'k8s/ingress.yaml', 2]]],
    ['a Gateway API route', { 'k8s/route.yaml': lines('apiVersion: gateway.networking.k8s.io/v1', 'kind: HTTPRoute', 'metadata: { name: shop }') }, 'pass', [['k8s-ingress', 'k8s/route.yaml', 2]]],
    ['a Traefik IngressRoute', { 'k8s/route.yaml': lines('apiVersion: traefik.io/v1alpha1', 'kind: IngressRoute', 'metadata: { name: shop }') }, 'pass', [['k8s-ingress', 'k8s/route.yaml', 2]]],
    ['only a LoadBalancer Service', { 'k8s/web.yaml': service('LoadBalancer') }, 'partial', [['service-exposed-directly', 'k8s/web.yaml', 5]]],
    ['only a controller chart', { 'helmfile.yaml': lines('releases:', '  - name: ingress', '    chart: ingress-nginx/ingress-nginx') }, 'partial', [['ingress-controller', 'helmfile.yaml', 3]]],
    ['a ClusterIP Service', { 'k8s/web.yaml': service('ClusterIP') }, 'fail', []],
  ])('%s', (_name, files, status, evidence) => {
    const outcome = run('ingress-configured', files);
    expect([outcome.status, found(outcome)]).toEqual([status, evidence]);
  });
});

describe('stateful-services-planned', () => {
  const COMPOSE = { 'compose.yaml': lines('services:', '  api:', '    build: ./api', '  db:', '    image: postgres:16') };
  const STATEFULSET = lines(
    'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: { name: db }', 'spec:', '  template:', '    spec:',
    '      containers: [{ name: db, image: "postgres:16" }]', '  volumeClaimTemplates:', '    - metadata: { name: data }',
  );
  test.each([
    ['a Compose database with no plan', {}, 'partial', [], [['database-unplanned', 'compose.yaml', 4]]],
    ['a StatefulSet with volume claims', { 'k8s/db.yaml': STATEFULSET }, 'pass', [['database-handled', 'k8s/db.yaml', 2]], []],
    ['a managed service in the README', { 'README.md': lines('# Shop', 'Production uses Cloud SQL.') }, 'pass', [['database-handled', 'README.md', 2], ['database-handled', 'README.md', 2], ['database-handled', 'README.md', 2]], []],
    ['a database Deployment without a claim', { 'k8s/db.yaml': deployment('db', 'postgres:16'), 'README.md': 'We use a managed database.\n' }, 'partial', [['database-handled', 'README.md', 1]], [['database-unplanned', 'k8s/db.yaml', 2]]],
  ])('%s', (_name, files, status, evidence, absent) => {
    const outcome = run('stateful-services-planned', { ...COMPOSE, ...files });
    expect([outcome.status, found(outcome), missing(outcome)]).toEqual([status, evidence, absent]);
  });

  test('manifests and no database: pass; nothing at all: fail', () => {
    const stateless = run('stateful-services-planned', { 'k8s/api.yaml': deployment('api', 'api:1') });
    expect([stateless.status, found(stateless)]).toEqual(['pass', [['no-databases', '.', undefined]]]);
    expect(run('stateful-services-planned', {}).status).toBe('fail');
  });
});

describe('observability-configured', () => {
  const PROBED = { 'k8s/api.yaml': deployment('api', 'api:1', '          livenessProbe: { httpGet: { path: /, port: 80 } }') };
  const MONITOR = { 'k8s/monitor.yaml': lines('apiVersion: monitoring.coreos.com/v1', 'kind: ServiceMonitor', 'metadata: { name: api }') };
  test.each([
    ['probes only', PROBED, {}, 'partial', [['k8s-probes', 'k8s/api.yaml', 10]], [['observability-missing', '.', undefined], ['observability-missing', '.', undefined]]],
    ['metrics and logs', { ...PROBED, ...MONITOR, 'fluent-bit.conf': '[INPUT]\n' }, {}, 'pass', [['observability-config', 'fluent-bit.conf', 1], ['k8s-probes', 'k8s/api.yaml', 10], ['observability-config', 'k8s/monitor.yaml', 2]], []],
    ['metrics, when only metrics are asked for', MONITOR, { signals: ['metrics'] }, 'pass', [['observability-config', 'k8s/monitor.yaml', 2]], []],
    ['nothing', {}, {}, 'fail', [], []],
  ])('%s', (_name, files, params, status, evidence, absent) => {
    const outcome = run('observability-configured', files, params);
    expect([outcome.status, found(outcome), missing(outcome)]).toEqual([status, evidence, absent]);
  });
});

describe('deployment-tooling', () => {
  const KUSTOMIZE = { 'deploy/kustomization.yaml': lines('resources: [api.yaml]'), 'deploy/api.yaml': deployment('api', 'api:1') };
  const ARGO = { 'gitops/app.yaml': lines('apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata: { name: shop }') };
  test.each([
    ['plain manifests only', { 'k8s/api.yaml': deployment('api', 'api:1') }, {}, 'partial', [['plain-manifests', 'k8s/api.yaml', undefined]]],
    ['Kustomize', KUSTOMIZE, {}, 'pass', [['deploy-tool', 'deploy/kustomization.yaml', 1]]],
    ['Kustomize when GitOps is required', KUSTOMIZE, { requireGitOps: true }, 'partial', [['deploy-tool', 'deploy/kustomization.yaml', 1]]],
    ['Argo CD when GitOps is required', { ...KUSTOMIZE, ...ARGO }, { requireGitOps: true }, 'pass', [['deploy-tool', 'deploy/kustomization.yaml', 1], ['deploy-tool', 'gitops/app.yaml', 2]]],
    ['nothing', {}, {}, 'fail', []],
  ])('%s', (_name, files, params, status, evidence) => {
    const outcome = run('deployment-tooling', files, params);
    expect([outcome.status, found(outcome)]).toEqual([status, evidence]);
  });
});

describe('cluster-dev-loop', () => {
  test.each([
    ['a Tiltfile', { Tiltfile: "docker_build('api', 'api')\n" }, 'pass', [['dev-loop-tool', 'Tiltfile', 1]]],
    ['a kind cluster only', { 'kind.yaml': lines('apiVersion: kind.x-k8s.io/v1alpha4', 'kind: Cluster') }, 'partial', [['local-cluster', 'kind.yaml', 2]]],
    ['a README mention only (weak)', { 'README.md': 'Run `skaffold dev`.\n' }, 'fail', [['dev-loop-tool', 'README.md', 1]]],
  ])('%s', (_name, files, status, evidence) => {
    const outcome = run('cluster-dev-loop', files);
    expect([outcome.status, found(outcome)]).toEqual([status, evidence]);
  });
});

describe('the orchestration checklist', () => {
  test('evaluates a realistic repository step by step', () => {
    const { facts, findings } = detect({
      ...SERVICES,
      'compose.yaml': lines('services:', '  api:', '    build: ./api', '  web:', '    build: ./web', '  db:', '    image: postgres:16'),
      'deploy/base/kustomization.yaml': lines('namespace: shop', 'resources: [api.yaml, web.yaml]'),
      'deploy/base/api.yaml': deployment('api', 'ghcr.io/acme/api:1.0', '          readinessProbe: { httpGet: { path: /healthz, port: 8080 } }'),
      'deploy/base/web.yaml': deployment('web', 'ghcr.io/acme/web:1.0'),
      'deploy/base/ingress.yaml': lines('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: { name: shop }'),
      Tiltfile: "k8s_yaml(kustomize('deploy/base'))\n",
    });
    const report = evaluate({ checklist: loadChecklist('orchestration'), facts, findings, rootName: 'shop', tool: { name: 'containerize-check', version: 'test' } });
    expect(report.steps.map((s) => [s.id, s.status])).toEqual([
      ['manifests', 'done'], ['namespaces', 'done'], ['config-and-secrets', 'todo'], ['ingress', 'done'],
      ['stateful-services', 'partial'], ['observability', 'partial'], ['deployment-tooling', 'done'], ['developer-experience', 'done'],
    ]);
    expect(report.summary.nextStep).toBe('config-and-secrets');
  });
});
