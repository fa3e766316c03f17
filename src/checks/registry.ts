import type { Check } from './define.js';
import { cdDeploysToStaging } from './cd-deploys-to-staging.js';
import { ciBuildsImages } from './ci-builds-images.js';
import { ciTestsInImages } from './ci-tests-in-images.js';
import { composeCoversServices } from './compose-covers-services.js';
import { composeFileExists } from './compose-file-exists.js';
import { devEnvironment } from './dev-environment.js';
import { dockerfileExists } from './dockerfile-exists.js';
import { servicesHaveDockerfiles } from './services-have-dockerfiles.js';

/** Sorted by id; checklists refer to checks by these ids. */
export const CHECKS: readonly Check[] = [
  cdDeploysToStaging,
  ciBuildsImages,
  ciTestsInImages,
  composeCoversServices,
  composeFileExists,
  devEnvironment,
  dockerfileExists,
  servicesHaveDockerfiles,
] as readonly Check[];

export const CHECKS_BY_ID: ReadonlyMap<string, Check> = new Map(CHECKS.map((check) => [check.id, check]));
