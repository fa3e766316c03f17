import ignore, { type Ignore } from 'ignore';

/** The patterns of one ignore file, matched against paths relative to the directory holding it. */
export interface IgnoreScope {
  base: string;
  matcher: Ignore;
}

/**
 * Git matches case-sensitively unless core.ignorecase is set, which `git init` does on the
 * case-insensitive file systems macOS and Windows use by default.
 */
const IGNORE_CASE = process.platform === 'darwin' || process.platform === 'win32';

/**
 * https://git-scm.com/docs/gitignore. Git skips a UTF-8 BOM; a file cut at the size limit loses
 * its last, partial line rather than gaining a pattern nobody wrote.
 */
export function ignoreScope(base: string, bytes: Buffer, truncated: boolean): IgnoreScope | undefined {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (truncated) text = text.slice(0, text.lastIndexOf('\n') + 1);
  // A file of comments and blank lines, like the .git/info/exclude of every `git init`, ignores
  // nothing; as a scope it would still cost a match per path (the walk's largest cost).
  if (!hasPatterns(text)) return undefined;
  return { base, matcher: ignore({ ignorecase: IGNORE_CASE, allowRelativePaths: true }).add(text) };
}

/** Whether any line is a pattern: not blank once trailing spaces go, not a `#` comment. */
function hasPatterns(text: string): boolean {
  return text.split('\n').some((line) => line.trimEnd() !== '' && !line.startsWith('#'));
}

/**
 * `scopes` run from lowest to highest precedence (.git/info/exclude, then .gitignore files from
 * the root down) and the last pattern that matches decides, as in git. Directories are tested
 * with a trailing slash so that directory-only patterns (`cache/`) match them and only them.
 */
export function isIgnored(path: string, isDirectory: boolean, scopes: readonly IgnoreScope[]): boolean {
  let ignored = false;
  for (const scope of scopes) {
    const local = scope.base ? path.slice(scope.base.length + 1) : path;
    const result = scope.matcher.test(isDirectory ? `${local}/` : local);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}
