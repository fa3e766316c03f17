import type { ResourceFeature } from './types.js';
import { isRecord } from '../../parsers/record.js';

type Path = Array<string | number>;

export interface ObjectFeatures {
  images: string[];
  containers: string[];
  /** Path of the key that shows each feature, for its line. */
  features: Partial<Record<ResourceFeature, Path>>;
}

const PROBES = new Set(['livenessProbe', 'readinessProbe', 'startupProbe']);
const ANNOTATION_FEATURES: Array<[RegExp, ResourceFeature]> = [
  [/^prometheus\.io\/scrape$/, 'scrape-annotations'],
  [/^vault\.hashicorp\.com\/agent-inject$/, 'vault-injection'],
];
/** Real manifests nest a dozen levels at most; the bounds keep a hostile file cheap. */
const MAX_DEPTH = 24;
const MAX_NODES = 20_000;

/**
 * Containers, probes, volume claims and annotations anywhere in an object, so every kind that
 * embeds a pod template (Deployment, CronJob, Rollout, Knative Service…) is read the same way.
 */
export function featuresOf(root: unknown, kind: string): ObjectFeatures {
  const result: ObjectFeatures = { images: [], containers: [], features: {} };
  const mark = (feature: ResourceFeature, path: Path) => {
    result.features[feature] ??= path;
  };
  let nodes = 0;
  const visit = (value: unknown, path: Path, depth: number): void => {
    if (depth > MAX_DEPTH || ++nodes > MAX_NODES) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index], depth + 1));
      return;
    }
    if (!isRecord(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const here = [...path, key];
      if ((key === 'containers' || key === 'initContainers') && Array.isArray(child)) readContainers(child, result);
      if (PROBES.has(key) && isRecord(child)) mark('probes', here);
      if (key === 'volumeClaimTemplates' && Array.isArray(child) && child.length > 0) mark('volume-claim-templates', here);
      if (key === 'persistentVolumeClaim' && isRecord(child)) mark('pvc-volume', here);
      if (key === 'annotations' && isRecord(child)) {
        for (const [annotation, feature] of ANNOTATION_FEATURES) {
          const name = Object.keys(child).find((k) => annotation.test(k));
          if (name && String(child[name]) !== 'false') mark(feature, [...here, name]);
        }
      }
      visit(child, here, depth + 1);
    }
  };
  visit(root, [], 0);
  if (kind === 'Service' && isRecord(root) && isRecord(root.spec)) {
    if (root.spec.type === 'LoadBalancer') mark('load-balancer', ['spec', 'type']);
    if (root.spec.type === 'NodePort') mark('node-port', ['spec', 'type']);
  }
  return result;
}

function readContainers(containers: unknown[], result: ObjectFeatures): void {
  for (const container of containers) {
    if (!isRecord(container)) continue;
    if (typeof container.image === 'string' && container.image && !container.image.includes('{{')) result.images.push(container.image);
    if (typeof container.name === 'string') result.containers.push(container.name);
  }
}

/** Literal `data`/`stringData` of a Secret: the path of the first one holding a value that is not a placeholder. */
export function literalSecretPath(document: Record<string, unknown>): Path | undefined {
  if (document.sops !== undefined) return undefined;
  for (const key of ['stringData', 'data']) {
    const data = document[key];
    if (!isRecord(data)) continue;
    const literal = Object.values(data).some((value) => {
      const text = value === null || value === undefined ? '' : String(value).trim();
      return text !== '' && !/\$\{|\{\{|^ENC\[/.test(text);
    });
    if (literal) return [key];
  }
  return undefined;
}

/** A string at a path of nested maps, or undefined. */
export function stringAt(value: unknown, ...path: string[]): string | undefined {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return typeof current === 'string' && current.trim() !== '' ? current : undefined;
}
