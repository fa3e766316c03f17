import { z } from 'zod';
import { defineCheck } from './define.js';

const CONFIDENCE_ORDER = { strong: 0, medium: 1, weak: 2 } as const;

export const devEnvironment = defineCheck({
  id: 'dev-environment',
  description: 'Developers can run the app in containers: a dev container, Compose dev setup, dev tooling, or scripts and docs that do it.',
  howDetected:
    'Looks for a dev container (.devcontainer/devcontainer.json), Compose bind mounts of the source or develop.watch, Tilt/Skaffold/Garden configs, scripts (Makefile, justfile, Taskfile, package.json scripts) and docs (README, CONTRIBUTING) that run containers; a Compose command naming only Compose files for tests or CI (-f docker-compose.test.yml) starts the tests, not the app, and does not count. Docs alone are medium evidence; passing needs strong or medium evidence.',
  reads: ['devEnvironment'],
  params: () => z.object({}).strict(),
  run({ facts }) {
    const evidence = [...facts.devEnvironment].sort((a, b) => CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence]);
    const decisive = evidence.some((e) => e.confidence !== 'weak');
    return { status: decisive ? 'pass' : 'fail', evidence, missing: [] };
  },
});
