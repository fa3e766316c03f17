import { z } from 'zod';
import { defineCheck } from './define.js';
import type { Evidence } from '../detectors/facts.js';

export const dockerfileExists = defineCheck({
  id: 'dockerfile-exists',
  description: 'At least one service is built from a valid Dockerfile (or another image builder).',
  howDetected:
    'Finds Dockerfiles under every name Docker and Podman accept (Dockerfile, Containerfile, *.Dockerfile, Dockerfile.*, and files named by Compose or CI), parsed as BuildKit parses them; also image builders configured in build manifests (Jib, ko, buildpacks). A file whose first instruction is not FROM is not counted; Dockerfiles under examples/ or fixtures are weak.',
  reads: ['services'],
  params: () => z.object({}).strict(),
  run({ facts }) {
    const evidence: Evidence[] = [];
    for (const service of facts.services) {
      for (const path of service.dockerfiles) {
        evidence.push({ code: 'dockerfile', path, line: 1, args: { service: service.path }, confidence: service.confidence });
      }
      for (const builder of service.builders) {
        evidence.push({ code: 'image-builder', path: service.manifest, args: { service: service.path, builder }, confidence: service.confidence });
      }
    }
    evidence.sort((a, b) => rank(a) - rank(b));
    const decisive = evidence.some((e) => e.confidence !== 'weak');
    return { status: decisive ? 'pass' : 'fail', evidence, missing: [] };
  },
});

function rank(evidence: Evidence): number {
  return evidence.confidence === 'weak' ? 1 : 0;
}
