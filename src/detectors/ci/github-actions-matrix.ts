import { asList, asMap, asText, type YamlMap } from './values.js';

// https://docs.github.com/actions/writing-workflows/choosing-what-your-workflow-does/running-variations-of-jobs-in-a-workflow
/** GitHub allows 256 jobs per matrix; past this many, more combinations add nothing to what is learned. */
const MAX_COMBINATIONS = 32;

export type MatrixCombination = YamlMap;

/**
 * The combinations a job's `strategy.matrix` runs: the product of its lists, then `include`
 * (extending the combinations it fits, or added as its own) and `exclude`. A matrix written as an
 * expression (`${{ fromJSON(…) }}`) cannot be known: the job runs once with nothing filled in.
 */
export function matrixCombinations(strategy: unknown): MatrixCombination[] {
  const matrix = asMap(asMap(strategy)?.matrix);
  if (!matrix) return [{}];
  let combinations: MatrixCombination[] = [{}];
  const original = new Set<string>();
  for (const [key, value] of Object.entries(matrix)) {
    if (key === 'include' || key === 'exclude' || !Array.isArray(value) || value.length === 0) continue;
    original.add(key);
    combinations = combinations.flatMap((combination) => value.map((item) => ({ ...combination, [key]: item }))).slice(0, MAX_COMBINATIONS);
  }
  const hasProduct = original.size > 0;
  for (const include of asList(matrix.include).map(asMap)) {
    if (!include) continue;
    // An include extends every combination whose original values it does not overwrite.
    const fits = hasProduct ? combinations.filter((c) => Object.entries(include).every(([k, v]) => !original.has(k) || same(c[k], v))) : [];
    if (fits.length > 0) for (const combination of fits) Object.assign(combination, include);
    else combinations.push({ ...include });
  }
  if (!hasProduct && combinations.length > 1) combinations = combinations.filter((c) => Object.keys(c).length > 0);
  const excludes = asList(matrix.exclude).map(asMap).filter((e): e is YamlMap => e !== undefined);
  return combinations.filter((c) => !excludes.some((e) => Object.entries(e).every(([k, v]) => same(c[k], v)))).slice(0, MAX_COMBINATIONS);
}

/** `matrix.service` or `matrix.app.context` in one combination, when it is a scalar there. */
export function matrixValue(combination: MatrixCombination, path: string): string | undefined {
  let value: unknown = combination;
  for (const key of path.split('.')) value = asMap(value)?.[key];
  return asText(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
