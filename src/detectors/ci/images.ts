/** Image references as CI files write them: tags, digests, variables in three spellings. */

/**
 * `ghcr.io/acme/api:1.2@sha256:…` → `ghcr.io/acme/api`. Variables compare equal however they are
 * spelled (`${IMAGE}` and `$IMAGE`, `${{ env.IMAGE }}` and `${{env.IMAGE}}`); case is ignored.
 */
export function imageRepository(image: string): string {
  const normal = image
    .trim()
    .toLowerCase()
    .replace(/\$\{\{\s*(.*?)\s*\}\}/g, '$${{$1}}')
    .replace(/\$\{(\w+)\}/g, '$$$1')
    .replace(/@.*$/, '');
  const slash = normal.lastIndexOf('/');
  const colon = normal.lastIndexOf(':');
  return colon > slash ? normal.slice(0, colon) : normal;
}

/** Whether an image is one of `built` (same repository, any tag). */
export function builtImageMatcher(built: readonly string[]): (image: string) => boolean {
  const repositories = new Set(built.map(imageRepository).filter((repository) => repository !== ''));
  return (image) => repositories.has(imageRepository(image));
}

/**
 * An official Docker Hub image (`node:20`, `library/python`): never the project's own. Anything
 * with a registry host, an organisation or a variable might be.
 */
export function looksPublic(image: string): boolean {
  const trimmed = image.trim();
  if (trimmed === '' || /[$%{]/.test(trimmed)) return false;
  const segments = trimmed.split('/');
  return segments.length === 1 || (segments.length === 2 && segments[0] === 'library');
}

/** `${{ needs.build.outputs.image }}` → `build`: the image another job of the workflow made. */
export function neededJobOf(image: string): string | undefined {
  return /\$\{\{\s*needs\.([\w-]+)\.outputs\.[\w-]+\s*\}\}/.exec(image)?.[1];
}

/** `$IMAGE`, `${IMAGE}` and Azure's `$(IMAGE)` replaced by what the pipeline sets them to, a few levels deep. */
export function expandVariables(image: string, variables: Readonly<Record<string, string>>): string {
  let expanded = image;
  for (let round = 0; round < 3; round++) {
    expanded = expanded.replace(/\$\{(\w+)\}|\$(\w+)|\$\(([\w.]+)\)/g, (whole, braced?: string, bare?: string, macro?: string) => variables[braced ?? bare ?? macro ?? ''] ?? whole);
  }
  return expanded;
}
