import { lazy } from '../lazy.js';
import { z } from 'zod';
import type { Evidence } from '../detectors/facts.js';
import type { CheckOutcome } from './define.js';
import { exactlyOneGlob, globParams, globsOf, MAX_LISTED, noFileMatched, notUnderstood, ONE_GLOB, scopedStatus, scopeParam } from './file-globs.js';
import { equalsParam, findValues, shortValue, valueEquals, valuePathParam, type ValuePath } from './value-path.js';

/** Parameters shared by `yaml-path` and `json-path`. */
export const valuePathCheckParams = lazy(() =>
  z
    .object({ ...globParams(), path: valuePathParam(), equals: equalsParam().optional(), in: scopeParam().default('any') })
    .strict()
    .refine(exactlyOneGlob, ONE_GLOB),
);

export type ValuePathParams = z.output<ReturnType<typeof valuePathCheckParams>>;

/** A file as the check sees it: its documents, or why it could not be read. */
export type ReadDocuments =
  | { ok: true; documents: unknown[]; lineOf(path: ValuePath, document: number): number | undefined }
  | { ok: false; why: string; line?: number };

/** Per file: passes when some document has a value at the path (equal to `equals`, when given). */
export function valuePathOutcome(files: readonly string[], read: (path: string) => ReadDocuments, params: ValuePathParams): CheckOutcome {
  const globs = globsOf(params);
  if (files.length === 0) return { status: 'fail', evidence: [], missing: [noFileMatched(globs)] };
  const evidence: Evidence[] = [];
  const missing: Evidence[] = [];
  let unreadable = 0;
  for (const file of files) {
    const content = read(file);
    if (!content.ok) {
      unreadable++;
      evidence.push(notUnderstood(file, content.why, content.line));
      continue;
    }
    const found = content.documents.flatMap((document, index) => findValues(document, params.path).map((value) => ({ ...value, index })));
    const match = found.find((f) => params.equals === undefined || valueEquals(f.value, params.equals));
    const args: Evidence['args'] = { path: params.path };
    if (match) {
      if (params.equals !== undefined) args.value = shortValue(match.value);
      evidence.push({ code: 'value-match', path: file, line: content.lineOf(match.path, match.index), args, confidence: 'strong' });
    } else {
      if (params.equals !== undefined) args.equals = shortValue(params.equals);
      if (found[0] !== undefined) args.found = shortValue(found[0].value);
      missing.push({ code: 'value-missing', path: file, line: found[0] && content.lineOf(found[0].path, found[0].index), args, confidence: 'strong' });
    }
  }
  const passed = evidence.filter((e) => e.code === 'value-match').length;
  const status = scopedStatus(params.in, passed, missing.length, unreadable);
  const args: Evidence['args'] = { glob: globs.join(', '), path: params.path };
  if (params.equals !== undefined) args.equals = shortValue(params.equals);
  const gaps = status === 'pass' ? [] : params.in === 'any' ? [{ code: 'value-missing' as const, path: '.', args, confidence: 'strong' as const }] : missing;
  return { status, evidence: evidence.slice(0, MAX_LISTED), missing: gaps.slice(0, MAX_LISTED) };
}
