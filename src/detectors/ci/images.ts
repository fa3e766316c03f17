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
  // The tag starts at the first colon after the last slash: `${SHA:0:8}` in a tag has colons of its own.
  const slash = normal.lastIndexOf('/');
  const colon = normal.indexOf(':', slash + 1);
  return colon === -1 ? normal : normal.slice(0, colon);
}

/**
 * Whether an image is one of `built` (same repository, any tag). A build that names no registry
 * (Azure's `Docker@2` takes the registry from a service connection, `docker build -t acme/api`
 * means Docker Hub) also matches the same repository written with a registry host in front.
 */
export function builtImageMatcher(built: readonly string[]): (image: string) => boolean {
  const repositories = new Set(built.map(imageRepository).filter((repository) => repository !== ''));
  return (image) => {
    const repository = imageRepository(image);
    if (repositories.has(repository)) return true;
    const slash = repository.indexOf('/');
    return slash !== -1 && hasRegistryHost(repository) && repositories.has(repository.slice(slash + 1)) && !hasRegistryHost(repository.slice(slash + 1));
  };
}

/** `ghcr.io/…`, `localhost:5000/…`, `$(containerRegistry)/…`: the first segment names a registry. */
function hasRegistryHost(repository: string): boolean {
  const first = repository.split('/')[0] ?? '';
  return repository.includes('/') && (/[.:]/.test(first) || first === 'localhost' || /^\$/.test(first));
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
