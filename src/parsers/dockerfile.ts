import {
  directiveOf, heredocsIn, isEmptyOrComment, isExecForm, readFlags, tagAndDigest, withoutContinuation,
} from './dockerfile-words.js';

export interface DockerInstruction {
  keyword: string;
  /**
   * Without the flags, which are in `flags`; continuation lines joined (escape character and line
   * break removed, comment and empty lines inside dropped); heredoc bodies follow on their own lines.
   */
  args: string;
  /** As written: `--from=build`, `--mount=type=secret,id=npm`. */
  flags: string[];
  /** 1-based. */
  line: number;
  stage: number;
}

export interface DockerStage {
  index: number;
  name?: string;
  /** As written, e.g. `node:20-alpine`, `${BASE}`, `build` (another stage). */
  image: string;
  imageName: string;
  tag?: string;
  digest?: string;
  line: number;
}

export interface ParsedDockerfile {
  instructions: DockerInstruction[];
  stages: DockerStage[];
  /** The first instruction other than ARG; a Dockerfile must start with FROM. */
  firstInstruction?: { keyword: string; line: number };
  exposedPorts: Array<{ port: string; line: number }>;
  /** Set where Docker would refuse the file: a bad or repeated parser directive, an unterminated heredoc. */
  error?: string;
}

/** Instructions whose leading `--name=value` words are flags; other instructions keep them in `args`. */
const TAKES_FLAGS = new Set(['ADD', 'COPY', 'FROM', 'HEALTHCHECK', 'RUN']);
const TAKES_HEREDOCS = new Set(['ADD', 'COPY', 'RUN']);
const DIRECTIVES = new Set(['syntax', 'escape', 'check']);
/** What separates the keyword and the words of an instruction in BuildKit. */
const BLANK = /[\t\v\f\r ]/;
const BLANKS = /[\t\v\f\r ]+/;

/**
 * Parses a Dockerfile as BuildKit does (https://docs.docker.com/reference/dockerfile/): parser
 * directives at the top, escape-character line continuations, whole-line comments, heredocs.
 * Never throws; what Docker would reject is reported in `error`.
 */
export function parseDockerfile(text: string): ParsedDockerfile {
  const result: ParsedDockerfile = { instructions: [], stages: [], exposedPorts: [] };
  try {
    parseInto(new Lines(text), result);
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  }
  return result;
}

function parseInto(lines: Lines, result: ParsedDockerfile): void {
  let escape = 92; // backslash
  let directives: Set<string> | undefined = new Set();
  while (lines.next()) {
    if (directives) {
      const directive = directiveOf(lines.text);
      if (directive && DIRECTIVES.has(directive.name)) {
        if (directives.has(directive.name)) throw new Error(`only one ${directive.name} parser directive can be used`);
        directives.add(directive.name);
        if (directive.name === 'escape') {
          if (directive.value !== '\\' && directive.value !== '`') throw new Error(`invalid escape token '${directive.value}' does not match \` or \\`);
          escape = directive.value.charCodeAt(0);
        }
        continue;
      }
      directives = undefined; // anything else, even an unknown directive, ends them
    }
    if (isEmptyOrComment(lines.text)) continue;
    let logical = lines.text;
    let line = lines.number;
    const first = withoutContinuation(logical, escape);
    if (first !== undefined) {
      logical = first;
      if (logical.trim() === '') line = 0; // a line holding only the escape character: the keyword comes later
      while (lines.next()) {
        if (isEmptyOrComment(lines.text)) continue;
        const next = withoutContinuation(lines.text, escape);
        const part = next ?? lines.text;
        if (line === 0 && part.trim() !== '') line = lines.number;
        logical += part;
        if (next === undefined) break;
      }
    }
    if (line > 0) addInstruction(lines, result, logical.trim(), line);
  }
}

/** One logical line, trimmed: the keyword, its flags if it takes any, the arguments, heredoc bodies read from `lines`. */
function addInstruction(lines: Lines, result: ParsedDockerfile, logical: string, line: number): void {
  const blank = logical.search(BLANK);
  const keyword = (blank === -1 ? logical : logical.slice(0, blank)).toUpperCase();
  let args = blank === -1 ? '' : logical.slice(blank + 1).trim();
  const flags: string[] = [];
  if (args.startsWith('--') && TAKES_FLAGS.has(keyword)) args = args.slice(readFlags(args, 0, flags));
  if (args.includes('<<') && takesHeredocs(keyword, args)) args += heredocBodies(lines, logical);

  const stage = result.stages.length - (keyword === 'FROM' ? 0 : 1);
  result.instructions.push({ keyword, args, flags, line, stage });
  if (!result.firstInstruction && keyword !== 'ARG') result.firstInstruction = { keyword, line };
  if (keyword === 'FROM') result.stages.push(stageOf(args, stage, line));
  if (keyword === 'EXPOSE' && stage >= 0) {
    for (const port of args.split(/\s+/)) if (port) result.exposedPorts.push({ port, line });
  }
}

/** RUN, COPY and ADD in shell form, also as ONBUILD's trigger. */
function takesHeredocs(keyword: string, args: string): boolean {
  if (keyword === 'ONBUILD') {
    const end = args.search(BLANK);
    if (end === -1) return false;
    return TAKES_HEREDOCS.has(args.slice(0, end).toUpperCase()) && !isExecForm(args.slice(readFlags(args, end, [])));
  }
  return TAKES_HEREDOCS.has(keyword) && !isExecForm(args);
}

/** The lines of each heredoc the instruction opens, up to and including its terminator line. */
function heredocBodies(lines: Lines, logical: string): string {
  let bodies = '';
  for (const heredoc of heredocsIn(logical)) {
    let terminated = false;
    while (!terminated && lines.next()) {
      bodies += `\n${lines.text}`;
      terminated = (heredoc.chomp ? lines.text.replace(/^\t+/, '') : lines.text) === heredoc.name;
    }
    if (!terminated) throw new Error(`unterminated heredoc ${heredoc.name}`);
  }
  return bodies;
}

/** `FROM [--platform=…] image [AS name]`; `AS` in any case. */
function stageOf(args: string, index: number, line: number): DockerStage {
  const words = args.split(BLANKS);
  const image = words[0] ?? '';
  const { tag, digest } = tagAndDigest(image);
  return {
    index,
    name: words.length > 2 && words[1]!.toUpperCase() === 'AS' ? words[2] : undefined,
    image,
    imageName: imageNameOf(image),
    tag,
    digest,
    line,
  };
}

/** Registry and repository without tag or digest: `ghcr.io/org/app:1.2@sha256:…` → `ghcr.io/org/app`. */
function imageNameOf(image: string): string {
  const at = image.indexOf('@');
  const withoutDigest = at === -1 ? image : image.slice(0, at);
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
}

/** Physical lines, 1-based, without their line break (`\n`, `\r\n`); a leading byte-order mark skipped. */
class Lines {
  text = '';
  number = 0;
  private position: number;

  constructor(private readonly source: string) {
    this.position = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  next(): boolean {
    const { source, position } = this;
    if (position >= source.length) return false;
    const newline = source.indexOf('\n', position);
    let end = newline === -1 ? source.length : newline;
    this.position = end + 1;
    while (end > position && source.charCodeAt(end - 1) === 13) end--;
    this.text = source.slice(position, end);
    this.number++;
    return true;
  }
}
