import { dirOf } from '../../snapshot/paths.js';
import { configsOf, type CiProvider } from './provider.js';
import { finishPipeline, type DraftJob } from './jobs.js';
import { classifyScript } from './commands.js';
import { parseEarthfile } from './earthfile.js';
import { targetActivities } from './earthly-commands.js';

// https://docs.earthly.dev/docs/earthfile#pipeline-beta : Earthly CI runs the targets that declare `PIPELINE`.
export const EARTHLY_FILES = ['**/Earthfile'];
const EARTHFILE = /(?:^|\/)Earthfile$/;

/**
 * Earthfile targets that are pipelines (`PIPELINE --push`, `TRIGGER push main`, `BUILD +docker`):
 * each is a CI job whose images are the `SAVE IMAGE` lines of the targets it builds. Targets
 * without `PIPELINE` run only when something calls `earthly` (read there, earthly-commands.ts).
 */
export const earthly: CiProvider = (snapshot) => {
  const paths = snapshot.filesNamed('Earthfile');
  const drafts: DraftJob[] = [];
  const withPipelines: string[] = [];
  for (const path of paths) {
    const text = snapshot.text(path);
    if (text === undefined || !/^\s+PIPELINE\b/m.test(text)) continue;
    const earthfile = parseEarthfile(text, path, dirOf(path));
    withPipelines.push(path);
    for (const [name, target] of earthfile.targets) {
      const pipeline = target.commands.find((command) => command.keyword === 'PIPELINE');
      if (!pipeline) continue;
      const push = pipeline.args.includes('--push');
      const activities = targetActivities(snapshot, earthfile, name, push, classifyScript, new Set(), 0);
      drafts.push({ system: 'earthly', file: path, job: `+${name}`, line: target.line, activities, hints: [name] });
    }
  }
  return { configs: configsOf('earthly', withPipelines), jobs: finishPipeline(drafts) };
};
