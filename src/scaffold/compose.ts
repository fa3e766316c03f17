import { compareText } from '../compare-text.js';
import { posix } from 'node:path';
import { Document, parseDocument, Scalar, visit, type Node } from 'yaml';
import type { ComposeFileFact, Facts } from '../detectors/facts.js';
import { isOverrideFile } from '../detectors/compose/names.js';
import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';
import { baseName, dirOf } from '../snapshot/paths.js';
import { BACKING_SERVICE_INFO, backingServiceOfImage, type BackingService } from './backing-services.js';
import { headerComment } from './header.js';
import { uniqueName, type PlannedImage } from './images.js';
import type { GeneratedFile, GeneratorInfo } from './types.js';

/** The names `docker compose` reads without `-f`, in its order of preference. */
const DEFAULT_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

type Definition = Record<string, unknown>;

/**
 * compose.yaml for the whole app, or, when the repository already has one, an override file
 * Compose merges into it (https://docs.docker.com/compose/how-tos/multiple-compose-files/merge/)
 * with what it lacks: services, backing services, and `develop.watch` for the dev loop. Never
 * rewrites the team's own file; an existing override is extended, comments kept.
 */
export function composeFile(snapshot: RepoSnapshot, facts: Facts, images: readonly PlannedImage[], generator: GeneratorInfo): GeneratedFile | undefined {
  const base = appComposeFile(facts.compose);
  const dir = base ? dirOf(base.path) : '.';
  const path = base ? base.path.replace(/\.(ya?ml)$/, '.override.$1') : 'compose.yaml';
  const inDir = facts.compose.filter((file) => dirOf(file.path) === dir);
  const taken = new Set(inDir.flatMap((file) => file.services.map((s) => s.name)));
  const present = new Map<BackingService, string>();
  for (const service of inDir.flatMap((file) => file.services)) {
    const family = service.image ? backingServiceOfImage(service.image) : undefined;
    if (family && !present.has(family)) present.set(family, service.name);
  }
  const devReady = facts.devEnvironment.some((evidence) => evidence.confidence !== 'weak');
  const services = new Map<string, Definition>();
  const volumes: string[] = [];
  const backingNames = new Map<BackingService, string>();
  for (const family of [...new Set(images.filter((i) => i.service.composeServices.length === 0).flatMap((i) => i.backing))].sort()) {
    if (present.has(family)) continue;
    const name = uniqueName(family, taken);
    backingNames.set(family, name);
  }
  const hostPorts = new Set<number>();
  for (const image of images) {
    if (image.service.composeServices.length > 0) {
      if (!devReady) services.set(image.name, { develop: { watch: watchRules(image, dir) } });
      continue;
    }
    services.set(image.name, appService(image, dir, backingNames, present, hostPorts));
  }
  for (const [family, name] of backingNames) {
    const info = BACKING_SERVICE_INFO[family];
    const definition: Definition = { image: info.image };
    if (Object.keys(info.environment).length > 0) definition.environment = info.environment;
    definition.volumes = [`${name}-data:${info.dataPath}`];
    services.set(name, definition);
    volumes.push(`${name}-data`);
  }
  if (services.size === 0) return undefined;
  const existing = snapshot.text(path);
  const document = existing === undefined ? new Document({}) : parseDocument(existing);
  if (existing === undefined) document.commentBefore = header(generator, base?.path, path).join('\n').replace(/^#/gm, '');
  const node = (value: unknown) => quotePorts(document.createNode(value));
  for (const [name, definition] of services) {
    if (!document.hasIn(['services', name])) document.setIn(['services', name], node(definition));
    else if (definition.develop && !document.hasIn(['services', name, 'develop'])) document.setIn(['services', name, 'develop'], node(definition.develop));
  }
  for (const volume of volumes) if (!document.hasIn(['volumes', volume])) document.setIn(['volumes', volume], node({}));
  return { path, kind: 'compose', content: document.toString({ lineWidth: 0, flowCollectionPadding: false }) };
}

/** The file `docker compose up` reads: a default name at the root, else the shallowest valid app file. */
export function appComposeFile(files: readonly ComposeFileFact[]): ComposeFileFact | undefined {
  const apps = files.filter((file) => file.valid && !file.override && !isOverrideFile(file.path));
  const rank = (file: ComposeFileFact) => {
    const index = DEFAULT_NAMES.indexOf(baseName(file.path));
    return file.path.split('/').length * 10 + (index === -1 ? 9 : index);
  };
  return [...apps].sort((a, b) => rank(a) - rank(b) || compareText(a.path, b.path))[0];
}

function appService(image: PlannedImage, dir: string, added: Map<BackingService, string>, present: Map<BackingService, string>, hostPorts: Set<number>): Definition {
  const context = relative(dir, image.context);
  const dockerfile = posix.relative(image.context === '.' ? '' : image.context, image.dockerfile);
  const definition: Definition = { build: dockerfile === 'Dockerfile' ? context : { context, dockerfile } };
  if (image.ports.length > 0) {
    definition.ports = image.ports.map((port) => {
      let host = port;
      while (hostPorts.has(host)) host++;
      hostPorts.add(host);
      return `${host}:${port}`;
    });
  }
  const environment: Record<string, string> = {};
  const dependsOn: string[] = [];
  for (const family of image.backing) {
    const name = added.get(family) ?? present.get(family);
    if (!name) continue;
    dependsOn.push(name);
    const [variable, url] = BACKING_SERVICE_INFO[family].connection;
    if (added.has(family) && !(variable in environment)) environment[variable] = url.replace(`@${family}:`, `@${name}:`).replace(`//${family}:`, `//${name}:`);
  }
  if (Object.keys(environment).length > 0) definition.environment = environment;
  if (dependsOn.length > 0) definition.depends_on = dependsOn;
  definition.develop = { watch: watchRules(image, dir) };
  return definition;
}

/**
 * https://docs.docker.com/compose/how-tos/file-watch/: interpreted languages get their sources
 * synced into the running container (and restart it); compiled ones and Dockerfiles this tool
 * did not write are rebuilt on change.
 */
function watchRules(image: PlannedImage, dir: string): Definition[] {
  const path = relative(dir, image.context);
  const profile = image.profile;
  if (profile?.reload !== 'sync') return [{ action: 'rebuild', path }];
  const sync: Definition = { action: 'sync+restart', path, target: profile.workdir };
  if (profile.syncIgnore.length > 0) sync.ignore = profile.syncIgnore;
  return [sync, ...profile.rebuildOn.map((file) => ({ action: 'rebuild', path: posix.join(path, file) }))];
}

function header(generator: GeneratorInfo, base: string | undefined, path: string): string[] {
  const merged = base && DEFAULT_NAMES.includes(baseName(base))
    ? `Compose merges this file into ${baseName(base)}: docker compose up reads both.`
    : base ? `Use it with its base file: docker compose -f ${baseName(base)} -f ${baseName(path)} up.` : undefined;
  return [
    ...headerComment(generator, 'compose', [
      'ports, and the backing services guessed from the dependencies',
      'passwords and URLs are development defaults: never use them in production',
    ]),
    ...(merged ? [`# ${merged}`] : []),
    '# Start: docker compose up --build; live updates: docker compose watch',
  ];
}

/** `./services/api` as Compose writes paths relative to the project directory. */
function relative(from: string, to: string): string {
  const path = posix.relative(from === '.' ? '' : from, to === '.' ? '' : to);
  if (path === '') return '.';
  return path.startsWith('..') ? path : `./${path}`;
}

/**
 * `"8080:8080"`: unquoted, YAML 1.1 parsers read `HH:MM`-like values as base-60 numbers. Only
 * nodes this tool adds are touched; the team's own lines stay as they wrote them.
 */
function quotePorts<T extends Node>(node: T): T {
  visit(node, {
    Scalar(_key, scalar) {
      if (typeof scalar.value === 'string' && /^\d+:\d+$/.test(scalar.value)) scalar.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return node;
}
