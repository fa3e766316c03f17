import type { DetectorContext } from '../define.js';
import { yamlSyntaxFindings } from '../../findings/yaml-syntax.js';
import { baseName } from '../../snapshot/paths.js';
import { stringAt } from './features.js';
import { confidenceOfPath } from './kinds.js';
import { recordResource } from './record.js';
import type { OrchestrationFacts } from './types.js';
import { isRecord } from '../../parsers/record.js';

/** The three names `kustomize build` looks for (https://kubectl.docs.kubernetes.io/references/kustomize/glossary/#kustomization-root). */
const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function isKustomization(path: string): boolean {
  return KUSTOMIZATION_NAMES.includes(baseName(path));
}

/**
 * Kustomizations: the namespace they set, the images they rewrite, and the ConfigMaps and
 * Secrets their generators create (https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/).
 */
export function scanKustomizations(context: DetectorContext, facts: OrchestrationFacts): void {
  const { snapshot } = context;
  for (const path of snapshot.filesNamed(...KUSTOMIZATION_NAMES)) {
    const yaml = snapshot.yaml(path);
    if (!yaml) continue;
    if (yaml.errors.length > 0) {
      for (const finding of yamlSyntaxFindings(path, yaml.errors)) context.report(finding);
      facts.unparsed.push(path);
      continue;
    }
    const document = yaml.documents[0];
    if (!isRecord(document)) continue;
    const confidence = confidenceOfPath(path);
    const at = (...keys: Array<string | number>) => ({ path, line: yaml.lineOf(keys) ?? 1, confidence });
    const namespace = stringAt(document, 'namespace');
    const images = listOf(document.images).flatMap((image) => [stringAt(image, 'name'), stringAt(image, 'newName')].filter((i): i is string => i !== undefined));
    facts.kustomizations.push({ ...at(), ...(namespace ? { namespace } : {}), images: [...new Set(images)] });
    facts.tools.push({ tool: 'kustomize', purpose: 'package', ...at() });
    if (namespace) facts.namespaces.push({ namespace, via: 'kustomize', ...at('namespace') });
    listOf(document.helmCharts).forEach((chart, index) => {
      const name = stringAt(chart, 'name');
      if (name) facts.chartRefs.push({ chart: name, via: 'kustomize', ...at('helmCharts', index, 'name') });
    });
    for (const [key, kind] of [['configMapGenerator', 'ConfigMap'], ['secretGenerator', 'Secret']] as const) {
      listOf(document[key]).forEach((generator, index) => {
        const name = stringAt(generator, 'name');
        const { line } = at(key, index);
        const literal = kind === 'Secret' && listOf(isRecord(generator) ? generator.literals : undefined).length > 0;
        recordResource(facts, {
          kind, path, line, origin: 'manifest', confidence, images: [], containers: [],
          features: literal ? { 'literal-secret': yaml.lineOf([key, index, 'literals']) ?? line } : {},
          ...(name ? { name } : {}),
        });
        if (literal) {
          context.report({ code: 'k8s-secret-committed', severity: 'warning', path, line: yaml.lineOf([key, index, 'literals']) ?? line, args: { name: name ?? '' } });
        }
      });
    }
  }
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
