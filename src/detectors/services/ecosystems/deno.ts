import { hasFile, ownFiles } from '../project.js';
import { languageOfFiles } from '../language.js';
import { defineEcosystem } from './define.js';
import { isRecord } from '../../../parsers/record.js';

/** Tasks that run a server or script: `deno run -A main.ts`, `deno serve`, Fresh's `deno run -A --watch dev.ts`. */
const RUNS = /\bdeno\s+(?:run|serve)\b/;
const ENTRY_FILES = ['main.ts', 'main.js', 'server.ts', 'server.js', 'app.ts', 'dev.ts'];

/**
 * Deno projects (https://docs.deno.com/runtime/fundamentals/configuration/): deno.json or
 * deno.jsonc. A `workspace` root is not a service unless it runs code of its own; a package with
 * `exports` and no task that runs it is a library (published to JSR).
 */
export const deno = defineEcosystem({
  id: 'deno',
  manifests: ['deno.json', 'deno.jsonc'],
  rank: 1.5,
  classify(project) {
    const { snapshot, dir, manifest } = project;
    const config = snapshot.json(manifest)?.value;
    const tasks = isRecord(config) && isRecord(config.tasks) ? Object.values(config.tasks).filter((t): t is string => typeof t === 'string') : [];
    const own = ownFiles(snapshot, dir, project.projectDirs);
    const language = languageOfFiles(own.filter((file) => /\.[cm]?[jt]sx?$/.test(file))) === 'javascript' ? 'javascript' : 'typescript';
    const runs = tasks.some((task) => RUNS.test(task)) || ENTRY_FILES.some((name) => hasFile(snapshot, dir, name));
    if (isRecord(config) && config.workspace !== undefined && !tasks.some((task) => RUNS.test(task))) return { kind: 'workspace-root' };
    if (runs) return { kind: 'app', language };
    return { kind: isRecord(config) && config.exports !== undefined ? 'library' : 'app', language };
  },
});
