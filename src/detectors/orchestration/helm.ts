import type { DetectorContext } from '../define.js';
import { yamlSyntaxFindings } from '../../findings/yaml-syntax.js';
import type { Confidence } from '../facts.js';
import type { RepoSnapshot } from '../../snapshot/repo-snapshot.js';
import { baseName, dirOf, unionSorted } from '../../snapshot/paths.js';
import { stringAt } from './features.js';
import { confidenceOfPath } from './kinds.js';
import { recordResource } from './record.js';
import { scanTemplate } from './template-scan.js';
import type { OrchestrationFacts } from './types.js';
import { isRecord } from '../../parsers/record.js';

const CHART_NAMES = ['Chart.yaml', 'Chart.yml'];
const VALUES_FILE = /^values[\w.-]*\.ya?ml$/;
const HELMFILE_NAME = /^helmfile(?:\.ya?ml)?(?:\.gotmpl)?$/;
/** Any YAML file directly in a `helmfile.d/` directory. */
const HELMFILE_D_ENTRY = /^[^/]+\.ya?ml(?:\.gotmpl)?$/;

/**
 * Files a chart owns: its templates/ (Go templates, never parsed as YAML) and its values files,
 * both read here rather than as manifests.
 */
export function chartOwnedPaths(snapshot: RepoSnapshot): Set<string> {
  const dirs = snapshot.filesNamed(...CHART_NAMES).map(dirOf);
  return new Set(dirs.flatMap((dir) => [...snapshot.filesUnder(templatesDir(dir)), ...valuesFiles(snapshot, dir)]));
}

function templatesDir(chartDir: string): string {
  return chartDir === '.' ? 'templates' : `${chartDir}/templates`;
}

function valuesFiles(snapshot: RepoSnapshot, chartDir: string): string[] {
  return snapshot.filesIn(chartDir).filter((file) => VALUES_FILE.test(baseName(file)));
}

/** `helmfile.yaml` (and `.gotmpl`) anywhere, and the YAML files of `helmfile.d/` directories, sorted. */
function helmfiles(snapshot: RepoSnapshot): string[] {
  const inHelmfileD = snapshot.filesInDirectoriesLike((dir) => baseName(dir) === 'helmfile.d').filter((file) => HELMFILE_D_ENTRY.test(baseName(file)));
  return unionSorted(snapshot.filesNamedLike(HELMFILE_NAME), inHelmfileD);
}

/**
 * Helm charts (https://helm.sh/docs/topics/charts/): Chart.yaml, values files and the kinds the
 * templates render, plus Helmfile releases (https://helmfile.readthedocs.io/).
 */
export function scanHelm(context: DetectorContext, facts: OrchestrationFacts): void {
  const { snapshot } = context;
  for (const chartFile of snapshot.filesNamed(...CHART_NAMES)) {
    const yaml = snapshot.yaml(chartFile);
    if (!yaml) continue;
    if (yaml.errors.length > 0) {
      for (const finding of yamlSyntaxFindings(chartFile, yaml.errors)) context.report(finding);
      facts.unparsed.push(chartFile);
      continue;
    }
    const chart = yaml.documents[0];
    const dir = dirOf(chartFile);
    const confidence = confidenceOfPath(chartFile);
    const name = stringAt(chart, 'name') ?? baseName(dir);
    const line = yaml.lineOf(['name']) ?? 1;
    const dependencies = isRecord(chart) && Array.isArray(chart.dependencies) ? chart.dependencies : [];
    dependencies.forEach((dependency, index) => {
      const dependencyName = stringAt(dependency, 'name');
      if (dependencyName) facts.chartRefs.push({ chart: dependencyName, via: 'chart-dependency', path: chartFile, line: yaml.lineOf(['dependencies', index, 'name']), confidence });
    });
    if (/\/charts\/[^/]+$/.test(dir)) facts.chartRefs.push({ chart: name, via: 'subchart', path: chartFile, line, confidence });
    const values = readValues(context, dir);
    let hasTemplates = false;
    for (const template of snapshot.filesUnder(templatesDir(dir)).filter((t) => /\.ya?ml$/.test(t))) {
      const text = snapshot.text(template);
      if (text === undefined) continue;
      // templates/tests/ holds `helm test` hooks, not the app: weak, like any test directory.
      for (const resource of scanTemplate(template, text, { chart: dir, confidence: confidenceOfPath(template), enabled: values.enabled })) {
        recordResource(facts, resource);
        hasTemplates = true;
      }
    }
    facts.charts.push({ dir, name, path: chartFile, line, hasTemplates, images: values.images, confidence });
    facts.tools.push({ tool: 'helm', purpose: 'package', name, path: chartFile, line, confidence });
  }
  for (const helmfile of helmfiles(snapshot)) scanHelmfile(context, facts, helmfile);
}

function readValues(context: DetectorContext, dir: string) {
  const { snapshot } = context;
  const documents = new Map<string, unknown>();
  for (const file of valuesFiles(snapshot, dir)) {
    const yaml = snapshot.yaml(file);
    if (!yaml) continue;
    for (const finding of yamlSyntaxFindings(file, yaml.errors)) context.report(finding);
    if (yaml.errors.length === 0) documents.set(baseName(file), yaml.documents[0]);
  }
  const images = new Set<string>();
  for (const document of documents.values()) collectImages(document, images, 0);
  const lookup = (document: unknown, path: string) => path.split('.').reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), document);
  /** Off in values.yaml and in every other values file: the template renders nothing by default. */
  const enabled = (path: string): boolean | undefined => {
    const defaults = [...documents.entries()].find(([name]) => /^values\.ya?ml$/.test(name))?.[1];
    if (defaults === undefined) return undefined;
    return [...documents.values()].some((document) => isTruthy(lookup(document, path)));
  };
  return { images: [...images].sort(), enabled };
}

function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return value !== undefined && value !== null && value !== false && value !== '' && value !== 0;
}

/** `image: repo:tag` and the `image: { repository: … }` layout that `helm create` writes. */
function collectImages(value: unknown, images: Set<string>, depth: number): void {
  if (depth > 12 || !isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'image' && typeof child === 'string' && child.trim()) images.add(child.trim());
    const repository = key === 'image' ? stringAt(child, 'repository') : undefined;
    if (repository) images.add(repository);
    collectImages(child, images, depth + 1);
  }
}

/** Helmfiles are usually templated, so they are read by pattern like chart templates. */
function scanHelmfile(context: DetectorContext, facts: OrchestrationFacts, path: string): void {
  const text = context.snapshot.text(path);
  if (text === undefined) return;
  const confidence: Confidence = confidenceOfPath(path);
  facts.tools.push({ tool: 'helmfile', purpose: 'package', path, line: 1, confidence });
  text.split(/\r?\n/).forEach((line, index) => {
    const chart = /^\s*chart:\s*["']?([^\s"'{}#]+)/.exec(line)?.[1];
    if (chart) facts.chartRefs.push({ chart, via: 'helmfile', path, line: index + 1, confidence });
    const namespace = /^\s*namespace:\s*["']?([a-z0-9][a-z0-9-]*)["']?\s*(?:#.*)?$/.exec(line)?.[1];
    if (namespace) facts.namespaces.push({ namespace, via: 'helmfile', path, line: index + 1, confidence });
  });
}
