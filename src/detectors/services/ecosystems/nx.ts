import { dirOf, isWithin } from '../../../snapshot/paths.js';
import { ownFiles } from '../project.js';
import { languageOfFiles } from '../language.js';
import { defineEcosystem } from './define.js';
import { isRecord } from '../../../parsers/record.js';

/**
 * Nx project files (https://nx.dev/reference/project-configuration): `projectType` says application
 * or library; without it, `apps/` and `libs/` do, as Nx's generators lay them out. End-to-end test
 * projects (`*-e2e`, or whose only job is an e2e target) are applications in Nx's sense but deploy
 * nothing. A project.json outside an Nx workspace (no nx.json above it, no Nx keys) is not Nx's.
 */
export const nx = defineEcosystem({
  id: 'nx',
  manifests: ['project.json'],
  rank: 2,
  classify(project) {
    const { snapshot, dir, manifest } = project;
    const config = snapshot.json(manifest)?.value;
    if (!isRecord(config)) return undefined;
    const inWorkspace = snapshot.filesNamed('nx.json').some((file) => isWithin(dir, dirOf(file)));
    const nxKeys = config.projectType !== undefined || config.targets !== undefined || (typeof config.$schema === 'string' && config.$schema.includes('nx'));
    if (!inWorkspace && !nxKeys) return undefined;
    const own = ownFiles(snapshot, dir, project.projectDirs).filter((file) => /\.(?:[cm]?[jt]sx?|py|go|java|kt|cs|rs)$/.test(file));
    const found = languageOfFiles(own);
    const language = found === 'unknown' ? 'typescript' : found;
    const name = typeof config.name === 'string' ? config.name : dir;
    const targets = isRecord(config.targets) ? Object.keys(config.targets) : [];
    const e2eOnly = /-e2e$/.test(name) || /-e2e$/.test(dir) || (targets.includes('e2e') && !targets.some((t) => t === 'serve' || t === 'build'));
    if (config.projectType === 'application') return { kind: e2eOnly ? 'library' : 'app', language };
    if (config.projectType === 'library') return { kind: 'library', language };
    if (/(?:^|\/)apps\//.test(dir)) return { kind: e2eOnly ? 'library' : 'app', language };
    if (/(?:^|\/)(?:libs|packages)\//.test(dir)) return { kind: 'library', language };
    return undefined;
  },
});
