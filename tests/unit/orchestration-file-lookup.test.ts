import { detect, lines } from '../helpers/detect.js';
import { dockerfilesDetector } from '../../src/detectors/dockerfiles.js';
import { orchestrationDetector } from '../../src/detectors/orchestration/index.js';

/**
 * The orchestration detector finds its files through the snapshot's name and directory indexes
 * rather than by testing every path: files at the root, deep in the tree, with dots in their
 * names or differing only in case must be found (or left out) exactly as a path-by-path test would.
 */
const orchestration = (files: Record<string, string>) => detect(files, [orchestrationDetector]).facts.orchestration;
const CONFIG_MAP = (name: string) => lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${name}`);

describe('Helm charts, Helmfiles and Kustomizations', () => {
  test('charts at the root and nested own their templates/ and values files; other YAML is read as manifests', () => {
    const o = orchestration({
      'Chart.yaml': lines('apiVersion: v2', 'name: root'),
      'values.yaml': CONFIG_MAP('root-values'),
      'templates/deploy.yaml': CONFIG_MAP('root-template'),
      'templates/tests/hook.yaml': CONFIG_MAP('root-test'),
      'deploy/chart/Chart.yml': lines('apiVersion: v2', 'name: nested'),
      'deploy/chart/values.prod.yaml': CONFIG_MAP('nested-values'),
      'deploy/chart/other-values.yaml': CONFIG_MAP('not-a-values-file'),
      'deploy/chart/templates/a.yml': CONFIG_MAP('nested-template'),
      'deploy/chart/config/values.yaml': CONFIG_MAP('values-below-the-chart'),
      'deploy/templates/plain.yaml': CONFIG_MAP('no-chart-here'),
      'deploy/chart.yaml': CONFIG_MAP('lower-case-chart-name'),
    });
    expect(o.charts.map((c) => [c.dir, c.name, c.hasTemplates])).toEqual([['.', 'root', true], ['deploy/chart', 'nested', true]]);
    expect(o.resources.map((r) => [r.name, r.path, r.origin])).toEqual([
      ['root-template', 'templates/deploy.yaml', 'template'],
      ['root-test', 'templates/tests/hook.yaml', 'template'],
      ['nested-template', 'deploy/chart/templates/a.yml', 'template'],
      ['lower-case-chart-name', 'deploy/chart.yaml', 'manifest'],
      ['values-below-the-chart', 'deploy/chart/config/values.yaml', 'manifest'],
      ['not-a-values-file', 'deploy/chart/other-values.yaml', 'manifest'],
      ['no-chart-here', 'deploy/templates/plain.yaml', 'manifest'],
    ]);
  });

  test('Helmfiles: by name anywhere, and the YAML files directly in helmfile.d/', () => {
    const release = (chart: string) => lines('releases:', `  - chart: ${chart}`);
    const o = orchestration({
      'helmfile.yaml': release('root'),
      'ops/helmfile.yaml.gotmpl': release('gotmpl'),
      'ops/helmfile.d/10-app.yaml': release('in-helmfile-d'),
      'ops/helmfile.d/.yaml': release('no-name'),
      'ops/helmfile.d/nested/20.yaml': release('too-deep'),
      'ops/Helmfile.yaml': release('upper-case'),
    });
    expect(o.tools.filter((t) => t.tool === 'helmfile').map((t) => t.path)).toEqual(['helmfile.yaml', 'ops/helmfile.d/10-app.yaml', 'ops/helmfile.yaml.gotmpl']);
  });

  test('Kustomizations by their three exact names; other casings may be manifests', () => {
    const o = orchestration({
      'kustomization.yaml': 'namespace: root\n',
      'k8s/overlay/Kustomization': 'namespace: prod\n',
      'k8s/base/kustomization.yml': 'namespace: base\n',
      'k8s/KUSTOMIZATION.yaml': lines('apiVersion: v1', 'kind: Namespace', 'metadata: { name: upper }'),
    });
    expect(o.kustomizations.map((k) => [k.path, k.namespace])).toEqual([
      ['k8s/base/kustomization.yml', 'base'], ['k8s/overlay/Kustomization', 'prod'], ['kustomization.yaml', 'root'],
    ]);
    expect(o.resources.map((r) => [r.kind, r.path])).toEqual([['Namespace', 'k8s/KUSTOMIZATION.yaml']]);
  });

  test('manifests with upper-case extensions and dotted names, at the root and deep down', () => {
    const o = orchestration({
      'app.yaml': CONFIG_MAP('root'),
      'a/b/c/api.v2.deploy.YML': CONFIG_MAP('deep'),
      'k8s/app.yaml.bak': CONFIG_MAP('backup'),
    });
    expect(o.resources.map((r) => [r.name, r.path])).toEqual([['deep', 'a/b/c/api.v2.deploy.YML'], ['root', 'app.yaml']]);
  });
});

describe('Terraform, Nomad and ECS by name', () => {
  test('each name pattern, at the root and nested', () => {
    const o = orchestration({
      'main.tf': lines('resource "aws_eks_cluster" "root" {', '}'),
      'infra/modules/eks/cluster.tf': lines('resource "aws_eks_cluster" "nested" {', '}'),
      'infra/upper.TF': lines('resource "aws_eks_cluster" "upper" {', '}'),
      'api.nomad': lines('job "root" {', '}'),
      'jobs/web.nomad.hcl': lines('job "web" {', '}'),
      'ecs/TASK-DEFINITION.JSON': JSON.stringify({ family: 'upper', containerDefinitions: [] }),
      'ecs/web.taskdef.json': JSON.stringify({ family: 'dotted', containerDefinitions: [] }),
    });
    expect(o.tools.map((t) => [t.tool, t.name, t.path])).toEqual([
      ['terraform', 'nested', 'infra/modules/eks/cluster.tf'],
      ['terraform', 'root', 'main.tf'],
      ['nomad', 'root', 'api.nomad'],
      ['nomad', 'web', 'jobs/web.nomad.hcl'],
      ['ecs', 'upper', 'ecs/TASK-DEFINITION.JSON'],
      ['ecs', 'dotted', 'ecs/web.taskdef.json'],
    ]);
  });
});

describe('cluster dev tools', () => {
  test('config files by name, dev container JSON under any .devcontainer/, commands in scripts and top-level docs', () => {
    const o = orchestration({
      Tiltfile: 'k8s_yaml("k8s")\n',
      'svc/project.garden.yaml': 'kind: Project\n',
      'svc/okteto-pipeline.yml': 'deploy: []\n',
      'svc/tiltfile': 'lower case\n',
      'svc/.devcontainer.json': '{ "features": { "ghcr.io/devcontainers-extra/features/kind:1": {} } }',
      '.devcontainer/cluster/extra.json': '{ "features": { "ghcr.io/devcontainers-extra/features/k3d:1": {} } }',
      'svc/x.devcontainer.json': '{ "features": { "ghcr.io/devcontainers-extra/features/kind:1": {} } }',
      'setup.sh': 'minikube start\n',
      'svc/tasks.mk': 'k3d cluster create dev\n',
      'svc/setup.SH': 'minikube start\n',
      'README.MD': 'kind create cluster\n',
      'Docs/deep/page.md': 'skaffold dev\n',
      'api/docs/page.md': 'tilt up\n',
    });
    expect(o.tools.map((t) => [t.tool, t.path])).toEqual([
      ['tilt', 'Tiltfile'], ['okteto', 'svc/okteto-pipeline.yml'], ['garden', 'svc/project.garden.yaml'],
      ['k3d', '.devcontainer/cluster/extra.json'], ['kind', 'svc/.devcontainer.json'],
      ['minikube', 'setup.sh'], ['k3d', 'svc/tasks.mk'],
      ['skaffold', 'Docs/deep/page.md'], ['kind', 'README.MD'],
    ]);
  });
});

describe('observability and managed-database notes', () => {
  test('configs by name, Grafana files under any grafana/ directory (first per directory), notes with any casing', () => {
    const o = orchestration({
      'prometheus.prod.yml': lines('scrape_configs:', '  - job_name: api'),
      'ops/grafana/dashboards/a.json': '{}',
      'ops/grafana/dashboards/b.json': '{}',
      'grafana/datasources.yaml': 'x: 1\n',
      'ops/Grafana/c.json': '{}',
      'ops/grafanas/d.json': '{}',
      'NOTES.MARKDOWN': 'Redis runs on ElastiCache.\n',
      'docs/db.adoc': 'We use MongoDB Atlas.\n',
      'docs/db.txt': 'We use Cloud SQL.\n',
    });
    expect(o.observability.map((s) => [s.tool, s.path])).toEqual([
      ['grafana', 'grafana/datasources.yaml'], ['grafana', 'ops/grafana/dashboards/a.json'], ['prometheus', 'prometheus.prod.yml'],
    ]);
    expect(o.databaseHandling.map((h) => [h.family, h.path])).toEqual([['redis', 'NOTES.MARKDOWN'], ['mongodb', 'docs/db.adoc']]);
  });
});

describe('secrets in the build context', () => {
  const scan = (files: Record<string, string>) =>
    detect(files, [dockerfilesDetector, orchestrationDetector]).findings.filter((f) => f.code === 'dockerfile-context-leaks-secret').map((f) => [f.path, f.args.file]);
  const COPY_ALL = lines('FROM alpine', 'COPY . .', 'USER nobody');

  test('secret files by name at any depth and casing; each build reads its own ignore file', () => {
    expect(scan({
      Dockerfile: COPY_ALL,
      '.dockerignore': '**/.env*\n',
      '.env': 'A=1\n',
      'api/Dockerfile': COPY_ALL,
      'api/Dockerfile.dockerignore': '*.md\n',
      'api/.env.production': 'A=1\n',
      'api/deep/certs/TLS.KEY': '-----BEGIN PRIVATE KEY-----\n',
      'api/Id_rsa': 'not an SSH key name\n',
      'web/Dockerfile': COPY_ALL,
      'web/.env.local': 'A=1\n',
    })).toEqual([
      ['Dockerfile', 'api/deep/certs/TLS.KEY'],
      ['api/Dockerfile', 'api/.env.production'], ['api/Dockerfile', 'api/deep/certs/TLS.KEY'], ['web/Dockerfile', 'web/.env.local'],
    ]);
  });

  test('an ignore file that cannot be read ignores nothing, and is reported when a build needs it', () => {
    const { findings } = detect({ 'Dockerfile': COPY_ALL, '.dockerignore': '.env\n\u0000', '.env': 'A=1\n' }, [dockerfilesDetector, orchestrationDetector]);
    expect(findings.filter((f) => f.path !== 'Dockerfile' || f.code === 'dockerfile-context-leaks-secret').map((f) => [f.code, f.path])).toEqual([
      ['dockerfile-context-leaks-secret', 'Dockerfile'], ['file-binary', '.dockerignore'],
    ]);
  });
});
