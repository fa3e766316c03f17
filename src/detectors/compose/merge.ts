import type { BuildParts, ServiceParts } from './service.js';

/**
 * Compose's merge rules for the attributes read here
 * (https://github.com/compose-spec/compose-spec/blob/main/13-merge.md): mappings (`build`) merge key
 * by key, scalars (`image`) are replaced, `ports` are appended, `volumes` are merged by their
 * target path, `profiles` and `develop` are replaced. Used for `extends` and for a file merged over
 * another (an override, a later `-f` file).
 */
export function mergeParts(base: ServiceParts, over: ServiceParts): ServiceParts {
  return {
    file: over.file,
    line: over.line,
    build: mergeBuild(base.build, over.build),
    image: over.image ?? base.image,
    ports: base.ports || over.ports ? unique([...(base.ports ?? []), ...(over.ports ?? [])]) : undefined,
    volumes: base.volumes || over.volumes ? mergeVolumes(base.volumes ?? [], over.volumes ?? []) : undefined,
    develop: over.develop ?? base.develop,
    profiles: over.profiles ?? base.profiles,
  };
}

/** The later file's keys win; its build's line is the one shown, since that is what it changed. */
export function mergeBuild(base: BuildParts | undefined, over: BuildParts | undefined): BuildParts | undefined {
  if (!base || !over) return over ?? base;
  const context = over.context !== undefined || over.outside ? { context: over.context, outside: over.outside } : { context: base.context, outside: base.outside };
  const merged: BuildParts = {
    file: over.file,
    line: over.line,
    ...context,
    dockerfile: over.dockerfile ?? (over.inline ? undefined : base.dockerfile),
    inline: over.inline ?? (over.dockerfile ? undefined : base.inline),
    target: over.target ?? base.target,
    additionalContexts: over.additionalContexts || base.additionalContexts ? unique([...(base.additionalContexts ?? []), ...(over.additionalContexts ?? [])]).sort() : undefined,
  };
  for (const key of Object.keys(merged) as Array<keyof BuildParts>) if (merged[key] === undefined) delete merged[key];
  return merged;
}

function mergeVolumes<T extends { target?: string }>(base: T[], over: T[]): T[] {
  const targets = new Set(over.map((volume) => volume.target).filter((target) => target !== undefined));
  return [...base.filter((volume) => volume.target === undefined || !targets.has(volume.target)), ...over];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
