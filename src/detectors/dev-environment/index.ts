import { compareText } from '../../compare-text.js';
import { defineDetector } from '../define.js';
import { confidenceOfFile } from '../sample-paths.js';
import type { Evidence } from '../facts.js';
import { COMPOSE_FILE_GLOBS } from '../compose/names.js';
import { bindMountEvidence, developWatchEvidence } from './compose-evidence.js';
import { DEVCONTAINER_GLOBS, devcontainerEvidence } from './devcontainer.js';
import { DEV_TOOL_GLOBS, devToolEvidence } from './dev-tools.js';
import { DOC_GLOBS, SCRIPT_GLOBS, docsEvidence, scriptEvidence } from './scripts-and-docs.js';

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

/** Dev setups of examples and fixtures are shown but never decide the step; `docs/` is where dev guides live. */
function weakenOutsideTheProduct(evidence: Evidence): Evidence {
  return confidenceOfFile(evidence.path, { docs: false }) === 'weak' ? { ...evidence, confidence: 'weak' } : evidence;
}

function byLocation(a: Evidence, b: Evidence): number {
  return compareText(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0) || compareText(a.code, b.code);
}
