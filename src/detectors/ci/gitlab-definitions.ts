import { compileGlob } from '../../parsers/glob.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { matching } from './find-files.js';
import { loadYaml, type Report } from './provider.js';
import { asMap, asText, asTextList, type YamlMap } from './values.js';
import { yamlSources, type YamlConfig, type YamlSources } from './yaml-sources.js';

// https://docs.gitlab.com/ci/yaml/includes/ and https://docs.gitlab.com/ci/yaml/#extends
export const GITLAB_KEYWORDS = new Set([
  'stages', 'types', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'spec',
]);
/** GitLab stops at 150 includes and 11 levels of extends; real pipelines stay far below these. */
const MAX_INCLUDE_DEPTH = 10;
const MAX_EXTENDS_DEPTH = 11;

/** A merged value with, for each of its keys, the object it came from as written in a file. */
export interface Resolved {
  value: YamlMap;
  origin: Record<string, YamlMap>;
}

export interface GitlabPipeline {
  /** Every file read, including those that did not parse. */
  paths: string[];
  sources: YamlSources;
  /** Visible jobs, in the order they are first defined, with where. */
  jobs: Array<{ name: string; file: string; line?: number }>;
  /** A job or template with its `extends` applied. */
  resolve(name: string): Resolved | undefined;
  /** `default:` merged with the old top-level `image`, `services`, `before_script`, `after_script`. */
  defaults: Resolved;
  /** Top-level `variables:` of every file, merged. */
  variables: unknown;
  /** `!reference [.setup, script]`, which the parser hands over as a plain list. */
  reference(item: unknown[]): { container: object; key: string } | undefined;
  /** Includes this tool cannot read (`template:`, `component:`, `project:`, `remote:`), where they are written. */
  remoteIncludes: RemoteInclude[];
}

export interface RemoteInclude {
  kind: 'template' | 'component' | 'project' | 'remote';
  /** `Auto-DevOps.gitlab-ci.yml`, `gitlab.com/components/docker/build@1`, `acme/ci-templates:/docker.yml`. */
  name: string;
  inputs: YamlMap;
  path: string;
  line?: number;
}

export function loadGitlabPipeline(snapshot: RepoSnapshot, report: Report, onConfig: (config: YamlConfig) => void): GitlabPipeline {
  const paths: string[] = [];
  const configs: YamlConfig[] = [];
  const visit = (path: string, depth: number) => {
    if (paths.includes(path) || depth > MAX_INCLUDE_DEPTH) return;
    paths.push(path);
    // A CI/CD component file starts with a `spec:` header document; the pipeline is the next one.
    const config = loadYaml(snapshot, path, report, (docs) => (docs.length > 1 && Object.keys(asMap(docs[0]) ?? {}).join() === 'spec' ? 1 : 0));
    if (!config) return;
    onConfig(config);
    // Included files are merged first; the including file overrides them.
    for (const included of localIncludes(asMap(config.root)?.include, snapshot)) visit(included, depth + 1);
    configs.push(config);
  };
  visit('.gitlab-ci.yml', 0);

  const definitions = new Map<string, YamlMap[]>();
  const jobs: GitlabPipeline['jobs'] = [];
  const sources = yamlSources(configs);
  const remoteIncludes = configs.flatMap((config) => remoteIncludesOf(config, sources));
  for (const config of configs) {
    const root = asMap(config.root) ?? {};
    for (const [name, value] of Object.entries(root)) {
      const map = asMap(value);
      if (!map) continue;
      if (!definitions.has(name) && !GITLAB_KEYWORDS.has(name) && !name.startsWith('.')) {
        jobs.push({ name, file: config.path, line: sources.placeOf(root, name)?.line });
      }
      definitions.set(name, [...(definitions.get(name) ?? []), map]);
    }
  }

  const cache = new Map<string, Resolved | undefined>();
  const resolve = (name: string, stack: string[] = []): Resolved | undefined => {
    if (cache.has(name)) return cache.get(name);
    const layers = definitions.get(name);
    if (!layers || stack.includes(name) || stack.length > MAX_EXTENDS_DEPTH) return undefined;
    const own = merge(layers.map(asLayer));
    const parents = asTextList(own.value.extends).flatMap((parent) => resolve(parent, [...stack, name]) ?? []);
    const resolved = merge([...parents, own]);
    cache.set(name, resolved);
    return resolved;
  };

  const globals = merge(configs.map((config) => asMap(config.root) ?? {}).map(asLayer));
  const legacy = ['image', 'services', 'before_script', 'after_script'].filter((key) => globals.value[key] !== undefined);
  const defaults = merge([
    { value: Object.fromEntries(legacy.map((key) => [key, globals.value[key]])), origin: Object.fromEntries(legacy.map((key) => [key, globals.origin[key]!])) },
    merge((definitions.get('default') ?? []).map(asLayer)),
  ]);

  const reference = (item: unknown[]): { container: object; key: string } | undefined => {
    const keys = item.map(asText);
    if (keys.length < 2 || keys.some((key) => key === undefined)) return undefined;
    const target = resolve(keys[0]!);
    if (!target) return undefined;
    let container: YamlMap | undefined = target.origin[keys[1]!];
    for (let index = 2; index < keys.length; index++) container = asMap(container?.[keys[index - 1]!]);
    const key = keys.at(-1)!;
    return container && key in container ? { container, key } : undefined;
  };

  return { paths, sources, jobs, resolve, defaults, variables: globals.value.variables, reference, remoteIncludes };
}

function remoteIncludesOf(config: YamlConfig, sources: YamlSources): RemoteInclude[] {
  const root = asMap(config.root) ?? {};
  const include = root.include;
  const items = Array.isArray(include) ? include : include === undefined ? [] : [include];
  return items.flatMap((item, index): RemoteInclude[] => {
    const map = asMap(item);
    if (!map) return [];
    const at = (Array.isArray(include) ? sources.placeOf(include, index) : undefined) ?? sources.placeOf(root, 'include');
    const place = { path: config.path, ...(at ? { line: at.line } : {}) };
    const inputs = asMap(map.inputs) ?? {};
    if (asText(map.template)) return [{ kind: 'template' as const, name: asText(map.template)!, inputs, ...place }];
    if (asText(map.component)) return [{ kind: 'component' as const, name: asText(map.component)!, inputs, ...place }];
    if (asText(map.remote)) return [{ kind: 'remote' as const, name: asText(map.remote)!, inputs, ...place }];
    if (asText(map.project)) return asTextList(map.file).map((file) => ({ kind: 'project' as const, name: `${asText(map.project)}:${file}`, inputs, ...place }));
    return [];
  });
}

/**
 * What an include may name: the files CI providers read as configs (YAML and JSON files,
 * Jenkinsfiles, Earthfiles). GitLab itself takes only YAML.
 */
const INCLUDABLE = /\.(?:ya?ml|json)$|jenkinsfile|(?:^|\/)Earthfile$/i;

/** `include: ci/build.yml`, `include: [{ local: '/ci/*.yml' }]`: files of this repository only. */
function localIncludes(include: unknown, snapshot: RepoSnapshot): string[] {
  const items = Array.isArray(include) ? include : include === undefined ? [] : [include];
  const written = items.flatMap((item) => {
    const map = asMap(item);
    const path = map ? asText(map.local) : asText(item);
    return path === undefined || /^https?:\/\//.test(path) || path.includes('$') ? [] : [path.replace(/^\/+/, '')];
  });
  return written.flatMap((path) => {
    if (!/[*?[{]/.test(path)) return INCLUDABLE.test(path) && snapshot.has(path) ? [path] : [];
    const matches = compileGlob(path, { dot: true });
    return includableFiles(snapshot).filter((file) => matches(file));
  });
}

/** Every path INCLUDABLE matches, sorted: by name, and, for `jenkinsfile` in a directory name, by directory. */
function includableFiles(snapshot: RepoSnapshot): string[] {
  return matching(INCLUDABLE, snapshot.filesNamedLike(INCLUDABLE), snapshot.filesInDirectoriesLike((dir) => /jenkinsfile/i.test(dir)));
}

function asLayer(map: YamlMap): Resolved {
  return { value: map, origin: Object.fromEntries(Object.keys(map).map((key) => [key, map])) };
}

/** GitLab's merge for includes and `extends`: maps merge deeply, anything else is replaced. */
function merge(layers: readonly Resolved[]): Resolved {
  const value: YamlMap = {};
  const origin: Record<string, YamlMap> = {};
  for (const layer of layers) {
    for (const [key, next] of Object.entries(layer.value)) {
      value[key] = deepMerge(value[key], next);
      origin[key] = layer.origin[key]!;
    }
  }
  return { value, origin };
}

function deepMerge(base: unknown, next: unknown): unknown {
  const baseMap = asMap(base);
  const nextMap = asMap(next);
  if (!baseMap || !nextMap) return next;
  const merged: YamlMap = { ...baseMap };
  for (const [key, value] of Object.entries(nextMap)) merged[key] = deepMerge(merged[key], value);
  return merged;
}
