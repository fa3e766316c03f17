import { z } from 'zod';
import { defineCheck } from './define.js';
import type { Evidence } from '../detectors/facts.js';

export const servicesHaveDockerfiles = defineCheck({
  id: 'services-have-dockerfiles',
  description: 'Every deployable service (not libraries, not examples) has a Dockerfile or image builder.',
  howDetected:
    'Lists the services (directories with a build manifest such as package.json, go.mod, requirements.txt, pom.xml), keeps deployable apps that are not examples, and checks each has a Dockerfile or image builder. Libraries and examples are never required.',
  reads: ['services'],
  params: () => z.object({}).strict(),
  run({ facts }) {
    const services = facts.services.filter((s) => s.kind === 'app' && s.confidence !== 'weak');
    const evidence: Evidence[] = [];
    const missing: Evidence[] = [];
    for (const service of services) {
      if (service.dockerfiles.length > 0 || service.builders.length > 0) {
        for (const path of service.dockerfiles) evidence.push({ code: 'dockerfile', path, line: 1, args: { service: service.path }, confidence: 'strong' });
        for (const builder of service.builders) evidence.push({ code: 'image-builder', path: service.manifest, args: { service: service.path, builder }, confidence: 'strong' });
      } else {
        missing.push({ code: 'service-without-dockerfile', path: service.manifest, args: { service: service.path, language: service.language }, confidence: 'strong' });
      }
    }
    const status = services.length === 0 || evidence.length === 0 ? 'fail' : missing.length > 0 ? 'partial' : 'pass';
    return { status, evidence, missing };
  },
});
