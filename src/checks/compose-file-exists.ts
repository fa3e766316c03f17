import { z } from 'zod';
import { defineCheck, unreadableConfigs } from './define.js';
import type { Evidence } from '../detectors/facts.js';

export const composeFileExists = defineCheck({
  id: 'compose-file-exists',
  description: 'A Compose file describes the app: at least one service, in a file that parses.',
  howDetected:
    'Looks for compose.yaml, docker-compose.yml and their variants at any depth, parses them, and counts the services of files that are not overrides. A Compose file that does not parse makes it unknown rather than failed.',
  params: z.object({}).strict(),
  run({ facts, findings }) {
    const apps = facts.compose.filter((file) => file.valid && !file.override && file.services.length > 0);
    const evidence: Evidence[] = apps.map((file) => ({
      code: 'compose-file', path: file.path, line: 1, args: { services: file.services.length }, confidence: 'strong',
    }));
    if (evidence.length > 0) return { status: 'pass', evidence, missing: [] };
    const broken = unreadableConfigs(findings, facts.compose.map((file) => file.path));
    return { status: broken.length > 0 ? 'unknown' : 'fail', evidence: broken, missing: [] };
  },
});
