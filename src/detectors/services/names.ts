import type { ServiceFact } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { baseName } from '../../snapshot/paths.js';
import { tomlAt, tomlOf } from '../../parsers/toml.js';
import { isRecord } from '../../parsers/record.js';

/**
 * What build commands call a service: its directory (name and path) and its package name as
 * its manifest declares it (`@acme/api` and `api`, a crate's name, a project file's name).
 */
export function serviceNames(service: ServiceFact, snapshot: RepoSnapshot): string[] {
  const names = [service.path, baseName(service.path)];
  const manifest = baseName(service.manifest);
  if (manifest === 'package.json') {
    const pkg = snapshot.json(service.manifest)?.value;
    if (isRecord(pkg) && typeof pkg.name === 'string') names.push(pkg.name, pkg.name.replace(/^@[^/]+\//, ''));
  } else if (manifest === 'Cargo.toml' || manifest === 'pyproject.toml') {
    const name = tomlAt(tomlOf(snapshot, service.manifest)?.value, manifest === 'Cargo.toml' ? 'package' : 'project', 'name');
    if (typeof name === 'string') names.push(name);
  } else if (/\.(?:cs|fs|vb)proj$/.test(manifest)) {
    names.push(manifest.replace(/\.\w+$/, ''), service.manifest);
  }
  return [...new Set(names)];
}
