import { z } from 'zod';
import { defineCheck, isDecisive } from './define.js';
import { ordered, resourceEvidence, toolEvidence, toolsFor, undecided } from './orchestration-evidence.js';
import type { Evidence } from '../detectors/facts.js';
import type { FindingCode } from '../findings/finding.js';

/** Findings that mean a secret sits in an image layer: the one thing this step cannot tolerate. */
export const SECRET_IN_IMAGE_CODES: readonly FindingCode[] = ['dockerfile-secret-in-env', 'dockerfile-copies-secret', 'dockerfile-context-leaks-secret'];

export const configAndSecrets = defineCheck({
  id: 'config-and-secrets',
  description: 'Configuration comes from ConfigMaps and secrets from a store (Sealed Secrets, External Secrets, SOPS, Vault), never baked into images.',
  howDetected:
    'Reads Kubernetes manifests and charts for ConfigMaps, secret stores (SealedSecret, ExternalSecret, SOPS, Vault) and RUN --mount=type=secret in Dockerfiles; Dockerfile findings about secrets in ENV/ARG or copied secret files, and committed Secrets with literal values, count against it.',
  reads: ['orchestration'],
  params: () => z.object({}).strict(),
  run({ facts, findings }) {
    const o = facts.orchestration;
    const configs = o.resources.filter((r) => r.kind === 'ConfigMap' || (r.kind === 'Secret' && r.features['literal-secret'] === undefined));
    const committed = o.resources.filter((r) => r.features['literal-secret'] !== undefined);
    const stores = toolsFor(facts, 'secret-store');
    const evidence: Evidence[] = [
      ...stores.map((tool) => toolEvidence('secret-store', tool)),
      ...configs.map((resource) => resourceEvidence('k8s-config', resource)),
      ...o.buildSecrets.map((at): Evidence => ({ code: 'build-secret-mount', ...at, args: {}, confidence: 'strong' })),
    ];
    const inImages: Evidence[] = findings
      .filter((f) => SECRET_IN_IMAGE_CODES.includes(f.code))
      .map((f) => ({ code: 'secret-in-image', path: f.path, line: f.line, args: { finding: f.code, ...f.args }, confidence: 'strong' }));
    const decisiveCommitted = committed.filter(isDecisive).map((r) => resourceEvidence('secret-committed', r, {}, r.features['literal-secret']));
    const missing = [...inImages, ...decisiveCommitted];
    if (inImages.length > 0) return { status: 'fail', evidence: ordered(evidence), missing };
    if (!evidence.some(isDecisive)) {
      const outcome = undecided(facts, findings, evidence);
      return decisiveCommitted.length > 0 ? { ...outcome, status: 'partial', missing } : outcome;
    }
    return { status: missing.length > 0 ? 'partial' : 'pass', evidence: ordered(evidence), missing };
  },
});
