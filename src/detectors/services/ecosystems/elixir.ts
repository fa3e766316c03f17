import { textOf } from '../project.js';
import { defineEcosystem } from './define.js';

/**
 * Mix projects (https://hexdocs.pm/mix/Mix.Tasks.Release.html): an app has a `releases` config, an
 * application callback module (`mod:`) or Phoenix; a package without them is a library. An
 * umbrella root is a service only when it declares the release its children ship in.
 */
export const elixir = defineEcosystem({
  id: 'elixir',
  manifests: ['mix.exs'],
  rank: 3,
  classify({ snapshot, manifest }) {
    const text = textOf(snapshot, manifest);
    const releases = /\breleases:/.test(text);
    if (/apps_path:/.test(text)) return releases ? { kind: 'app', language: 'elixir' } : { kind: 'workspace-root' };
    const isApp = releases || /\bmod:\s*\{/.test(text) || /\{:phoenix,/.test(text) || !/\bpackage:/.test(text);
    return { kind: isApp ? 'app' : 'library', language: 'elixir' };
  },
});
