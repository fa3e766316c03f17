import picomatch from 'picomatch';

export type PathMatcher = (path: string) => boolean;

const MATCHES_NOTHING: PathMatcher = () => false;

/**
 * Globs written in repository files (.dockerignore lines, COPY sources, workspace lists, CI
 * includes), compiled without ever throwing: picomatch refuses patterns over 64 KiB and a few
 * malformed ones by throwing, and a repository must not be able to crash the scan that way. A
 * pattern that cannot be compiled matches nothing, as a pattern that matches nothing would.
 */
export function compileGlob(patterns: string | readonly string[], options: { dot: boolean }): PathMatcher {
  const list = typeof patterns === 'string' ? [patterns] : [...patterns];
  const compiled = list.flatMap((pattern) => {
    try {
      return [picomatch(pattern, options)];
    } catch {
      return [];
    }
  });
  if (compiled.length === 0) return MATCHES_NOTHING;
  if (compiled.length === 1) return compiled[0]!;
  return (path) => compiled.some((matches) => matches(path));
}
