import { isTestComposeFile } from '../compose/names.js';
import { filesOfCommand } from '../compose/references.js';

/** A command that starts the app (or a shell) in containers, normalised (`docker compose up`), and its 1-based line. */
export interface ContainerCommand {
  command: string;
  line: number;
}

interface LogicalLine {
  text: string;
  line: number;
}

const COMPOSE_TOOL = String.raw`docker[ \t]+compose|docker-compose|podman[ \t]+compose|podman-compose`;
/** Global options between the tool and its subcommand: `docker compose -f compose.dev.yaml --profile dev up`. */
const COMPOSE_OPTIONS = String.raw`(?:[ \t]+-[\w-]+(?:=\S+|[ \t]+(?!-)(?!(?:up|run|watch)\b)\S+)?)*`;
const COMPOSE_SUBCOMMAND = String.raw`[ \t]+(up|run|watch)\b`;
/** `DC := docker compose -f x.yml` in a Makefile, `COMPOSE="docker compose"` in a script; the options it carries too. */
const COMPOSE_ALIAS = new RegExp(String.raw`^[ \t]*(?:export[ \t]+)?([A-Za-z_]\w*)[ \t]*(?:[:?+]?=)[ \t]*["']?(${COMPOSE_TOOL})\b([^"'\n#]*)`, 'gm');

const OTHER_COMMANDS: ReadonlyArray<{ command: string; pattern: RegExp }> = [
  { command: 'tilt up', pattern: /\btilt[ \t]+up\b/ },
  { command: 'skaffold dev', pattern: /\bskaffold[ \t]+dev\b/ },
  { command: 'devcontainer up', pattern: /\bdevcontainer[ \t]+up\b/ },
  { command: 'devspace dev', pattern: /\bdevspace[ \t]+dev\b/ },
  { command: 'okteto up', pattern: /\bokteto[ \t]+up\b/ },
];

/** A word every command above contains (a Compose alias is only set from `…compose`): most files have none and are not read further. */
const MAY_RUN_CONTAINERS = /compose|docker|podman|tilt|skaffold|devcontainer|devspace|okteto/;

const IMAGE_BUILD = /\b(?:docker|podman)[ \t]+(?:image[ \t]+|buildx[ \t]+)?build\b/;
const BUILD_TAG = /(?:^|[ \t])(?:-t|--tag)(?:[ \t]+|=)(\S+)/g;
const CONTAINER_RUN = /\b(docker|podman)[ \t]+(?:container[ \t]+)?run\b(.*)$/;

/**
 * The first line that runs the app in containers: Compose `up`/`run`/`watch` (directly or through a
 * variable holding the Compose command), `docker run` of an image built in the same file, or a dev
 * tool (`tilt up`, `skaffold dev`, `devcontainer up`…). A `docker run` of a published image does not count.
 */
export function findContainerCommand(text: string): ContainerCommand | undefined {
  if (!MAY_RUN_CONTAINERS.test(text)) return undefined;
  const compose = composePattern(text);
  const lines = logicalLines(text);
  const builtImages = new Set(lines.filter((l) => IMAGE_BUILD.test(l.text)).flatMap((l) => [...l.text.matchAll(BUILD_TAG)].map((m) => imageName(m[1] ?? ''))));
  for (const { text: line, line: number } of lines) {
    const composeMatch = compose.pattern.exec(line);
    if (composeMatch && !startsTestSetupOnly(compose.expanded(composeMatch[0], composeMatch[1] ?? ''))) return { command: `${compose.toolOf(composeMatch[1] ?? '')} ${composeMatch[2]}`, line: number };
    const other = OTHER_COMMANDS.find(({ pattern }) => pattern.test(line));
    if (other) return { command: other.command, line: number };
    const run = CONTAINER_RUN.exec(line);
    if (run && runsLocalImage(run[2] ?? '', builtImages)) return { command: `${run[1]} run`, line: number };
  }
  return undefined;
}

/**
 * `docker compose -f docker-compose.test.yml run api npm test` starts what the tests need, not the
 * app: a command whose every `-f` names a Compose file for tests or CI is no way to run the app.
 */
function startsTestSetupOnly(command: string): boolean {
  return filesOfCommand(command)?.every((file) => isTestComposeFile(file)) ?? false;
}

function composePattern(text: string) {
  const aliases = new Map<string, { tool: string; options: string }>();
  for (const match of text.matchAll(COMPOSE_ALIAS)) aliases.set(match[1] ?? '', { tool: normaliseTool(match[2] ?? ''), options: match[3] ?? '' });
  const references = [...aliases.keys()].map((name) => String.raw`\$\(${name}\)|\$\{${name}\}|\$${name}\b`);
  const tool = [COMPOSE_TOOL, ...references].join('|');
  const aliasOf = (written: string) => aliases.get(written.replace(/^\$[({]?|[)}]$/g, ''));
  return {
    pattern: new RegExp(String.raw`(?:^|[^\w-])(${tool})${COMPOSE_OPTIONS}${COMPOSE_SUBCOMMAND}`),
    toolOf: (written: string) => aliasOf(written)?.tool ?? normaliseTool(written),
    /** The command as the shell runs it: `$(DC) run` with `DC := docker compose -f test.yml` is `docker compose -f test.yml run`. */
    expanded: (command: string, written: string) => {
      const alias = aliasOf(written);
      return alias ? command.replace(written, `${alias.tool}${alias.options}`) : command;
    },
  };
}

function normaliseTool(written: string): string {
  return written.replace(/[ \t]+/, ' ');
}

function runsLocalImage(args: string, builtImages: ReadonlySet<string>): boolean {
  if (IMAGE_BUILD.test(args)) return true; // docker run $(docker build -q .)
  return args.split(/[ \t]+/).some((token) => token !== '' && builtImages.has(imageName(token)));
}

/** `acme/api:dev` → `acme/api`; `$(IMAGE):$(TAG)` and `${IMAGE}:latest` → `$IMAGE`; a registry port stays. */
function imageName(reference: string): string {
  return reference
    .replace(/^["'`]+|["'`;]+$/g, '')
    .replace(/\$\{(\w+)\}|\$\((\w+)\)/g, (_all, braced: string | undefined, parenthesised: string | undefined) => `$${braced ?? parenthesised}`)
    .replace(/:[^/:]*$/, '');
}

/** Shell and Makefile lines continued with a trailing backslash read as one, numbered by their first line. */
function logicalLines(text: string): LogicalLine[] {
  const result: LogicalLine[] = [];
  let pending: LogicalLine | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const continued = /\\[ \t]*$/.test(raw);
    const part = continued ? raw.replace(/\\[ \t]*$/, ' ') : raw;
    if (pending) pending.text += part;
    else pending = { text: part, line: index + 1 };
    if (!continued) {
      result.push(pending);
      pending = undefined;
    }
  });
  if (pending) result.push(pending);
  return result;
}
