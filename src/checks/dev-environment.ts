import { z } from 'zod';
import { defineCheck } from './define.js';

const CONFIDENCE_ORDER = { strong: 0, medium: 1, weak: 2 } as const;

export const devEnvironment = defineCheck({
  id: 'dev-environment',
  description: 'Developers can run the app in containers: a dev container, Compose dev setup, dev tooling, or scripts and docs that do it.',
  params: z.object({}).strict(),
  run({ facts }) {
    const evidence = [...facts.devEnvironment].sort((a, b) => CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence]);
    const decisive = evidence.some((e) => e.confidence !== 'weak');
    return { status: decisive ? 'pass' : 'fail', evidence, missing: [] };
  },
});
