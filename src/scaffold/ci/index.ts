import type { CiSystem, Facts } from '../../detectors/facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import type { PlannedImage } from '../images.js';
import type { GeneratedFile, GeneratorInfo } from '../types.js';
import { githubActionsWorkflow } from './github-actions.js';
import { GITLAB_ROOT_FILE, gitlabCiFiles } from './gitlab-ci.js';

/** Build and deploy tools the CI detector reports beside CI services: a pipeline still needs a CI service to run in. */
const NOT_A_CI_SERVICE: ReadonlySet<CiSystem> = new Set<CiSystem>(['argo-cd', 'earthly', 'flux', 'skaffold']);

type Generator = (images: readonly PlannedImage[], generator: GeneratorInfo, snapshot: RepoSnapshot) => GeneratedFile[];

/** Systems with a template; the others are reported as not supported yet. */
const TEMPLATES: Partial<Record<CiSystem, Generator>> = {
  'github-actions': (images, generator) => [githubActionsWorkflow(images, generator)],
  'gitlab-ci': (images, generator, snapshot) => gitlabCiFiles(images, generator, snapshot.text(GITLAB_ROOT_FILE)),
};

/** The CI service the repository already uses (one with a template first), GitHub Actions when none. */
export function ciSystemOf(facts: Facts): CiSystem {
  const used = [...new Set(facts.ci.configs.map((config) => config.system))].filter((system) => !NOT_A_CI_SERVICE.has(system));
  return used.find((system) => TEMPLATES[system] !== undefined) ?? used[0] ?? 'github-actions';
}

export function ciFiles(system: CiSystem, images: readonly PlannedImage[], generator: GeneratorInfo, snapshot: RepoSnapshot): GeneratedFile[] | undefined {
  return TEMPLATES[system]?.(images, generator, snapshot);
}

/** CI already builds images and pushes them: step 5 needs nothing from us. */
export function ciBuildsAndPushes(facts: Facts): boolean {
  const activities = facts.ci.jobs.flatMap((job) => job.activities).filter((a) => a.confidence !== 'weak');
  return activities.some((a) => a.kind === 'image-build') && activities.some((a) => a.kind === 'image-push' || (a.kind === 'image-build' && a.pushes === true));
}
