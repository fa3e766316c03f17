import type { ImageBuilderFact } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { dirOf, resolveInRepo } from '../../snapshot/paths.js';
import { parseHcl, type HclValue } from '../../parsers/hcl.js';
import { commandsMatching, defineBuilder, optionValue } from './define.js';
import { isRecord } from '../../parsers/record.js';

const BAKE_FILE = /^docker-bake(?:\.override)?\.(?:hcl|json)$/;
const BAKE_COMMAND = /(?:^|[\s/])docker\s+(?:buildx\s+)?bake(?=\s|$)/;

interface Target {
  name: string;
  line: number;
  attributes: Record<string, HclValue>;
}

/**
 * Docker Bake files (https://docs.docker.com/build/bake/reference/) name, per target, a build
 * context and a Dockerfile (relative to the context) or an inline one. Each target that is built
 * (not only inherited from) is an image of the code in its context. Contexts resolve against the
 * file's directory, where `docker buildx bake` runs.
 */
export const dockerBake = defineBuilder({
  id: 'docker-bake',
  files: ['**/docker-bake.hcl', '**/docker-bake.json', '**/docker-bake.override.{hcl,json}', '(files passed to docker buildx bake -f)'],
  find({ snapshot }) {
    const files = new Set(snapshot.filesNamedLike(BAKE_FILE));
    for (const { script, args } of commandsMatching(snapshot, BAKE_COMMAND)) {
      const written = optionValue(args, '-f', '--file');
      const path = written && script.cwds.map((cwd) => resolveInRepo(cwd, written)).find((p) => p !== undefined && snapshot.has(p));
      if (path) files.add(path);
    }
    return [...files].sort().flatMap((path) => bakeTargets(snapshot, path));
  },
});

function bakeTargets(snapshot: RepoSnapshot, path: string): ImageBuilderFact[] {
  const targets = path.endsWith('.json') ? jsonTargets(snapshot, path) : hclTargets(snapshot, path);
  const byName = new Map(targets.map((target) => [target.name, target]));
  const inherited = new Set(targets.flatMap((target) => strings(target.attributes.inherits)));
  const dir = dirOf(path);
  return targets.flatMap((target): ImageBuilderFact[] => {
    if (inherited.has(target.name)) return [];
    const attribute = (key: string) => inheritedAttribute(byName, target, key);
    const written = attribute('context');
    const context = written === undefined ? dir : typeof written === 'string' ? resolveInRepo(dir, written) : undefined;
    if (context === undefined) return []; // remote, a variable, or another target's output
    const fact: ImageBuilderFact = { builder: 'docker-bake', directory: context, path, line: target.line, target: target.name };
    const dockerfile = attribute('dockerfile');
    if (attribute('dockerfile-inline') === undefined) {
      const resolved = resolveInRepo(context, typeof dockerfile === 'string' ? dockerfile : 'Dockerfile');
      if (resolved !== undefined && snapshot.has(resolved)) fact.dockerfile = resolved;
    }
    return [fact];
  });
}

/** An attribute of the target, or of the targets it inherits from (the later one wins, as Bake merges them). */
function inheritedAttribute(byName: Map<string, Target>, target: Target, key: string, depth = 0): HclValue {
  if (key in target.attributes) return target.attributes[key];
  if (depth > 8) return undefined;
  for (const parent of strings(target.attributes.inherits).reverse()) {
    const found = byName.get(parent);
    const value = found && inheritedAttribute(byName, found, key, depth + 1);
    if (value !== undefined) return value;
  }
  return undefined;
}

function hclTargets(snapshot: RepoSnapshot, path: string): Target[] {
  const root = parseHcl(snapshot.text(path) ?? '');
  return root.blocks
    .filter((block) => block.type === 'target' && block.labels.length > 0)
    .map((block) => ({ name: block.labels[0]!, line: block.line, attributes: block.attributes }));
}

function jsonTargets(snapshot: RepoSnapshot, path: string): Target[] {
  const document = snapshot.json(path)?.value;
  const targets = isRecord(document) && isRecord(document.target) ? document.target : {};
  const text = snapshot.text(path) ?? '';
  return Object.entries(targets).flatMap(([name, attributes]) => {
    if (!isRecord(attributes)) return [];
    const line = text.split(/\r?\n/).findIndex((l) => l.includes(JSON.stringify(name))) + 1 || 1;
    return [{ name, line, attributes: attributes as Record<string, HclValue> }];
  });
}

function strings(value: HclValue): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
