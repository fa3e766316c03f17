import { detect, lines } from '../helpers/detect.js';
import { orchestrationDetector } from '../../src/detectors/orchestration/index.js';
import { runDetectors } from '../../src/detectors/run.js';
import type { FactKey } from '../../src/detectors/facts.js';
import { createMemorySnapshot } from '../../src/snapshot/memory.js';

const orchestration = (files: Record<string, string>) => detect(files, [orchestrationDetector]);
const kinds = (files: Record<string, string>) =>
  orchestration(files).facts.orchestration.resources.map((r) => [r.kind, r.name, r.path, r.line, r.origin, r.confidence]);
const tools = (files: Record<string, string>) =>
  orchestration(files).facts.orchestration.tools.map((t) => [t.tool, t.purpose, t.path, t.line]);
const codes = (findings: ReturnType<typeof detect>['findings']) => findings.map((f) => [f.code, f.path, f.line]);

const DEPLOYMENT = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: api',
  '  namespace: shop',
  'spec:',
  '  template:',
  '    metadata:',
  '      annotations:',
  '        prometheus.io/scrape: "true"',
  '    spec:',
  '      containers:',
  '        - name: api',
  '          image: ghcr.io/acme/api:1.4.2',
  '          readinessProbe:',
  '            httpGet: { path: /healthz, port: 8080 }',
);

describe('Kubernetes manifests', () => {
  test('multi-document files: kind, name, namespace, images, features, each with its line', () => {
    const { facts, findings } = orchestration({
      'k8s/app.yaml': lines('apiVersion: v1', 'kind: Namespace', 'metadata: { name: shop }', '---', DEPLOYMENT.trimEnd(), '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: api-config }'),
    });
    const o = facts.orchestration;
    expect(o.resources.map((r) => [r.kind, r.name, r.namespace, r.line])).toEqual([
      ['Namespace', 'shop', undefined, 2], ['Deployment', 'api', 'shop', 6], ['ConfigMap', 'api-config', undefined, 23],
    ]);
    expect(o.resources[1]).toMatchObject({ images: ['ghcr.io/acme/api:1.4.2'], containers: ['api'], features: { probes: 19, 'scrape-annotations': 14 } });
    expect(o.namespaces.map((n) => [n.namespace, n.via, n.line])).toEqual([['shop', 'namespace-resource', 2], ['shop', 'metadata', 6]]);
    expect(o.observability.map((s) => [s.tool, s.line])).toEqual([['prometheus-annotations', 14]]);
    expect(findings).toEqual([]);
  });

  test.each([
    ['a Compose file', 'compose.yaml'],
    ['a workflow', '.github/workflows/deploy.yml'],
    ['anything under .github', '.github/k8s/app.yaml'],
    ['GitLab CI', '.gitlab-ci.yml'],
  ])('%s is never read as a manifest', (_name, path) => {
    expect(orchestration({ [path]: DEPLOYMENT }).facts.orchestration.resources).toEqual([]);
  });

  test('documents without apiVersion and kind, and non-Kubernetes kinds, are not objects', () => {
    expect(kinds({
      'mkdocs.yml': lines('site_name: docs', 'kind: book'),
      'catalog-info.yaml': lines('apiVersion: backstage.io/v1alpha1', 'kind: Component', 'metadata: { name: shop }'),
      'kubeconfig.yaml': lines('apiVersion: v1', 'kind: Config', 'clusters: []'),
    })).toEqual([]);
  });

  test('a List is read item by item', () => {
    expect(kinds({ 'all.yaml': lines('apiVersion: v1', 'kind: List', 'items:', '  - apiVersion: v1', '    kind: Service', '    metadata: { name: web }') }))
      .toEqual([['Service', 'web', 'all.yaml', 5, 'manifest', 'strong']]);
  });

  test('broken YAML is a yaml-syntax finding with its line, not a crash, and the file is noted as unparsed', () => {
    const { facts, findings } = orchestration({ 'k8s/api.yaml': lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: [api', 'spec: {}') });
    expect(codes(findings)).toEqual([['yaml-syntax', 'k8s/api.yaml', 5]]);
    expect(facts.orchestration.unparsed).toEqual(['k8s/api.yaml']);
    expect(facts.orchestration.resources).toEqual([]);
  });

  test('templated YAML outside a chart is scanned as a template, without a finding', () => {
    const { facts, findings } = orchestration({ 'deploy/api.yaml': lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: {{ .name }}', '  labels: {{ toYaml .labels }}') });
    expect(findings).toEqual([]);
    expect(facts.orchestration.resources.map((r) => [r.kind, r.origin, r.line])).toEqual([['Deployment', 'template', 2]]);
  });

  test('manifests under examples/ or tests/ are weak', () => {
    expect(kinds({ 'examples/k8s/app.yaml': DEPLOYMENT }).map((k) => k[5])).toEqual(['weak']);
  });
});

describe('secrets in manifests', () => {
  const secret = (...body: string[]) => lines('apiVersion: v1', 'kind: Secret', 'metadata: { name: db }', ...body);
  test.each([
    ['literal stringData', secret('type: Opaque', 'stringData:', '  password: hunter2'), [['k8s-secret-committed', 'k8s/secret.yaml', 5]]],
    ['literal data', secret('data:', '  password: aHVudGVyMg=='), [['k8s-secret-committed', 'k8s/secret.yaml', 4]]],
    ['placeholders for envsubst', secret('stringData:', '  password: ${DB_PASSWORD}'), []],
    ['empty values', secret('data:', '  password: ""'), []],
    ['SOPS-encrypted', secret('data:', '  password: ENC[AES256_GCM,data:abc]', 'sops:', '  version: 3.8.1'), []],
  ])('%s', (_name, text, expected) => {
    expect(codes(orchestration({ 'k8s/secret.yaml': text }).findings)).toEqual(expected);
  });

  test('SOPS, Sealed Secrets and External Secrets are noted as secret stores', () => {
    expect(tools({
      'k8s/secret.enc.yaml': secret('data:', '  password: ENC[AES256_GCM,data:abc]', 'sops:', '  version: 3.8.1'),
      'k8s/sealed.yaml': lines('apiVersion: bitnami.com/v1alpha1', 'kind: SealedSecret', 'metadata: { name: db }'),
      'k8s/external.yaml': lines('apiVersion: external-secrets.io/v1beta1', 'kind: ExternalSecret', 'metadata: { name: db }'),
    })).toEqual([
      ['external-secrets', 'secret-store', 'k8s/external.yaml', 2],
      ['sealed-secrets', 'secret-store', 'k8s/sealed.yaml', 2],
      ['sops', 'secret-store', 'k8s/secret.enc.yaml', 6],
    ]);
  });
});

describe('Helm', () => {
  const chart = {
    'charts/api/Chart.yaml': lines('apiVersion: v2', 'name: api', 'version: 0.1.0', 'dependencies:', '  - name: postgresql', '    repository: https://charts.bitnami.com/bitnami'),
    'charts/api/values.yaml': lines('image:', '  repository: ghcr.io/acme/api', 'ingress:', '  enabled: false'),
    'charts/api/templates/deployment.yaml': lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: {{ include "api.fullname" . }}',
      '  namespace: {{ .Release.Namespace }}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      '          {{- with .Values.resources }}',
      '          resources: {{- toYaml . | nindent 12 }}',
      '          {{- end }}',
      '          livenessProbe:',
      '            httpGet: { path: /, port: http }',
    ),
    'charts/api/templates/ingress.yaml': lines('{{- if .Values.ingress.enabled -}}', 'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: api', '{{- end }}'),
    'charts/api/templates/_helpers.tpl': lines('{{- define "api.fullname" -}}', 'kind: NotAnObject', '{{- end }}'),
  };

  test('templates are scanned by pattern, never YAML-parsed: no finding for Go templates', () => {
    const { facts, findings } = orchestration(chart);
    expect(findings).toEqual([]);
    const o = facts.orchestration;
    expect(o.resources.map((r) => [r.kind, r.path, r.line, r.origin, r.chart, r.confidence])).toEqual([
      ['Deployment', 'charts/api/templates/deployment.yaml', 2, 'template', 'charts/api', 'strong'],
      ['Ingress', 'charts/api/templates/ingress.yaml', 3, 'template', 'charts/api', 'weak'],
    ]);
    expect(o.resources[0]).toMatchObject({ images: [], features: { probes: 14, 'release-namespace': 5 } });
    expect(o.charts).toEqual([expect.objectContaining({ dir: 'charts/api', name: 'api', path: 'charts/api/Chart.yaml', line: 2, hasTemplates: true, images: ['ghcr.io/acme/api'] })]);
    expect(o.chartRefs.map((r) => [r.chart, r.via, r.line])).toEqual([['postgresql', 'chart-dependency', 5]]);
    expect(o.databaseHandling.map((h) => [h.family, h.via, h.line])).toEqual([['postgres', 'chart', 5]]);
    expect(o.namespaces.map((n) => [n.via, n.line, n.confidence])).toEqual([['helm', 5, 'medium']]);
  });

  test('a guarded template counts once another values file turns it on', () => {
    const { facts } = orchestration({ ...chart, 'charts/api/values-prod.yaml': lines('ingress:', '  enabled: true') });
    expect(facts.orchestration.resources.find((r) => r.kind === 'Ingress')?.confidence).toBe('strong');
  });

  test('a broken Chart.yaml is a finding; a broken template is not', () => {
    const { findings } = orchestration({ 'chart/Chart.yaml': lines('name: [api'), 'chart/templates/x.yaml': lines('kind: {{ .Values.kind') });
    expect(codes(findings)).toEqual([['yaml-syntax', 'chart/Chart.yaml', 2]]);
  });

  test('objects under templates/tests/ are weak: `helm test` hooks, not the app', () => {
    expect(kinds({
      'chart/Chart.yaml': lines('apiVersion: v2', 'name: shop', 'version: 0.1.0'),
      'chart/templates/tests/test-connection.yaml': lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: "{{ .Release.Name }}-test"'),
    })).toEqual([['Pod', undefined, 'chart/templates/tests/test-connection.yaml', 2, 'template', 'weak']]);
  });

  test('Helmfile releases name their charts and namespaces', () => {
    const { facts } = orchestration({ 'helmfile.yaml': lines('releases:', '  - name: api', '    namespace: shop', '    chart: ./charts/api', '  - name: cache', '    chart: bitnami/redis') });
    const o = facts.orchestration;
    expect(o.tools.map((t) => [t.tool, t.purpose])).toEqual([['helmfile', 'package']]);
    expect(o.chartRefs.map((r) => [r.chart, r.line])).toEqual([['./charts/api', 4], ['bitnami/redis', 6]]);
    expect(o.namespaces.map((n) => [n.namespace, n.via, n.line])).toEqual([['shop', 'helmfile', 3]]);
    expect(o.databaseHandling.map((h) => [h.family, h.via])).toEqual([['redis', 'chart']]);
  });
});

describe('Kustomize, GitOps and tool configs', () => {
  test('a kustomization: namespace, images, generated ConfigMaps and literal Secrets', () => {
    const { facts, findings } = orchestration({
      'deploy/kustomization.yaml': lines(
        'namespace: shop', 'resources: [api.yaml]', 'images:', '  - name: api', '    newName: ghcr.io/acme/api',
        'configMapGenerator:', '  - name: api-config', '    literals: [LOG_LEVEL=info]',
        'secretGenerator:', '  - name: api-secrets', '    literals: [DB_PASSWORD=hunter2]',
      ),
    });
    const o = facts.orchestration;
    expect(o.kustomizations).toEqual([expect.objectContaining({ path: 'deploy/kustomization.yaml', namespace: 'shop', images: ['api', 'ghcr.io/acme/api'] })]);
    expect(o.namespaces.map((n) => [n.namespace, n.via, n.line])).toEqual([['shop', 'kustomize', 1]]);
    expect(o.resources.map((r) => [r.kind, r.name, r.line])).toEqual([['ConfigMap', 'api-config', 7], ['Secret', 'api-secrets', 10]]);
    expect(codes(findings)).toEqual([['k8s-secret-committed', 'deploy/kustomization.yaml', 11]]);
  });

  test('Argo CD and Flux objects name the GitOps tool, the target namespace and the charts', () => {
    const { facts } = orchestration({
      'gitops/app.yaml': lines(
        'apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata: { name: shop }', 'spec:',
        '  source: { repoURL: https://charts.example.com, chart: shop }', '  destination:', '    namespace: shop-staging',
      ),
      'gitops/flux.yaml': lines(
        'apiVersion: helm.toolkit.fluxcd.io/v2', 'kind: HelmRelease', 'metadata: { name: loki }', 'spec:', '  targetNamespace: logging',
        '  chart:', '    spec:', '      chart: loki', '---', 'apiVersion: image.toolkit.fluxcd.io/v1beta2', 'kind: ImageUpdateAutomation', 'metadata: { name: shop }',
      ),
    });
    const o = facts.orchestration;
    expect(o.tools.map((t) => [t.tool, t.purpose, t.path, t.line])).toEqual([
      ['argocd', 'gitops', 'gitops/app.yaml', 2], ['flux', 'gitops', 'gitops/flux.yaml', 2], ['flux', 'gitops', 'gitops/flux.yaml', 11],
    ]);
    expect(o.namespaces.map((n) => [n.namespace, n.via, n.line])).toEqual([['shop-staging', 'argocd', 7], ['logging', 'flux', 5]]);
    expect(o.chartRefs.map((r) => [r.chart, r.via, r.line])).toEqual([['shop', 'argocd', 5], ['loki', 'flux', 8]]);
    expect(o.observability.map((s) => [s.tool, s.signals])).toEqual([['logging', ['logging']]]);
  });

  test('Skaffold, kind, k3d and dev tools are tools, not cluster objects', () => {
    const files = {
      'skaffold.yaml': lines('apiVersion: skaffold/v4beta11', 'kind: Config'),
      'kind.yaml': lines('apiVersion: kind.x-k8s.io/v1alpha4', 'kind: Cluster'),
      'k3d.yaml': lines('apiVersion: k3d.io/v1alpha5', 'kind: Simple'),
      Tiltfile: lines("docker_build('api', 'api')"),
      Makefile: lines('dev:', '\tminikube start'),
      'README.md': lines('# Shop', 'Run `telepresence intercept api` to debug.'),
    };
    expect(kinds(files)).toEqual([]);
    const o = orchestration(files).facts.orchestration;
    expect(o.tools.map((t) => [t.tool, t.purpose, t.path, t.line, t.confidence])).toEqual([
      ['k3d', 'local-cluster', 'k3d.yaml', 2, 'strong'],
      ['kind', 'local-cluster', 'kind.yaml', 2, 'strong'],
      ['skaffold', 'deploy', 'skaffold.yaml', 2, 'strong'],
      ['skaffold', 'dev-loop', 'skaffold.yaml', 2, 'strong'],
      ['tilt', 'dev-loop', 'Tiltfile', 1, 'strong'],
      ['minikube', 'local-cluster', 'Makefile', 2, 'medium'],
      ['telepresence', 'dev-loop', 'README.md', 2, 'weak'],
    ]);
  });
});

describe('when no check of the run reads orchestration facts', () => {
  // The containerization checklist reads none: a run of it skips the scans that only gather
  // these facts (dev tools in scripts and READMEs, observability, databases, Terraform), and keeps
  // every scan that reports a finding.
  const files = {
    'Dockerfile': lines('FROM node:20', 'ENV API_TOKEN=s3cr3t-value-123'),
    'k8s/secret.yaml': lines('apiVersion: v1', 'kind: Secret', 'metadata:', '  name: db', 'stringData:', '  password: hunter2hunter2'),
    'k8s/broken.yaml': lines('apiVersion: v1', 'kind: ConfigMap', 'data: [unclosed'),
    'ecs/task-definition.json': '{ "family": ',
    'README.md': lines('# Shop', '', '    kind create cluster', '    tilt up'),
    'infra/main.tf': lines('module "eks" {', '  source = "terraform-aws-modules/eks/aws"', '}'),
    'package.json': JSON.stringify({ name: 'shop', dependencies: { 'prom-client': '^15.0.0' } }),
    'compose.yaml': lines('services:', '  db:', '    image: postgres:16'),
  };
  const everyFactBut = (left: string) => new Set(['compose', 'ci', 'dockerfiles', 'imageBuilders', 'services', 'devEnvironment', 'orchestration'].filter((key) => key !== left) as FactKey[]);
  const full = runDetectors(createMemorySnapshot(files));
  const lean = runDetectors(createMemorySnapshot(files), undefined, {}, everyFactBut('orchestration'));

  test('the same findings, each scan that reports one having run', () => {
    expect(codes(full.findings)).toEqual(expect.arrayContaining([
      ['dockerfile-secret-in-env', 'Dockerfile', 2],
      ['k8s-secret-committed', 'k8s/secret.yaml', 5],
      ['yaml-syntax', 'k8s/broken.yaml', expect.any(Number)],
      ['json-syntax', 'ecs/task-definition.json', expect.any(Number)],
    ]));
    expect(lean.findings).toEqual(full.findings);
  });

  test('none of the facts that only orchestration checks read, where a full run finds them', () => {
    const gathered = (result: typeof full) => ({
      tools: result.facts.orchestration.tools.map((t) => t.tool),
      observability: result.facts.orchestration.observability.length,
      databases: result.facts.orchestration.backingServices.length + result.facts.orchestration.databaseHandling.length,
    });
    expect(gathered(full)).toEqual({ tools: expect.arrayContaining(['kind', 'tilt', 'terraform']), observability: expect.any(Number), databases: expect.any(Number) });
    expect(gathered(full).observability).toBeGreaterThan(0);
    expect(gathered(full).databases).toBeGreaterThan(0);
    expect(gathered(lean)).toEqual({ tools: [], observability: 0, databases: 0 });
  });

  test('every other fact as a full run has it', () => {
    const { orchestration: _full, ...restFull } = full.facts;
    const { orchestration: _lean, ...restLean } = lean.facts;
    expect(restLean).toEqual(restFull);
    expect(lean.facts.orchestration.resources).toEqual(full.facts.orchestration.resources);
  });
});
