import { compileGlob } from '../../parsers/glob.js';
import type { DetectorContext } from '../define.js';
import type { DockerfileFact } from '../facts.js';
import type { DockerInstruction } from '../../parsers/dockerfile.js';
import { isWithin, resolveInRepo } from '../../snapshot/paths.js';
import { dockerignoreLoader, type DockerIgnore } from './dockerignore.js';
import { isLiteralSecretValue, isSecretName, mayBeSecretFile, secretFileKind } from './secret-names.js';
import type { OrchestrationFacts } from './types.js';

/** Quoted strings stay one token: `ENV A="x y" B=2`. */
const TOKEN = /(?:[^\s"']+|"(?:\\.|[^"\\])*"|'[^']*')+/g;
const WHOLE_CONTEXT = new Set(['.', './', '*', './*']);

/**
 * "Never secrets in images": whatever ENV, ARG defaults, COPY and ADD put into a layer stays in
 * the image and its history for anyone who can pull it
 * (https://docs.docker.com/build/building/secrets/). Build secrets belong in `RUN --mount=type=secret`.
 */
export function scanSecretsInImages(context: DetectorContext, facts: OrchestrationFacts, dockerfiles: readonly DockerfileFact[]): void {
  const candidates = context.snapshot.filesNamedLike(mayBeSecretFile);
  const dockerignoreOf = dockerignoreLoader(context.snapshot);
  for (const dockerfile of dockerfiles) {
    const parsed = context.snapshot.dockerfile(dockerfile.path);
    if (!parsed || parsed.error) continue;
    const ignores = new Map(dockerfile.contexts.map((c) => [c, dockerignoreOf(dockerfile.path, c)] as const));
    const reported = new Set<string>();
    const report = (instruction: DockerInstruction, code: 'dockerfile-secret-in-env' | 'dockerfile-copies-secret' | 'dockerfile-context-leaks-secret', args: Record<string, string>) => {
      const key = `${instruction.line}:${code}:${Object.values(args).join(':')}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report({ code, severity: 'error', path: dockerfile.path, line: instruction.line, args });
    };
    for (const instruction of parsed.instructions) {
      if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
        for (const [name, value] of assignments(instruction)) {
          if (isSecretName(name) && isLiteralSecretValue(value)) report(instruction, 'dockerfile-secret-in-env', { instruction: instruction.keyword, name });
        }
      } else if (instruction.keyword === 'RUN' && instruction.flags.some((flag) => /^--mount=(?:\S*,)?type=secret\b/.test(flag))) {
        facts.buildSecrets.push({ path: dockerfile.path, line: instruction.line });
      } else if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && !instruction.flags.some((flag) => flag.startsWith('--from='))) {
        const copied = sources(instruction.args);
        for (const [buildContext, ignore] of ignores) {
          for (const source of copied) {
            for (const leak of copiedSecrets(context, candidates, buildContext, source, ignore)) {
              const args = { instruction: instruction.keyword, source, kind: leak.kind };
              if (leak.explicit) report(instruction, 'dockerfile-copies-secret', args);
              else report(instruction, 'dockerfile-context-leaks-secret', { ...args, file: leak.file });
            }
          }
        }
      }
    }
  }
}

/** `ENV A=1 B="2"`, the legacy `ENV A some value`, `ARG A=1`; an ARG with no default has no value. */
function assignments(instruction: DockerInstruction): Array<[string, string]> {
  const tokens = instruction.args.replace(/\\\r?\n/g, ' ').match(TOKEN) ?? [];
  const [first] = tokens;
  if (instruction.keyword === 'ENV' && first && !first.includes('=')) {
    return [[first, instruction.args.trim().slice(first.length).trim()]];
  }
  return tokens
    .filter((token) => token.includes('='))
    .map((token) => {
      const at = token.indexOf('=');
      return [token.slice(0, at), unquote(token.slice(at + 1))];
    });
}

function unquote(value: string): string {
  return /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value;
}

/** Sources of COPY/ADD in shell or JSON form, without the destination; remote sources are not the context. */
function sources(args: string): string[] {
  let words: string[];
  const rest = args.replace(/\\\r?\n/g, ' ').trim();
  try {
    words = rest.startsWith('[') ? (JSON.parse(rest) as unknown[]).map(String) : rest.split(/\s+/);
  } catch {
    words = rest.split(/\s+/);
  }
  return words.slice(0, -1).filter((word) => word !== '' && !/^(?:https?|git)[:@]/.test(word) && !word.includes('$'));
}

interface Leak {
  file: string;
  kind: string;
  /** The source names the file itself, rather than a directory or glob that holds it. */
  explicit: boolean;
}

/** What one COPY source brings in. `candidates` are the repository's files that may be secrets, by name. */
function copiedSecrets(context: DetectorContext, candidates: readonly string[], buildContext: string, source: string, ignore: DockerIgnore): Leak[] {
  const { snapshot } = context;
  const relative = (file: string) => (buildContext === '.' ? file : file.slice(buildContext.length + 1));
  const resolved = WHOLE_CONTEXT.has(source) ? buildContext : resolveInRepo(buildContext, source.replace(/^\//, ''));
  if (resolved === undefined) return [];
  let files: readonly string[];
  let explicit = false;
  if (/[*?[]/.test(source)) {
    const inContext = candidates.filter((file) => isWithin(file, buildContext));
    // Compiled only when something could match: most globs (`COPY *.json ./`) have no candidate to test.
    const matches = inContext.length > 0 ? compileGlob(resolved, { dot: true }) : undefined;
    files = matches ? inContext.filter((file) => matches(file)) : [];
    explicit = mayBeSecretFile(source);
  } else if (snapshot.has(resolved)) {
    files = mayBeSecretFile(resolved) ? [resolved] : [];
    explicit = true;
  } else if (mayBeSecretFile(resolved) && snapshot.filesUnder(resolved).length === 0) {
    // Not in the repository (ignored by Git, or made by an earlier CI step): judged by its name alone.
    const kind = secretFileKind(resolved, undefined);
    return kind && !ignore.ignores(relative(resolved)) ? [{ file: resolved, kind, explicit: true }] : [];
  } else {
    files = candidates.filter((file) => isWithin(file, resolved));
  }
  const leaks: Leak[] = [];
  for (const file of files) {
    if (ignore.ignores(relative(file))) continue;
    const kind = secretFileKind(file, snapshot.text(file));
    if (kind) leaks.push({ file, kind, explicit });
  }
  return leaks;
}
