import { z } from 'zod';
import { defineCheck, isDecisive, unreadableConfigs } from './define.js';
import { confidenceOfFile } from '../detectors/sample-paths.js';
import { isTestComposeFile } from '../detectors/compose/names.js';
import type { Confidence, Evidence } from '../detectors/facts.js';

export const composeFileExists = defineCheck({
  id: 'compose-file-exists',
  description: 'A Compose file describes the app: at least one service, in a file that parses.',
  howDetected:
    'Looks for compose.yaml, docker-compose.yml and their variants at any depth, parses them, and counts the services of files that are not overrides. Compose files for tests or CI (docker-compose.test.yml, compose.ci.yaml, docker-compose-e2e.yml) and those under examples, fixtures or docs are shown but do not count. A Compose file that does not parse makes it unknown rather than failed.',
  reads: ['compose'],
  params: () => z.object({}).strict(),
  run({ facts, findings }) {
    const apps = facts.compose.filter((file) => file.valid && !file.override && file.services.length > 0);
    const evidence: Evidence[] = apps
      .map((file): Evidence => ({ code: 'compose-file', path: file.path, line: 1, args: { services: file.services.length }, confidence: confidenceOfComposeFile(file.path) }))
      .sort((a, b) => Number(a.confidence === 'weak') - Number(b.confidence === 'weak'));
    if (evidence.some(isDecisive)) return { status: 'pass', evidence, missing: [] };
    const broken = unreadableConfigs(findings, facts.compose.map((file) => file.path).filter((path) => confidenceOfComposeFile(path) !== 'weak'));
    return { status: broken.length > 0 ? 'unknown' : 'fail', evidence: [...broken, ...evidence], missing: [] };
  },
});

/** Files for tests or CI, like those under examples or docs, are shown and never decide. */
function confidenceOfComposeFile(path: string): Confidence {
  return isTestComposeFile(path) ? 'weak' : confidenceOfFile(path);
}
