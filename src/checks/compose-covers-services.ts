import { z } from 'zod';
import { defineCheck } from './define.js';
import type { Evidence } from '../detectors/facts.js';
import { confidenceOfFile } from '../detectors/sample-paths.js';

export const composeCoversServices = defineCheck({
  id: 'compose-covers-services',
  description: 'Every service that has a Dockerfile is built by a service of the Compose app.',
  howDetected:
    'Matches each containerized service (a directory with a Dockerfile) to a Compose service whose build context is that directory. Services with a Dockerfile that no Compose service builds are listed as missing.',
  reads: ['compose', 'services'],
  params: () => z.object({}).strict(),
  run({ facts }) {
    const hasCompose = facts.compose.some((file) => file.valid && file.services.length > 0 && confidenceOfFile(file.path) !== 'weak');
    const containerized = facts.services.filter((s) => s.confidence !== 'weak' && s.dockerfiles.length > 0);
    const evidence: Evidence[] = [];
    const missing: Evidence[] = [];
    for (const service of containerized) {
      const [name] = service.composeServices;
      if (name === undefined) {
        missing.push({ code: 'compose-missing-service', path: service.dockerfiles[0] ?? service.manifest, args: { service: service.path }, confidence: 'strong' });
        continue;
      }
      const composeService = facts.compose.flatMap((file) => file.services).find((s) => s.name === name && s.build?.context === service.path);
      evidence.push({ code: 'compose-service', path: composeService?.file ?? service.manifest, line: composeService?.line, args: { name, service: service.path }, confidence: 'strong' });
    }
    if (!hasCompose) return { status: 'fail', evidence, missing };
    return { status: missing.length === 0 ? 'pass' : evidence.length > 0 ? 'partial' : 'fail', evidence, missing };
  },
});
