import type { ComposeServiceFact, ComposeVolume } from '../facts.js';
import type { ParsedYaml } from '../../parsers/yaml.js';
import { resolveInRepo } from '../../snapshot/paths.js';
import { isRecord } from '../../parsers/record.js';

export type RawMap = Record<string, unknown>;

/** Build contexts Docker fetches rather than reads from the repository (https://docs.docker.com/build/concepts/context/#git-repositories). */
const REMOTE_CONTEXT = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)|\.git(?:#|$)/i;

/** One parsed Compose file, as the service readers need it. */
export interface ComposeSource {
  file: string;
  yaml: ParsedYaml;
  services: RawMap;
}

/** `build` as one file writes it; `context` is undefined when the file names none (an override adding a `dockerfile`). */
export interface BuildParts {
  file: string;
  line?: number;
  context?: string;
  /** The written context is remote, outside the repository or a variable: the build is not ours to read. */
  outside?: boolean;
  dockerfile?: string;
  inline?: boolean;
  target?: string;
  additionalContexts?: string[];
}

/** What one file says about one service, paths resolved against the project directory. */
export interface ServiceParts {
  file: string;
  line?: number;
  build?: BuildParts;
  image?: string;
  ports?: string[];
  /** Each with the file it is written in, so lines are kept only where they belong. */
  volumes?: Array<ComposeVolume & { file: string }>;
  develop?: { watch: boolean; line?: number; file: string };
  profiles?: string[];
}

/** Reads one service of one file, without following `extends`. */
export function readParts(source: ComposeSource, name: string, dir: string): ServiceParts | undefined {
  const raw = source.services[name];
  if (!isRecord(raw)) return undefined; // reported by the schema
  const { file, yaml } = source;
  const line = yaml.lineOf(['services', name]);
  const lineIn = (...path: Array<string | number>) => yaml.lineOf(['services', name, ...path]) ?? line;
  const parts: ServiceParts = { file, line };
  if (raw.build !== undefined && raw.build !== null) parts.build = buildOf(raw.build, dir, file, lineIn('build'));
  if (typeof raw.image === 'string') parts.image = raw.image;
  if (Array.isArray(raw.ports)) parts.ports = raw.ports.flatMap((port) => portOf(port) ?? []);
  if (Array.isArray(raw.volumes)) {
    parts.volumes = raw.volumes.flatMap((volume, index) => {
      const read = volumeOf(volume, dir, lineIn('volumes', index));
      return read ? [{ ...read, file }] : [];
    });
  }
  if (raw.develop !== undefined) {
    const watch = isRecord(raw.develop) && Array.isArray(raw.develop.watch) && raw.develop.watch.length > 0;
    parts.develop = { watch, line: watch ? lineIn('develop') : undefined, file };
  }
  if (Array.isArray(raw.profiles)) parts.profiles = raw.profiles.filter((p): p is string => typeof p === 'string');
  return parts;
}

/** The fact for a service of `file`; lines that belong to another file are left out. */
export function toServiceFact(name: string, file: string, parts: ServiceParts, projectDir: string): ComposeServiceFact {
  const build = parts.build && !parts.build.outside ? parts.build : undefined;
  const develop = parts.develop?.watch ? parts.develop : undefined;
  const fact: ComposeServiceFact = {
    name,
    file,
    line: parts.line,
    build: build && withoutUndefined({
      context: build.context ?? projectDir,
      dockerfile: build.dockerfile,
      inline: build.inline,
      line: build.line,
      target: build.target,
      additionalContexts: build.additionalContexts,
      file: build.file === file ? undefined : build.file,
    }),
    image: parts.image,
    ports: parts.ports ?? [],
    volumes: (parts.volumes ?? []).map(({ file: from, ...volume }) => withoutUndefined({ ...volume, line: from === file ? volume.line : undefined })),
    developWatch: develop !== undefined,
    developLine: develop?.file === file ? develop.line : undefined,
    profiles: parts.profiles ?? [],
  };
  return withoutUndefined(fact);
}

function buildOf(raw: unknown, dir: string, file: string, line: number | undefined): BuildParts | undefined {
  const spec = typeof raw === 'string' ? { context: raw } : isRecord(raw) ? raw : undefined;
  if (!spec) return undefined;
  const build: BuildParts = { file, line };
  if (typeof spec.context === 'string') {
    const written = spec.context.trim();
    const context = REMOTE_CONTEXT.test(written) ? undefined : resolveInRepo(dir, written);
    if (context === undefined) build.outside = true;
    else build.context = context;
  }
  if (typeof spec.dockerfile === 'string') build.dockerfile = spec.dockerfile;
  if (typeof spec.dockerfile_inline === 'string') build.inline = true;
  if (typeof spec.target === 'string') build.target = spec.target;
  if (isRecord(spec.additional_contexts) || Array.isArray(spec.additional_contexts)) {
    build.additionalContexts = additionalContexts(spec.additional_contexts, dir);
  }
  return withoutUndefined(build);
}

/**
 * `additional_contexts` as a map or a `name=path` list; only directories of the repository are kept
 * (images `docker-image://`, stages `service:`, URLs are not code of ours). Relative paths resolve
 * against the project directory, as `context` does (compose-go's `absContextPath`).
 */
function additionalContexts(raw: RawMap | unknown[], dir: string): string[] {
  const values = Array.isArray(raw) ? raw.map((item) => String(item).split('=').slice(1).join('=')) : Object.values(raw).map(String);
  return values.flatMap((value) => (/^[\w+.-]+:/.test(value) && !/^[a-zA-Z]:[\\/]/.test(value) ? [] : resolveInRepo(dir, value) ?? [])).sort();
}

/** Short syntax as written; long syntax rendered as `[HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL]`. */
function portOf(raw: unknown): string | undefined {
  if (typeof raw === 'number' || typeof raw === 'string') return String(raw);
  if (!isRecord(raw) || raw.target === undefined) return undefined;
  const hostIp = typeof raw.host_ip === 'string' ? `${raw.host_ip}:` : '';
  const published = raw.published !== undefined ? `${String(raw.published)}:` : '';
  const protocol = typeof raw.protocol === 'string' ? `/${raw.protocol}` : '';
  return `${hostIp}${published}${String(raw.target)}${protocol}`;
}

function volumeOf(raw: unknown, dir: string, line: number | undefined): ComposeVolume | undefined {
  let volume: ComposeVolume;
  if (typeof raw === 'string') {
    const [first, second] = splitVolumeSpec(raw);
    volume = second === undefined
      ? { target: first, bind: false }
      : { source: first, target: second, bind: /^[./~$]|^[a-zA-Z]:[\\/]/.test(first ?? '') };
  } else if (isRecord(raw)) {
    const source = typeof raw.source === 'string' ? raw.source : undefined;
    const target = typeof raw.target === 'string' ? raw.target : undefined;
    volume = { source, target, bind: raw.type === 'bind' };
  } else {
    return undefined;
  }
  if (volume.bind && volume.source !== undefined) volume.repoPath = repoPathOf(volume.source, dir);
  volume.line = line;
  return withoutUndefined(volume);
}

/** `SOURCE:TARGET[:MODE]`, where `${VAR:-default}` and a Windows drive letter may hold colons of their own. */
function splitVolumeSpec(spec: string): string[] {
  const parts: string[] = [];
  let current = '';
  let depth = 0;
  for (const char of spec) {
    if (char === '{') depth++;
    if (char === '}') depth = Math.max(0, depth - 1);
    if (char === ':' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  if (/^[a-zA-Z]$/.test(parts[0] ?? '') && /^[\\/]/.test(parts[1] ?? '')) parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
  return parts;
}

/** `$PWD` is where Compose is run from, in practice the project directory; other variables and `~` leave the repository. */
function repoPathOf(source: string, dir: string): string | undefined {
  const local = source.trim().replace(/^\$\{?PWD\}?(?=\/|$)/, '.');
  if (/^[~$/\\]|^[a-zA-Z]:/.test(local)) return undefined;
  return resolveInRepo(dir, local);
}

/** Facts stay comparable with `toEqual` and serialise without `"key": undefined` noise. */
export function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}
