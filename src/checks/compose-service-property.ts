import { z } from 'zod';
import { defineCheck } from './define.js';
import type { ComposeServiceFact, Evidence, Facts } from '../detectors/facts.js';
import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';
import { dirOf } from '../snapshot/paths.js';
import { MAX_LISTED, scopedStatus, scopeParam } from './file-globs.js';
import { findValues, valuePathParam } from './value-path.js';

export const composeServiceProperty = defineCheck({
  id: 'compose-service-property',
  primitive: true,
  description: 'Check primitive: the Compose services built from the repository set a property (healthcheck, deploy.resources.limits…).',
  howDetected:
    'Takes the services of the Compose files the scan found (by default those with a `build:`, that is built from this repository; `services: all` takes image-only services too) and looks up the dotted property under each, also in the override files beside it (compose.override.yaml). `in: every` (default) needs every service to set it, `in: any` one.',
  example: ['- check: compose-service-property', '  with:', '    property: healthcheck'].join('\n'),
  reads: ['compose'],
  params: () => z
    .object({ property: valuePathParam(), services: z.enum(['built', 'all']).default('built'), in: scopeParam().default('every') })
    .strict(),
  run({ facts, snapshot }, params) {
    const services = composeServices(facts, params.services);
    if (services.length === 0) {
      return { status: 'fail', evidence: [], missing: [{ code: 'compose-property-missing', path: '.', args: { service: '(none)', property: params.property }, confidence: 'strong' }] };
    }
    const evidence: Evidence[] = [];
    const missing: Evidence[] = [];
    for (const service of services) {
      const args = { service: service.name, property: params.property };
      const found = filesDefining(facts, service).map((file) => ({ file, line: lineOfProperty(snapshot, file, service.name, params.property) })).find((f) => f.line !== undefined);
      if (found) evidence.push({ code: 'compose-property', path: found.file, line: found.line, args, confidence: 'strong' });
      else missing.push({ code: 'compose-property-missing', path: service.file, line: service.line, args, confidence: 'strong' });
    }
    const status = scopedStatus(params.in, evidence.length, missing.length, 0);
    return { status, evidence: evidence.slice(0, MAX_LISTED), missing: status === 'pass' ? [] : missing.slice(0, MAX_LISTED) };
  },
});

function composeServices(facts: Pick<Facts, 'compose'>, which: 'built' | 'all'): ComposeServiceFact[] {
  return facts.compose
    .filter((file) => file.valid && !file.override)
    .flatMap((file) => file.services)
    .filter((service) => which === 'all' || service.build !== undefined);
}

/** The service's own file, then override files in the same directory that name it. */
function filesDefining(facts: Pick<Facts, 'compose'>, service: ComposeServiceFact): string[] {
  const overrides = facts.compose.filter((f) => f.override && dirOf(f.path) === dirOf(service.file) && f.services.some((s) => s.name === service.name));
  return [service.file, ...overrides.map((f) => f.path)];
}

function lineOfProperty(snapshot: RepoSnapshot | undefined, file: string, name: string, property: string): number | undefined {
  const yaml = snapshot?.yaml(file);
  const document = yaml?.documents[0] as { services?: Record<string, unknown> } | undefined;
  const definition = document?.services?.[name];
  const [match] = findValues(definition, property);
  if (!yaml || !match) return undefined;
  return yaml.lineOf(['services', name, ...match.path]) ?? 1;
}
