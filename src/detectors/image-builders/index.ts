import { defineDetector } from '../define.js';
import { compareText } from '../../compare-text.js';
import type { ImageBuilder, ImageBuilderFact } from '../facts.js';
import type { BuilderFinder } from './define.js';
import { buildpacks } from './buildpacks.js';
import { composeDockerfileInline } from './compose-dockerfile-inline.js';
import { dockerBake } from './docker-bake.js';
import { dotnetSdkContainer } from './dotnet-sdk-container.js';
import { earthly } from './earthly.js';
import { jib } from './jib.js';
import { ko } from './ko.js';
import { nixpacks } from './nixpacks.js';
import { railpack } from './railpack.js';

/** One finder per tool, keyed by builder id so a builder without a finder fails to compile. */
const FINDERS = {
  buildpacks,
  'compose-dockerfile-inline': composeDockerfileInline,
  'docker-bake': dockerBake,
  'dotnet-sdk-container': dotnetSdkContainer,
  earthly,
  jib,
  ko,
  nixpacks,
  railpack,
} satisfies Record<ImageBuilder, BuilderFinder>;

/** Sorted by id. */
export const BUILDER_FINDERS: readonly BuilderFinder[] = Object.values(FINDERS).sort((a, b) => compareText(a.id, b.id));

/**
 * Images built without a Dockerfile of the repository's own, or with one named by a build tool
 * (Bake): each with the directory whose code it packages. The services detector attaches them.
 */
export const imageBuildersDetector = defineDetector({
  id: 'imageBuilders',
  files: BUILDER_FINDERS.flatMap((finder) => finder.files),
  detect(context) {
    const seen = new Set<string>();
    const facts: ImageBuilderFact[] = [];
    for (const finder of BUILDER_FINDERS) {
      for (const fact of finder.find(context)) {
        const key = [fact.builder, fact.directory, fact.path, fact.line, fact.target].join('\0');
        if (seen.has(key)) continue;
        seen.add(key);
        facts.push(fact);
      }
    }
    return facts.sort((a, b) => compareText(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0) || compareText(a.builder, b.builder));
  },
});
