import picomatch from 'picomatch';
import { defineDetector } from '../define.js';
import type { ServiceFact } from '../facts.js';
import { compareText } from '../../compare-text.js';
import { dirOf } from '../../snapshot/paths.js';
import { ServiceSet } from './attach.js';
import { findProjects } from './classify.js';
import { settleKind } from './kind.js';
import { ECOSYSTEMS } from './ecosystems/index.js';
import { markPipeline } from './pipeline.js';
import { WORKSPACE_READERS, WorkspaceLayout } from './workspaces/index.js';

const DEV_CONTAINER = /(?:^|\/)\.devcontainer\//;

/**
 * Services: projects of every ecosystem and workspace layout, each with what containerizes it
 * (Dockerfiles, image builders, Compose services) and what CI does with its image.
 */
export const servicesDetector = defineDetector({
  id: 'services',
  files: [...new Set([...ECOSYSTEMS.flatMap((e) => e.manifests.map((m) => `**/${m}`)), ...WORKSPACE_READERS.flatMap((r) => r.files)])].sort(),
  detect(context) {
    const { snapshot } = context;
    // A dev container's Dockerfile builds the development environment, not a service's image.
    const dockerfiles = context.fact('dockerfiles').filter((dockerfile) => dockerfile.valid && !DEV_CONTAINER.test(dockerfile.path));
    const builders = context.fact('imageBuilders');
    const compose = context.fact('compose');
    const containerized = [
      ...dockerfiles.flatMap((d) => [dirOf(d.path), ...d.contexts]),
      ...builders.map((b) => b.directory),
      ...compose.flatMap((file) => file.services.flatMap((s) => (s.build ? [s.build.context] : []))),
    ].filter((dir) => dir !== '.');
    const set = new ServiceSet(snapshot, findProjects(snapshot, WorkspaceLayout.of(snapshot), containerized));

    const bakeContexts = new Map<string, string[]>();
    for (const builder of builders) {
      if (builder.builder === 'docker-bake' && builder.dockerfile) bakeContexts.set(builder.dockerfile, [...(bakeContexts.get(builder.dockerfile) ?? []), builder.directory]);
    }
    for (const dockerfile of dockerfiles) set.addDockerfile(dockerfile.path, [...dockerfile.contexts, ...(bakeContexts.get(dockerfile.path) ?? [])]);
    for (const builder of builders) set.addBuilder(builder);
    for (const file of compose) for (const service of file.services) set.addComposeService(service, file.path);

    for (const pattern of context.options.includeServices ?? []) {
      const matches = picomatch(pattern, { dot: true });
      for (const dir of snapshot.directories()) if (matches(dir)) set.addBare(dir, dir);
    }
    const excluded = context.options.excludeServices?.length ? picomatch([...context.options.excludeServices], { dot: true }) : () => false;
    const services: ServiceFact[] = set.services.filter((s) => !excluded(s.path));
    for (const service of services) {
      settleKind(service);
      service.dockerfiles.sort();
      service.builders.sort();
      service.composeServices.sort();
    }
    markPipeline(services, context.fact('ci'));
    return services.sort((a, b) => compareText(a.path, b.path));
  },
});
