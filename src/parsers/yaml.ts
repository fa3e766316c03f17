import { loadAll, YAMLException, type LoadOptions } from 'js-yaml';
import { fillEmptyItems } from './yaml-edits.js';
import { YamlLocator } from './yaml-locate.js';
import { swapUnprintable } from './yaml-printable.js';
import { coreSchema12 } from './yaml-schema.js';
import { AliasBombError, YamlTreeBuilder, type LoaderState } from './yaml-tree.js';

export interface YamlProblem {
  message: string;
  line: number;
  column: number;
}

export interface ParsedYaml {
  /** One value per document; multi-document files (`---`) are common in CI and Kubernetes. */
  documents: unknown[];
  /** Empty when every document parsed. A file with an error keeps the documents before it. */
  errors: YamlProblem[];
  /** Line of the key (or item) at `path` in document `doc`, for evidence. */
  lineOf(path: ReadonlyArray<string | number>, doc?: number): number | undefined;
  /** Line and column of the key (or item) at `path`, falling back to its nearest existing parent. */
  positionOf(path: ReadonlyArray<string | number>, doc?: number): { line: number; column: number };
}

/** Deeper nesting is refused; the `yaml` package overflowed its stack at about 800 levels, also reported as an error. */
const MAX_DEPTH = 1000;
/** js-yaml's bound on the keys copied by merges (`<<`); its default of 10,000 is within reach of a large GitLab CI file. */
const MAX_MERGED_KEYS = 1_000_000;
const TRAILING_CONTENT = 'end of the stream or a document separator is expected';
/** Passes over a file again with the empty `-` items js-yaml misread filled (one is the rule: all found in a pass are filled). */
const MAX_REREADS = 3;

/**
 * YAML 1.2 core schema (so `on:` stays a key in GitHub workflows, `yes` a string), no timestamps,
 * merge keys on, any tag accepted (GitLab's `!reference [a, b]` is a plain sequence), duplicate
 * keys allowed (the last wins). Built on js-yaml, which parses a workflow several times faster
 * than the `yaml` package on a cold start; see tests/property/yaml-parser.test.ts for how it
 * matches what that package gave. Never throws.
 */
export function parseYaml(text: string): ParsedYaml {
  const swapped = swapUnprintable(text);
  // js-yaml drops a byte-order mark: offsets are into the text without it, and it still counts as a column.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = (swapped?.text ?? text).slice(shift);
  const bom = shift ? '\uFEFF' : ''; // given back to js-yaml to drop, so that a second one stays, as before
  let run = read(source, [], bom);
  for (let pass = 1; run.builder.emptyItems.length > 0 && pass <= MAX_REREADS; pass++) {
    run = read(source, [...run.filled, ...run.builder.emptyItems.map(run.edited.toSource)], bom);
  }
  const { builder, edited, failure } = run;
  const input = builder.state?.input ?? edited.text;
  const trees = builder.trees;
  let documents = builder.roots;
  // js-yaml stops at the first error, so the documents after it are lost (the `yaml` package went
  // on). Most callers report a file with errors and read none of it; the few that read documents
  // anyway (gitops annotations, pnpm workspaces, observability) see those before the error.
  if (failure?.message === TRAILING_CONTENT) {
    documents.pop();
    trees.pop();
  }
  // A stream of comments alone holds no document for the `yaml` package; js-yaml makes it one empty document.
  if (documents.length === 1 && documents[0] === null && trees[0]!.kind === 'empty' && builder.bareRoots[0] && !/^(?:---|\.\.\.|%)/m.test(input)) {
    documents = [];
    trees.length = 0;
  }
  const locator = new YamlLocator({ input, source, shift, toSource: edited.toSource, keyText: swapped?.swap }, trees);
  const errors: YamlProblem[] = [];
  if (failure) errors.push({ message: swapped ? swapped.restore(failure.message) : failure.message, ...locator.position(failure.offset) });
  if (swapped) swapped.restore(documents);
  return {
    documents,
    errors,
    lineOf: (path, doc = 0) => locator.lineOf(path, doc),
    positionOf: (path, doc = 0) => locator.positionOf(path, doc),
  };
}

/** One pass of js-yaml over the source, with `~` written into the empty `-` items at `filled`. */
function read(source: string, filled: number[], bom: string) {
  const edited = fillEmptyItems(source, filled);
  const builder = new YamlTreeBuilder();
  let failure: { message: string; offset: number } | undefined;
  try {
    loadAll(bom + edited.text, null, options(builder));
  } catch (error) {
    failure = failureOf(error, builder.state);
  }
  return { builder, edited, filled, failure };
}

/** js-yaml 4.3's options beyond its typings: `maxDepth`, `maxTotalMergeKeys`, and a listener given the whole loader state. */
function options(builder: YamlTreeBuilder): LoadOptions {
  return {
    schema: coreSchema12(),
    json: true, // duplicate keys: the last wins
    listener: builder.listener as unknown as LoadOptions['listener'],
    ...{ maxDepth: MAX_DEPTH, maxTotalMergeKeys: MAX_MERGED_KEYS },
  };
}

function failureOf(error: unknown, state: LoaderState | undefined): { message: string; offset: number } {
  if (error instanceof YAMLException) return { message: firstLine(error.reason), offset: (error.mark as { position?: number } | undefined)?.position ?? 0 };
  if (error instanceof AliasBombError) return { message: error.message, offset: error.position };
  // A stack overflow in a nesting js-yaml's depth bound let through, or any other surprise: an error, never a crash.
  if (error instanceof RangeError) return { message: 'the nesting is too deep to read', offset: state?.position ?? 0 };
  return { message: firstLine(error instanceof Error ? error.message : String(error)), offset: state?.position ?? 0 };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
