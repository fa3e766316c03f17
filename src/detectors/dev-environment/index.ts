import { defineDetector } from '../define.js';
import type { Evidence } from '../facts.js';
import { COMPOSE_FILE_GLOBS } from '../compose/names.js';
import { bindMountEvidence, developWatchEvidence } from './compose-evidence.js';
import { DEVCONTAINER_GLOBS, devcontainerEvidence } from './devcontainer.js';
import { DEV_TOOL_GLOBS, devToolEvidence } from './dev-tools.js';
import { DOC_GLOBS, SCRIPT_GLOBS, docsEvidence, scriptEvidence } from './scripts-and-docs.js';

/**
 * Teaching material and test data: their dev setups are shown but never decide the step, as
 * the services detector does for services. `docs/` is not among them: it is where dev guides live.
 */
const NOT_THE_PRODUCT = /^(?:examples?|samples?|demos?|testdata|test-data|fixtures?|__fixtures__|__tests__|tests?|third[_-]party)$/i;

/**
 * Evidence that developers can run the app in containers (checklist step "dev in containers"):
 * dev containers, Compose watch and source mounts, dev tools, and the scripts and docs that start
 * them. Runs last, so it reads what the Compose and services detectors found.
 */
export const devEnvironmentDetector = defineDetector({
  id: 'devEnvironment',
  files: [...DEVCONTAINER_GLOBS, ...COMPOSE_FILE_GLOBS, ...DEV_TOOL_GLOBS, ...SCRIPT_GLOBS, ...DOC_GLOBS],
  detect(context) {
    const { snapshot } = context;
    const compose = context.fact('compose');
    const evidence = [
      ...devcontainerEvidence(context),
      ...developWatchEvidence(compose),
      ...bindMountEvidence(compose, context.fact('services'), snapshot),
      ...devToolEvidence(context, compose),
      ...scriptEvidence(snapshot),
      ...docsEvidence(snapshot),
    ];
    return evidence.map(weakenOutsideTheProduct).sort(byLocation);
  },
});

function weakenOutsideTheProduct(evidence: Evidence): Evidence {
  const outside = evidence.path.split('/').slice(0, -1).some((segment) => NOT_THE_PRODUCT.test(segment));
  return outside ? { ...evidence, confidence: 'weak' } : evidence;
}

function byLocation(a: Evidence, b: Evidence): number {
  return a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code);
}
