import type { EvidenceArgs, EvidenceCode } from '../detectors/facts.js';

const a = (args: EvidenceArgs, key: string): string => String(args[key] ?? '');
const where = (args: EvidenceArgs, key: string, prefix: string): string => (args[key] ? `${prefix}${a(args, key)}` : '');

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
} satisfies Record<EvidenceCode, (args: EvidenceArgs) => string>;

export function evidenceMessage(code: EvidenceCode, args: EvidenceArgs): string {
  return EVIDENCE_MESSAGES[code](args);
}
