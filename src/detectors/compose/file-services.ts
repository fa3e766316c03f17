import type { ComposeServiceFact } from '../facts.js';
import { resolveService, type ExtendsReference, type SourceLoader } from './extends.js';
import { mergeBuild } from './merge.js';
import type { FileRole } from './roles.js';
import { toServiceFact } from './service.js';

/**
 * The services of one file as Compose sees them in its app: `extends` followed, paths resolved
 * against the project directory, and, for a file merged over another (an override, a later `-f`
 * file), `build` merged over the base's, since an override often only names a `dockerfile` or a
 * `target`. Other attributes stay as this file writes them: each file is a fact of its own, and
 * evidence lines must point into the file they are reported for.
 */
export function servicesOfFile(load: SourceLoader, path: string, role: FileRole): { services: ComposeServiceFact[]; references: ExtendsReference[] } {
  const source = load(path);
  if (!source) return { services: [], references: [] };
  const references: ExtendsReference[] = [];
  const base = role.base !== undefined ? load(role.base) : undefined;
  const services = Object.keys(source.services).flatMap((name) => {
    let parts = resolveService(load, path, name, role.projectDir, references);
    if (!parts) return [];
    if (base && role.base !== undefined && base.services[name] !== undefined && parts.build) {
      const baseParts = resolveService(load, role.base, name, role.projectDir);
      parts = { ...parts, build: mergeBuild(baseParts?.build, parts.build) };
    }
    return [toServiceFact(name, path, parts, role.projectDir)];
  });
  return { services, references };
}
