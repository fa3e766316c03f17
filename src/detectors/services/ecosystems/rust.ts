import { tomlAt, tomlOf } from '../../../parsers/toml.js';
import { hasFile, inDir } from '../project.js';
import { defineEcosystem } from './define.js';

/**
 * A Cargo package is an app when it has a binary target (https://doc.rust-lang.org/cargo/reference/cargo-targets.html):
 * src/main.rs, src/bin/, or `[[bin]]`. A virtual workspace manifest (`[workspace]`, no `[package]`) builds nothing itself.
 */
export const rust = defineEcosystem({
  id: 'rust',
  manifests: ['Cargo.toml'],
  rank: 3,
  classify(project) {
    const { snapshot, dir, manifest } = project;
    const parsed = tomlOf(snapshot, manifest);
    const text = snapshot.text(manifest) ?? '';
    const hasPackage = parsed?.error ? /^\[package\]/m.test(text) : tomlAt(parsed?.value, 'package') !== undefined;
    const hasWorkspace = parsed?.error ? /^\[workspace\]/m.test(text) : tomlAt(parsed?.value, 'workspace') !== undefined;
    if (hasWorkspace && !hasPackage) return { kind: 'workspace-root' };
    const bins = tomlAt(parsed?.value, 'bin');
    const isBinary = hasFile(snapshot, dir, 'src/main.rs') || (Array.isArray(bins) && bins.length > 0) || /^\[\[bin\]\]/m.test(text) || snapshot.filesUnder(inDir(dir, 'src/bin')).length > 0;
    return { kind: isBinary ? 'app' : 'library', language: 'rust' };
  },
});
