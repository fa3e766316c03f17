import type { ComposeServiceFact, ComposeVolume } from '../facts.js';
import type { ParsedYaml } from '../../parsers/yaml.js';
import { resolveInRepo } from '../../snapshot/paths.js';

type RawMap = Record<string, unknown>;
type Build = NonNullable<ComposeServiceFact['build']>;

/** `extends` chains longer than this are cut short: real files nest two or three levels. */
const MAX_EXTENDS_DEPTH = 8;

/** Build contexts Docker fetches rather than reads from the repository (https://docs.docker.com/build/concepts/context/#git-repositories). */
const REMOTE_CONTEXT = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)|\.git(?:#|$)/i;

export function isRecord(value: unknown): value is RawMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Services of one Compose file as facts. Paths resolve against the file's directory, which is the
 * project directory when the file is used on its own or first with `-f`.
 */
export function extractServices(file: string, dir: string, services: RawMap, yaml: ParsedYaml): ComposeServiceFact[] {
  const facts: ComposeServiceFact[] = [];
  for (const [name, raw] of Object.entries(services)) {
    if (!isRecord(raw)) continue; // reported by the schema
    const line = yaml.lineOf(['services', name]);
    const lineIn = (from: string, ...path: Array<string | number>) => yaml.lineOf(['services', from, ...path]) ?? line;
    const build = inherited(services, name, 'build');
    const image = inherited(services, name, 'image');
    const volumes = inherited(services, name, 'volumes');
    const develop = isRecord(raw.develop) ? raw.develop : undefined;
    const developWatch = Array.isArray(develop?.watch) && develop.watch.length > 0;
    const fact: ComposeServiceFact = {
      name,
      file,
      line,
      build: build && buildOf(build.value, dir, lineIn(build.from, 'build')),
      image: typeof image?.value === 'string' ? image.value : undefined,
      ports: Array.isArray(raw.ports) ? raw.ports.flatMap((port) => portOf(port) ?? []) : [],
      volumes: volumes && Array.isArray(volumes.value)
        ? volumes.value.flatMap((volume, index) => volumeOf(volume, dir, lineIn(volumes.from, 'volumes', index)) ?? [])
        : [],
      developWatch,
      developLine: developWatch ? lineIn(name, 'develop') : undefined,
      profiles: Array.isArray(raw.profiles) ? raw.profiles.filter((p): p is string => typeof p === 'string') : [],
    };
    facts.push(withoutUndefined(fact));
  }
  return facts;
}

/** The service `extends` names in this file; one in another file is not followed. */
function extendedService(raw: RawMap): string | undefined {
  if (typeof raw.extends === 'string') return raw.extends;
  if (isRecord(raw.extends) && typeof raw.extends.service === 'string' && raw.extends.file === undefined) return raw.extends.service;
  return undefined;
}

/** An attribute from the service itself or, when it has none, from the nearest service it extends. */
function inherited(services: RawMap, name: string, key: string): { value: unknown; from: string } | undefined {
  const seen = new Set<string>();
  let current: string | undefined = name;
  for (let depth = 0; current !== undefined && depth <= MAX_EXTENDS_DEPTH && !seen.has(current); depth++) {
    const raw = services[current];
    if (!isRecord(raw)) return undefined;
    if (raw[key] !== undefined && raw[key] !== null) return { value: raw[key], from: current };
    seen.add(current);
    current = extendedService(raw);
  }
  return undefined;
}

function buildOf(raw: unknown, dir: string, line: number | undefined): Build | undefined {
  const spec = typeof raw === 'string' ? { context: raw } : isRecord(raw) ? raw : undefined;
  if (!spec) return undefined;
  const written = typeof spec.context === 'string' ? spec.context : '.';
  if (REMOTE_CONTEXT.test(written.trim())) return undefined;
  const context = resolveInRepo(dir, written);
  if (context === undefined) return undefined;
  const build: Build = { context, line };
  if (typeof spec.dockerfile === 'string') build.dockerfile = spec.dockerfile;
  if (typeof spec.dockerfile_inline === 'string') build.inline = true;
  return withoutUndefined(build);
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
function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}
