import { describeIssue, shapeIssues, type Shape } from '../shape.js';
import { yamlSyntaxFindings } from '../../findings/yaml-syntax.js';
import { isRecord } from '../../parsers/record.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import type { Finding } from '../../findings/finding.js';
import type { CiFacts, CiJobFact, CiSystem } from '../facts.js';
import type { YamlConfig } from './yaml-sources.js';

export interface CiProviderResult {
  configs: CiFacts['configs'];
  jobs: CiJobFact[];
}

export type Report = (finding: Finding) => void;

/** One CI system: finds its files in the snapshot and reads the jobs out of them. Pure. */
export type CiProvider = (snapshot: RepoSnapshot, report: Report) => CiProviderResult;

export type ConfigKind =
  | 'GitHub Actions workflow' | 'GitLab CI config' | 'CircleCI config' | 'Azure Pipelines config' | 'Bitbucket Pipelines config'
  | 'Travis CI config' | 'Drone pipeline' | 'Woodpecker workflow' | 'Buildkite pipeline' | 'Cloud Build config' | 'CodeBuild buildspec'
  | 'Codefresh pipeline' | 'Skaffold config';

/** At most this many shape problems are reported per file: the first ones say what is wrong. */
const MAX_SHAPE_FINDINGS = 5;

export function configsOf(system: CiSystem, paths: readonly string[]): CiFacts['configs'] {
  return [...paths].sort().map((path) => ({ system, path }));
}

/**
 * Parses a CI YAML file into one config per document, reporting syntax errors with their position.
 * A file with a syntax error is not read further: its documents are partial and line numbers
 * would point at the wrong text.
 */
export function loadYamlDocuments(snapshot: RepoSnapshot, path: string, report: Report): YamlConfig[] | undefined {
  const loaded = loadParsed(snapshot, path, report);
  return loaded?.parsed.documents.map((root, doc) => ({ path, root, doc, ...loaded }));
}

/**
 * The one document of a CI YAML file that holds the config; `pick` chooses it (GitLab puts a
 * `spec:` header document before the config).
 */
export function loadYaml(snapshot: RepoSnapshot, path: string, report: Report, pick: (documents: unknown[]) => number = () => 0): YamlConfig | undefined {
  const loaded = loadParsed(snapshot, path, report);
  if (!loaded) return undefined;
  const doc = pick(loaded.parsed.documents);
  return { path, root: loaded.parsed.documents[doc] ?? null, doc, ...loaded };
}

function loadParsed(snapshot: RepoSnapshot, path: string, report: Report): Pick<YamlConfig, 'parsed' | 'lines'> | undefined {
  const parsed = snapshot.yaml(path);
  const text = snapshot.text(path);
  if (!parsed || text === undefined) return undefined;
  for (const finding of yamlSyntaxFindings(path, parsed.errors)) report(finding);
  if (parsed.errors.length > 0) return undefined;
  return { parsed, lines: text.split(/\r?\n/) };
}

/**
 * Checks the top level against a small schema and reports what does not fit, at the deepest line
 * that exists. Returns false when the file cannot be read as this kind at all. The caller reads
 * whatever it still can either way.
 */
export function checkShape(config: YamlConfig, expected: Shape, kind: ConfigKind, report: Report): boolean {
  const issues = shapeIssues(expected, config.root);
  if (issues.length === 0) return true;
  for (const issue of issues.slice(0, MAX_SHAPE_FINDINGS)) {
    report({
      code: 'schema-mismatch',
      severity: 'error',
      path: config.path,
      line: deepestLine(config, issue.path),
      args: { kind, message: describeIssue(issue) },
    });
  }
  return isRecord(config.root);
}

function deepestLine(config: YamlConfig, keys: ReadonlyArray<string | number>): number {
  for (let length = keys.length; length > 0; length--) {
    const line = config.parsed.lineOf(keys.slice(0, length), config.doc);
    if (line !== undefined) return line;
  }
  return 1;
}
