/**
 * The lower bound of a version requirement, as manifests write it: `>=20`, `^18.17.0`, `~3.11`,
 * `20.x`, `>=3.9,<4`, `v20.11.1`; of alternatives (`^18 || ^20`), the newest. Undefined when it
 * names no lower bound (`lts/*`, `<3.13`, `*`), so the template's default applies.
 */
export function lowestVersion(requirement: string | undefined): string | undefined {
  if (requirement === undefined) return undefined;
  const bounds: string[] = [];
  for (const part of requirement.split(/\s*(?:,|\|\||\s)\s*/).filter(Boolean)) {
    const match = /^(?:>=|>|\^|~=|~>|~|==|=)?\s*v?(\d+(?:\.\d+){0,2})(?:\.[x*])?(?:[-+][\w.]*)?$/i.exec(part);
    if (match) bounds.push(match[1]!);
  }
  return bounds.sort(compareVersions).at(-1);
}

/** A version written exactly (`.nvmrc`, `.python-version`): kept as written, else undefined. */
export function exactVersion(text: string | undefined): string | undefined {
  const first = text?.split(/\r?\n/).map((line) => line.trim()).find((line) => line && !line.startsWith('#'));
  const match = first ? /^(?:[a-z]+-)?v?(\d+(?:\.\d+){0,2})$/i.exec(first) : null;
  return match?.[1];
}

/** The first `parts` components: `majorMinor('3.12.4', 2)` is `3.12`. */
export function versionPrefix(version: string, parts: number): string {
  return version.split('.').slice(0, parts).join('.');
}

export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
