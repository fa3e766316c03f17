import type { Confidence } from '../facts.js';
import type { K8sResource, ResourceFeature } from './types.js';

export interface TemplateOptions {
  chart?: string;
  confidence: Confidence;
  /** Whether a `{{ if .Values.x.y }}` guard is on with the chart's values; undefined when unknown. */
  enabled?: (valuesPath: string) => boolean | undefined;
}

const KIND = /^kind:\s*["']?([A-Za-z][\w-]*)["']?\s*(?:#.*)?$/;
const API_VERSION = /^apiVersion:\s*["']?([^\s"'{}#]+)["']?\s*(?:#.*)?$/;
const METADATA_FIELD = /^\s+(name|namespace):\s*["']?([^\s"'{}#]+)["']?\s*(?:#.*)?$/;
const RELEASE_NAMESPACE = /^\s+namespace:\s*["']?\{\{-?\s*\.Release\.Namespace\b/;
const IMAGE = /^\s*(?:-\s+)?image:\s*["']?([^\s"'{}#]+)["']?\s*(?:#.*)?$/;
const GUARD = /\{\{-?\s*if\s+\.Values\.([\w.]+)\s*-?\}\}/;
const FEATURES: Array<[RegExp, ResourceFeature]> = [
  [/^\s*(?:liveness|readiness|startup)Probe:/, 'probes'],
  [/^\s*volumeClaimTemplates:/, 'volume-claim-templates'],
  [/^\s*persistentVolumeClaim:/, 'pvc-volume'],
  [/["']?prometheus\.io\/scrape["']?\s*:/, 'scrape-annotations'],
  [/["']?vault\.hashicorp\.com\/agent-inject["']?\s*:/, 'vault-injection'],
];
const SERVICE_TYPES: Array<[RegExp, ResourceFeature]> = [
  [/^\s*type:\s*["']?LoadBalancer\b/, 'load-balancer'],
  [/^\s*type:\s*["']?NodePort\b/, 'node-port'],
];

/**
 * Objects of a Go-templated file (Helm templates, or YAML with `{{ }}` that does not parse),
 * read line by line: a template is not YAML until rendered, so it is never parsed as YAML.
 * Only what is written literally counts; `{{ .Values.image }}` is not an image.
 */
export function scanTemplate(path: string, text: string, options: TemplateOptions): K8sResource[] {
  const lines = text.split(/\r?\n/);
  const resources: K8sResource[] = [];
  let start = 0;
  for (let index = 0; index <= lines.length; index++) {
    if (index < lines.length && !/^---/.test(lines[index]!)) continue;
    const resource = scanSegment(path, lines, start, index, options);
    if (resource) resources.push(resource);
    start = index + 1;
  }
  return resources;
}

function scanSegment(path: string, lines: string[], from: number, to: number, options: TemplateOptions): K8sResource | undefined {
  const segment = lines.slice(from, to);
  const kindIndex = segment.findIndex((line) => KIND.test(line));
  if (kindIndex === -1) return undefined;
  const kind = KIND.exec(segment[kindIndex]!)![1]!;
  const lineOf = (index: number) => from + index + 1;
  const resource: K8sResource = {
    kind, path, line: lineOf(kindIndex), origin: 'template', confidence: options.confidence,
    images: [], containers: [], features: {},
  };
  if (options.chart) resource.chart = options.chart;
  const apiVersion = segment.map((line) => API_VERSION.exec(line)?.[1]).find(Boolean);
  if (apiVersion) resource.apiVersion = apiVersion;
  readMetadata(segment, resource, lineOf);
  segment.forEach((line, index) => {
    for (const [pattern, feature] of kind === 'Service' ? [...FEATURES, ...SERVICE_TYPES] : FEATURES) {
      if (pattern.test(line)) resource.features[feature] ??= lineOf(index);
    }
    const image = IMAGE.exec(line)?.[1];
    if (image && !resource.images.includes(image)) resource.images.push(image);
  });
  const guard = segment.slice(0, kindIndex).map((line) => GUARD.exec(line)?.[1]).find(Boolean);
  if (guard && options.enabled?.(guard) === false) resource.confidence = 'weak';
  return resource;
}

function readMetadata(segment: string[], resource: K8sResource, lineOf: (index: number) => number): void {
  const start = segment.findIndex((line) => /^metadata:\s*$/.test(line));
  if (start === -1) return;
  let childIndent: number | undefined;
  for (let index = start + 1; index < segment.length; index++) {
    const line = segment[index]!;
    if (/^\S/.test(line) && !line.startsWith('{{')) break;
    if (RELEASE_NAMESPACE.test(line)) resource.features['release-namespace'] ??= lineOf(index);
    const indent = /^( +)[A-Za-z]/.exec(line)?.[1]?.length;
    childIndent ??= indent;
    const field = METADATA_FIELD.exec(line);
    if (!field || indent !== childIndent) continue;
    if (field[1] === 'name') resource.name ??= field[2];
    else resource.namespace ??= field[2];
  }
}
