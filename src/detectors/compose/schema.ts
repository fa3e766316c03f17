import { describeIssue, shape, shapeIssues, type ShapeIssue } from '../shape.js';
import { lazy } from '../../lazy.js';

/**
 * A liberal reading of the Compose specification's JSON schema
 * (https://github.com/compose-spec/compose-spec/blob/main/schema/compose-spec.json): only the
 * shapes this tool reads are checked; every other key passes, as `x-*` extensions and newer
 * attributes must. A file that fails is still used for whatever does parse. Built on first use:
 * many runs of the CLI read no Compose file.
 */
const composeFileSchema = lazy(() => {
  const stringList = shape.array(shape.string());
  const portNumber = shape.union([shape.number(), shape.string()]);

  const build = shape.union(
    [
      shape.string(),
      shape.looseObject({ context: shape.string().optional(), dockerfile: shape.string().optional(), dockerfile_inline: shape.string().optional() }),
    ],
    { error: 'expected a context path or a map with context and dockerfile' },
  );

  const port = shape.union(
    [shape.number(), shape.string(), shape.looseObject({ target: portNumber.optional(), published: portNumber.optional(), host_ip: shape.string().optional(), protocol: shape.string().optional() })],
    { error: 'expected a port as a number, a string or a map with target' },
  );

  const volume = shape.union(
    [shape.string(), shape.looseObject({ type: shape.string(), source: shape.string().optional(), target: shape.string().optional() })],
    { error: 'expected a volume as SOURCE:TARGET or a map with type, source and target' },
  );

  const develop = shape.looseObject({ watch: shape.array(shape.looseObject({ path: shape.string(), action: shape.string() })).optional() }).nullable();

  const extendsService = shape.union([shape.string(), shape.looseObject({ service: shape.string(), file: shape.string().optional() })], {
    error: 'expected a service name or a map with service and file',
  });

  const composeServiceSchema = shape.looseObject(
    {
      build: build.optional(),
      image: shape.string().optional(),
      ports: shape.array(port).optional(),
      volumes: shape.array(volume).optional(),
      develop: develop.optional(),
      profiles: stringList.optional(),
      extends: extendsService.optional(),
    },
    { error: 'a service must be a map of attributes' },
  );

  /** `volumes`, `networks`, `configs`, `secrets`: maps of names to definitions, an empty definition allowed. */
  const namedDefinitions = shape.record(shape.looseObject({}).nullable(), { error: 'expected a map of names to definitions' }).nullish();

  return shape.looseObject(
    {
      version: shape.union([shape.string(), shape.number()]).optional(),
      name: shape.string().optional(),
      services: shape.record(composeServiceSchema, { error: 'expected a map of service names to services' }).nullish(),
      volumes: namedDefinitions,
      networks: namedDefinitions,
      configs: namedDefinitions,
      secrets: namedDefinitions,
      include: shape.array(shape.union([shape.string(), shape.looseObject({})]), { error: 'expected a list of files to include' }).optional(),
    },
    { error: 'a Compose file must be a map with a services key' },
  );
});

export type SchemaProblem = ShapeIssue;

export function composeSchemaProblems(document: unknown): SchemaProblem[] {
  return shapeIssues(composeFileSchema(), document).map((issue) => ({ path: issue.path, message: describeIssue(issue) }));
}
