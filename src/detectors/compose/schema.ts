import { z } from 'zod';
import { lazy } from '../../lazy.js';

/**
 * A liberal reading of the Compose specification's JSON schema
 * (https://github.com/compose-spec/compose-spec/blob/main/schema/compose-spec.json): only the
 * shapes this tool reads are checked; every other key passes, as `x-*` extensions and newer
 * attributes must. A file that fails is still used for whatever does parse. Built on first use:
 * many runs of the CLI read no Compose file.
 */
const composeFileSchema = lazy(() => {
  const stringList = z.array(z.string());
  const portNumber = z.union([z.number(), z.string()]);

  const build = z.union(
    [
      z.string(),
      z.looseObject({ context: z.string().optional(), dockerfile: z.string().optional(), dockerfile_inline: z.string().optional() }),
    ],
    { error: 'expected a context path or a map with context and dockerfile' },
  );

  const port = z.union(
    [z.number(), z.string(), z.looseObject({ target: portNumber.optional(), published: portNumber.optional(), host_ip: z.string().optional(), protocol: z.string().optional() })],
    { error: 'expected a port as a number, a string or a map with target' },
  );

  const volume = z.union(
    [z.string(), z.looseObject({ type: z.string(), source: z.string().optional(), target: z.string().optional() })],
    { error: 'expected a volume as SOURCE:TARGET or a map with type, source and target' },
  );

  const develop = z.looseObject({ watch: z.array(z.looseObject({ path: z.string(), action: z.string() })).optional() }).nullable();

  const extendsService = z.union([z.string(), z.looseObject({ service: z.string(), file: z.string().optional() })], {
    error: 'expected a service name or a map with service and file',
  });

  const composeServiceSchema = z.looseObject(
    {
      build: build.optional(),
      image: z.string().optional(),
      ports: z.array(port).optional(),
      volumes: z.array(volume).optional(),
      develop: develop.optional(),
      profiles: stringList.optional(),
      extends: extendsService.optional(),
    },
    { error: 'a service must be a map of attributes' },
  );

  /** `volumes`, `networks`, `configs`, `secrets`: maps of names to definitions, an empty definition allowed. */
  const namedDefinitions = z.record(z.string(), z.looseObject({}).nullable(), { error: 'expected a map of names to definitions' }).nullish();

  return z.looseObject(
    {
      version: z.union([z.string(), z.number()]).optional(),
      name: z.string().optional(),
      services: z.record(z.string(), composeServiceSchema, { error: 'expected a map of service names to services' }).nullish(),
      volumes: namedDefinitions,
      networks: namedDefinitions,
      configs: namedDefinitions,
      secrets: namedDefinitions,
      include: z.array(z.union([z.string(), z.looseObject({})]), { error: 'expected a list of files to include' }).optional(),
    },
    { error: 'a Compose file must be a map with a services key' },
  );
});

export interface SchemaProblem {
  path: ReadonlyArray<string | number>;
  message: string;
}

export function composeSchemaProblems(document: unknown): SchemaProblem[] {
  const result = composeFileSchema().safeParse(document);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.filter((step): step is string | number => typeof step !== 'symbol');
    const at = path.length > 0 ? `${path.join('.')}: ` : '';
    return { path, message: `${at}${issue.message}` };
  });
}
