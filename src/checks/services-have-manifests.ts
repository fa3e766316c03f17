import { z } from 'zod';
import { defineCheck, isDecisive } from './define.js';
import { activitiesOf } from './ci-evidence.js';
import { ordered, resourceEvidence, toolEvidence, toolsFor, undecided } from './orchestration-evidence.js';
import type { Evidence, Facts, ServiceFact } from '../detectors/facts.js';
import { isWorkload } from '../detectors/orchestration/kinds.js';
import { baseName } from '../snapshot/paths.js';

interface Runner {
  evidence: Evidence;
  /** Names that may identify the service it runs: object and container names, image names, chart names. */
  names: string[];
}

export const servicesHaveManifests = defineCheck({
  id: 'services-have-manifests',
  description: 'Kubernetes manifests, a Helm chart or Kustomize (or another orchestrator\'s job specs) run every containerized service.',
  howDetected:
    'Matches each containerized service to a Kubernetes workload, Helm chart, kustomization or other orchestrator job that runs it, by directory name, Compose service name and the image names CI builds.',
  reads: ['ci', 'orchestration', 'services'],
  params: () => z.object({}).strict(),
  run({ facts, findings }) {
    const runners = runnersOf(facts);
    const evidence = runners.map((r) => r.evidence);
    const decisive = runners.filter((r) => isDecisive(r.evidence));
    if (decisive.length === 0) return undecided(facts, findings, evidence);
    const services = facts.services.filter((s) => s.kind === 'app' && s.confidence !== 'weak' && (s.dockerfiles.length > 0 || s.builders.length > 0));
    const missing: Evidence[] = [];
    for (const service of services) {
      const names = serviceNames(facts, service);
      const running = decisive.filter((r) => r.names.some((target) => names.some((name) => sameService(name, target))));
      for (const runner of running) runner.evidence.args.service ??= service.path;
      // A single service at the root has no directory name to match: whatever the manifests run is it.
      const alone = service.path === '.' && services.length === 1;
      if (running.length === 0 && !alone) {
        missing.push({ code: 'service-without-manifest', path: service.dockerfiles[0] ?? service.manifest, args: { service: service.path }, confidence: 'strong' });
      }
    }
    return { status: missing.length === 0 ? 'pass' : 'partial', evidence: ordered(evidence), missing };
  },
});

function runnersOf(facts: Pick<Facts, 'orchestration'>): Runner[] {
  const o = facts.orchestration;
  const runners: Runner[] = [];
  for (const resource of o.resources.filter(isWorkload)) {
    const chart = o.charts.find((c) => c.dir === resource.chart);
    const names = [resource.name, ...resource.containers, ...resource.images.map(imageName), chart?.name, ...(chart?.images ?? []).map(imageName)];
    runners.push({ evidence: resourceEvidence('k8s-workload', resource), names: names.filter((n): n is string => Boolean(n)) });
  }
  for (const chart of o.charts) {
    const evidence: Evidence = { code: 'helm-chart', path: chart.path, line: chart.line, args: { name: chart.name }, confidence: chart.confidence };
    runners.push({ evidence, names: [chart.name, baseName(chart.dir), ...chart.images.map(imageName)] });
  }
  for (const kustomization of o.kustomizations) {
    const args: Evidence['args'] = kustomization.namespace ? { namespace: kustomization.namespace } : {};
    const evidence: Evidence = { code: 'kustomization', path: kustomization.path, line: kustomization.line, args, confidence: kustomization.confidence };
    runners.push({ evidence, names: kustomization.images.map(imageName) });
  }
  for (const tool of toolsFor(facts, 'orchestrator')) {
    runners.push({ evidence: toolEvidence('orchestrator-config', tool), names: [tool.name, ...(tool.images ?? []).map(imageName)].filter((n): n is string => Boolean(n)) });
  }
  return runners;
}

/** The directory name, its Compose services, and the images CI builds from it. */
function serviceNames(facts: Pick<Facts, 'ci'>, service: ServiceFact): string[] {
  const names = [...service.composeServices];
  if (service.path !== '.') names.push(baseName(service.path));
  for (const { activity } of activitiesOf(facts.ci, 'image-build')) {
    if (activity.context === service.path && activity.image) names.push(imageName(activity.image));
  }
  return names.map(normalize).filter((n) => n.length > 1);
}

/** `ghcr.io/acme/shop-api:1.2@sha256:…` → `shop-api`. */
function imageName(image: string): string {
  return baseName(image.split('@')[0]!.replace(/:[^/:]*$/, ''));
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[_.\s]+/g, '-');
}

/** `api` runs as `api`, `shop-api`, `api-server` or `shop-api-v2`; not as `apigateway`. */
function sameService(name: string, target: string): boolean {
  const t = normalize(target);
  return t === name || t.startsWith(`${name}-`) || t.endsWith(`-${name}`) || t.includes(`-${name}-`);
}
