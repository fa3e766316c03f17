import type { Ecosystem } from './define.js';
import { bun } from './bun.js';
import { deno } from './deno.js';
import { dotnet } from './dotnet.js';
import { elixir } from './elixir.js';
import { go } from './go.js';
import { gradle } from './gradle.js';
import { maven } from './maven.js';
import { node } from './node.js';
import { nx } from './nx.js';
import { php } from './php.js';
import { python } from './python.js';
import { ruby } from './ruby.js';
import { rust } from './rust.js';

/** Sorted by id; `rank` (not order) decides which ecosystem names a directory with several manifests. */
export const ECOSYSTEMS: readonly Ecosystem[] = [bun, deno, dotnet, elixir, go, gradle, maven, node, nx, php, python, ruby, rust];
