import type { Check } from './define.js';
import { cdDeploysToStaging } from './cd-deploys-to-staging.js';
import { ciBuildsImages } from './ci-builds-images.js';
import { ciJobMatches } from './ci-job-matches.js';
import { ciTestsInImages } from './ci-tests-in-images.js';
import { clusterDevLoop } from './cluster-dev-loop.js';
import { composeCoversServices } from './compose-covers-services.js';
import { composeFileExists } from './compose-file-exists.js';
import { composeServiceProperty } from './compose-service-property.js';
import { configAndSecrets } from './config-and-secrets.js';
import { deploymentTooling } from './deployment-tooling.js';
import { devEnvironment } from './dev-environment.js';
import { dockerfileExists } from './dockerfile-exists.js';
import { dockerfileInstruction } from './dockerfile-instruction.js';
import { fileContains } from './file-contains.js';
import { fileExists } from './file-exists.js';
import { ingressConfigured } from './ingress-configured.js';
import { jsonPath } from './json-path.js';
import { namespacesDeclared } from './namespaces-declared.js';
import { observabilityConfigured } from './observability-configured.js';
import { servicesHaveDockerfiles } from './services-have-dockerfiles.js';
import { servicesHaveManifests } from './services-have-manifests.js';
import { statefulServicesPlanned } from './stateful-services-planned.js';
import { yamlPath } from './yaml-path.js';

/** Sorted by id; checklists refer to checks by these ids. */
export const CHECKS: readonly Check[] = [
  cdDeploysToStaging,
  ciBuildsImages,
  ciJobMatches,
  ciTestsInImages,
  clusterDevLoop,
  composeCoversServices,
  composeFileExists,
  composeServiceProperty,
  configAndSecrets,
  deploymentTooling,
  devEnvironment,
  dockerfileExists,
  dockerfileInstruction,
  fileContains,
  fileExists,
  ingressConfigured,
  jsonPath,
  namespacesDeclared,
  observabilityConfigured,
  servicesHaveDockerfiles,
  servicesHaveManifests,
  statefulServicesPlanned,
  yamlPath,
] as readonly Check[];

export const CHECKS_BY_ID: ReadonlyMap<string, Check> = new Map(CHECKS.map((check) => [check.id, check]));
