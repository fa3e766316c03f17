/** Small helpers so templates read like the Dockerfiles they write. */

/** https://docs.docker.com/build/cache/optimize/#use-cache-mounts */
export const cacheMount = (target: string, extra = ''): string => `--mount=type=cache,target=${target}${extra}`;

/** RUN with one part per line, joined with ` \`, so long commands stay within 80 columns. */
export function run(...parts: string[]): string {
  return `RUN ${parts.join(' \\\n    ')}`;
}

/** RUN with cache mounts on the first line and the command on the next. */
export function cachedRun(mounts: readonly string[], ...command: string[]): string {
  return run(...mounts, ...command);
}

/** Shell commands joined with `&&`, one per line. */
export function and(...commands: string[]): string {
  return commands.join(' \\\n && ');
}

/** COPY of the files that exist among `candidates` (a missing source would fail the build). */
export function copyExisting(candidates: readonly string[], exists: (path: string) => boolean, destination = './'): string | undefined {
  const present = candidates.filter(exists);
  return present.length > 0 ? `COPY ${present.join(' ')} ${destination}` : undefined;
}

type Item = string | false | undefined | null | readonly Item[];

/** The instructions that apply, in order: `false` and `undefined` (a condition not met) are left out. */
export function lines(...items: Item[]): string[] {
  return items.flatMap((item): string[] => (item === false || item === undefined || item === null ? [] : typeof item === 'string' ? [item] : lines(...item)));
}
