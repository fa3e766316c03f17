import type { Detector } from './define.js';
import { ciDetector } from './ci/index.js';
import { composeDetector } from './compose/index.js';
import { devEnvironmentDetector } from './dev-environment/index.js';
import { dockerfilesDetector } from './dockerfiles.js';
import { imageBuildersDetector } from './image-builders/index.js';
import { orchestrationDetector } from './orchestration/index.js';
import { servicesDetector } from './services/index.js';

/**
 * In dependency order, not alphabetical: Dockerfiles named by Compose or CI are only known once
 * those ran, and services are matched to the Dockerfiles and Compose services found before them.
 */
export const DETECTORS: readonly Detector[] = [
  composeDetector,
  ciDetector,
  dockerfilesDetector,
  imageBuildersDetector,
  servicesDetector,
  orchestrationDetector,
  devEnvironmentDetector,
] as readonly Detector[];
