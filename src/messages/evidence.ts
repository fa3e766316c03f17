import type { EvidenceArgs, EvidenceCode } from '../detectors/facts.js';
import type { DatabaseVia, Signal } from '../detectors/orchestration/types.js';

const a = (args: EvidenceArgs, key: string): string => String(args[key] ?? '');
const where = (args: EvidenceArgs, key: string, prefix: string): string => (args[key] ? `${prefix}${a(args, key)}` : '');
const DATABASE_VIA = {
  statefulset: 'StatefulSet with volume claim templates', pvc: 'persistent volume claim', operator: 'database operator',
  chart: 'chart', managed: 'managed service', note: 'managed service, as the docs say',
} satisfies Record<DatabaseVia, string>;
const SIGNAL_WORDS = { metrics: 'metrics', logging: 'logs', tracing: 'traces' } satisfies Record<Signal, string>;

/** One phrase per evidence code; `satisfies` makes a code without words a compile error. */
export const EVIDENCE_MESSAGES = {
  dockerfile: (args) => `Dockerfile${where(args, 'service', ' for ')}`,
  'image-builder': (args) => `image built by ${a(args, 'builder')}${where(args, 'service', ' for ')}`,
  'service-without-dockerfile': (args) => `${a(args, 'language')} service ${a(args, 'service')} has no Dockerfile`,
  'compose-file': (args) => `Compose file with ${a(args, 'services')} service(s)`,
  'compose-service': (args) => `Compose service ${a(args, 'name')}${where(args, 'service', ' builds ')}`,
  'compose-missing-service': (args) => `service ${a(args, 'service')} has a Dockerfile but is not in the Compose app`,
  devcontainer: (args) => `dev container${where(args, 'uses', ' using ')}`,
  'compose-bind-mount': (args) => `Compose service ${a(args, 'service')} mounts the source${where(args, 'source', ' ')}`,
  'compose-develop-watch': (args) => `Compose service ${a(args, 'service')} has develop.watch`,
  'dev-tool-config': (args) => `${a(args, 'tool')} configuration`,
  'script-runs-containers': (args) => `script runs \`${a(args, 'command')}\``,
  'docs-run-containers': (args) => `docs tell developers to run \`${a(args, 'command')}\``,
  'ci-image-build': (args) => `${a(args, 'system')} job ${a(args, 'job')} builds an image with ${a(args, 'tool')}${where(args, 'context', ' from ')}`,
  'ci-image-push': (args) => `${a(args, 'system')} job ${a(args, 'job')} pushes the image (${a(args, 'tool')})`,
  'ci-registry-login': (args) => `${a(args, 'system')} job ${a(args, 'job')} logs in to a registry`,
  'ci-test-in-image': (args) => `${a(args, 'system')} job ${a(args, 'job')} runs tests in the built image (${a(args, 'tool')})`,
  'ci-job-image': (args) => `${a(args, 'system')} job ${a(args, 'job')} runs in image ${a(args, 'image')} (not one it built)`,
  'ci-deploy': (args) => `${a(args, 'system')} job ${a(args, 'job')} deploys${where(args, 'environment', ' to ')} (${a(args, 'tool')})`,
  'ci-build-without-push': (args) => `${a(args, 'system')} job ${a(args, 'job')} builds an image but never pushes it to a registry`,
  'config-not-understood': (args) => `could not be understood (${a(args, 'finding')}), so this could not be decided`,
  'k8s-workload': (args) => `${a(args, 'kind')}${where(args, 'name', ' ')}${where(args, 'service', ' runs ')}${args.origin === 'template' ? ' (Helm template)' : ''}`,
  'helm-chart': (args) => `Helm chart ${a(args, 'name')}${where(args, 'service', ' for ')}`,
  kustomization: (args) => `Kustomize kustomization${where(args, 'namespace', ' for namespace ')}`,
  'orchestrator-config': (args) => `${a(args, 'tool')} definition${where(args, 'name', ' ')}${where(args, 'service', ' runs ')}`,
  'service-without-manifest': (args) => `service ${a(args, 'service')} has an image but no workload or chart that runs it`,
  'k8s-namespace': (args) => `namespace ${a(args, 'namespace')} (${a(args, 'via')})`,
  'default-namespace-only': (args) => `${a(args, 'count')} object(s) go to the default namespace, none to one of their own`,
  'k8s-config': (args) => `${a(args, 'kind')}${where(args, 'name', ' ')} keeps configuration out of the image`,
  'secret-store': (args) => `secrets come from ${a(args, 'tool')}${where(args, 'kind', ' (')}${args.kind ? ')' : ''}`,
  'build-secret-mount': () => 'build secret mounted with RUN --mount=type=secret, not baked in',
  'secret-in-image': (args) =>
    args.name ? `${a(args, 'instruction')} ${a(args, 'name')} bakes a secret into the image` : `${a(args, 'file') || a(args, 'source')} is copied into the image`,
  'secret-committed': (args) => `Secret${where(args, 'name', ' ')} with literal values is committed to the repository`,
  'k8s-ingress': (args) => `${a(args, 'kind')}${where(args, 'name', ' ')} routes traffic into the cluster`,
  'ingress-controller': (args) => `ingress controller ${a(args, 'tool')} is installed, but no route for the app`,
  'service-exposed-directly': (args) => `Service${where(args, 'name', ' ')} is exposed as ${a(args, 'type')}, not through an ingress`,
  'database-handled': (args) => `${a(args, 'family')} keeps its data: ${(DATABASE_VIA as Record<string, string>)[a(args, 'via')] ?? a(args, 'via')} (${a(args, 'detail')})`,
  'database-unplanned': (args) =>
    args.source === 'kubernetes'
      ? `${a(args, 'family')} runs in ${a(args, 'name')} with no volume claim: its data is lost with the pod`
      : `${a(args, 'family')} (${a(args, 'image')}) in Compose service ${a(args, 'name')} has no StatefulSet, volume claim or managed service`,
  'no-databases': () => 'no database, cache or queue among the services: nothing stateful to plan for',
  'k8s-probes': (args) => `${a(args, 'kind')}${where(args, 'name', ' ')} has health probes`,
  'observability-config': (args) => `${a(args, 'tool')} (${a(args, 'signals')})`,
  'observability-missing': (args) => `nothing collects ${(SIGNAL_WORDS as Record<string, string>)[a(args, 'signal')] ?? a(args, 'signal')}`,
  'deploy-tool': (args) => `${a(args, 'tool')} (${a(args, 'purpose')})${where(args, 'name', ': ')}`,
  'plain-manifests': (args) => `${a(args, 'files')} plain manifest file(s), applied without Helm, Kustomize or GitOps`,
  'dev-loop-tool': (args) => `${a(args, 'tool')} runs the app in a cluster while you code`,
  'local-cluster': (args) => `local cluster with ${a(args, 'tool')}`,
  'file-match': (args) => `matches ${a(args, 'glob')}`,
  'file-missing': (args) =>
    args.min !== undefined && Number(args.min) > 1 ? `${a(args, 'found')} of ${a(args, 'min')} files matching ${a(args, 'glob')}` : `no file matches ${a(args, 'glob')}`,
  'pattern-match': (args) => `contains /${a(args, 'pattern')}/`,
  'pattern-missing': (args) => (args.glob ? `no file matching ${a(args, 'glob')} contains /${a(args, 'pattern')}/` : `does not contain /${a(args, 'pattern')}/`),
  'value-match': (args) => `${a(args, 'path')}${args.value !== undefined ? ` is ${a(args, 'value')}` : ' is set'}`,
  'value-missing': (args) =>
    `${args.glob ? `no file matching ${a(args, 'glob')} has ` : ''}${a(args, 'path')}${args.equals !== undefined ? ` equal to ${a(args, 'equals')}` : ''}${args.glob ? '' : ' is not set'}${args.found !== undefined ? ` (it is ${a(args, 'found')})` : ''}`,
  'instruction-present': (args) => `${a(args, 'instruction')} instruction${where(args, 'stage', ' in stage ')}`,
  'instruction-missing': (args) => `no ${a(args, 'instruction')} instruction${where(args, 'pattern', ' matching /')}${args.pattern ? '/' : ''}${args.stage === 'final' ? ' in the final stage' : ''}`,
  'compose-property': (args) => `Compose service ${a(args, 'service')} sets ${a(args, 'property')}`,
  'compose-property-missing': (args) => `Compose service ${a(args, 'service')} does not set ${a(args, 'property')}`,
  'ci-job-match': (args) => `${a(args, 'system')} job ${a(args, 'job')} matches${where(args, 'activity', ' (')}${args.activity ? ')' : ''}`,
  'ci-job-missing': (args) => `no CI job ${a(args, 'wanted')}`,
} satisfies Record<EvidenceCode, (args: EvidenceArgs) => string>;

export function evidenceMessage(code: EvidenceCode, args: EvidenceArgs): string {
  return EVIDENCE_MESSAGES[code](args);
}
