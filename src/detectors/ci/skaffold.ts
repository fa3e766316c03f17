import type { CiActivity } from '../facts.js';
import { configsOf, type CiProvider } from './provider.js';
import type { DraftJob } from './jobs.js';
import { finishPipeline } from './jobs.js';
import { environmentAmong } from './names.js';
import { readSkaffold } from './skaffold-config.js';

// https://skaffold.dev/docs/references/yaml/
export const SKAFFOLD_FILES = ['**/skaffold.yaml', '**/skaffold.yml'];
const CONFIG = /(?:^|\/)skaffold\.ya?ml$/;

/**
 * A skaffold.yaml says what `skaffold run` would build and where its profiles deploy, not that
 * anything runs it: on its own its activities are weak (shown, never deciding a step). A CI job
 * that runs `skaffold run -p staging` reads the same file with strong confidence (deploy-commands.ts).
 */
export const skaffoldConfigs: CiProvider = (snapshot) => {
  const paths = snapshot.filesNamedLike(CONFIG);
  const drafts: DraftJob[] = paths.flatMap((path) =>
    readSkaffold(snapshot, path).map((config): DraftJob => {
      const builds = [...config.artifacts, ...config.profiles.flatMap((profile) => profile.artifacts ?? [])].map((artifact): CiActivity => ({
        kind: 'image-build', confidence: 'weak', tool: 'skaffold.yaml', image: artifact.image, ...(artifact.context ? { context: artifact.context } : {}),
        ...(artifact.dockerfile ? { dockerfile: artifact.dockerfile } : {}), pushes: config.push !== false, path, line: artifact.line,
      }));
      const deploys = config.profiles.filter((profile) => profile.deploys).map((profile): CiActivity => {
        const environment = environmentAmong([profile.name, ...profile.targets]);
        return { kind: 'deploy', confidence: 'weak', tool: `skaffold.yaml profile ${profile.name}`, ...(environment ? { environment } : {}), path, line: profile.line };
      });
      return { system: 'skaffold', file: path, job: 'skaffold.yaml', line: 1, activities: [...builds, ...deploys] };
    }),
  );
  const read = [...new Set(drafts.map((draft) => draft.file))];
  return { configs: configsOf('skaffold', read), jobs: finishPipeline(drafts) };
};
