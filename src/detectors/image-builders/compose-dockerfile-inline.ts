import type { ImageBuilderFact } from '../facts.js';
import { defineBuilder } from './define.js';

/**
 * A Compose build with `dockerfile_inline` (https://docs.docker.com/reference/compose-file/build/#dockerfile_inline)
 * has its Dockerfile in the Compose file: the service's image is still built from a Dockerfile, of
 * the code in the build context.
 */
export const composeDockerfileInline = defineBuilder({
  id: 'compose-dockerfile-inline',
  files: ['(Compose files, as read by the compose detector)'],
  find(context) {
    return context.fact('compose').flatMap((file) =>
      file.services.flatMap((service): ImageBuilderFact[] => {
        const build = service.build;
        if (!build?.inline) return [];
        return [{ builder: 'compose-dockerfile-inline', directory: build.context, path: build.file ?? file.path, line: build.line ?? service.line, target: service.name }];
      }),
    );
  },
});
