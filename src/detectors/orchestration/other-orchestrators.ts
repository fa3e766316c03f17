import type { DetectorContext } from '../define.js';
import { confidenceOfPath } from './kinds.js';
import type { OrchestrationFacts } from './types.js';
import { isRecord } from '../../parsers/record.js';

const NOMAD_JOB = /\.nomad(?:\.hcl)?$/;
/** The names the AWS docs and `aws ecs register-task-definition --cli-input-json` examples use. */
const ECS_TASK_DEFINITION = /^(?:task-?def(?:inition)?[\w.-]*|[\w.-]+[.-]task-?def(?:inition)?|taskdef)\.json$/i;

/**
 * Orchestrators other than Kubernetes: Nomad job specs (HCL, read by pattern) and ECS task
 * definitions (JSON, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html).
 */
export function scanOtherOrchestrators(context: DetectorContext, facts: OrchestrationFacts): void {
  const { snapshot } = context;
  for (const path of snapshot.filesNamedLike(NOMAD_JOB)) {
    const lines = snapshot.text(path)?.split(/\r?\n/) ?? [];
    const jobIndex = lines.findIndex((line) => /^\s*job\s+"[^"]+"/.test(line));
    if (jobIndex === -1) continue;
    const name = /"([^"]+)"/.exec(lines[jobIndex]!)![1];
    const images = lines.map((line) => /^\s*image\s*=\s*"([^"$]+)"/.exec(line)?.[1]).filter((i): i is string => i !== undefined);
    facts.tools.push({ tool: 'nomad', purpose: 'orchestrator', name, images, path, line: jobIndex + 1, confidence: confidenceOfPath(path) });
  }
  for (const path of snapshot.filesNamedLike(ECS_TASK_DEFINITION)) {
    const json = snapshot.json(path);
    if (!json) continue;
    if (json.error) {
      context.report({ code: 'json-syntax', severity: 'error', path, line: json.error.line, column: json.error.column, args: { message: json.error.message } });
      continue;
    }
    const definition = isRecord(json.value) && isRecord(json.value.taskDefinition) ? json.value.taskDefinition : json.value;
    if (!isRecord(definition) || !Array.isArray(definition.containerDefinitions)) continue;
    const containers = definition.containerDefinitions.filter(isRecord);
    const images = containers.map((c) => c.image).filter((i): i is string => typeof i === 'string' && !i.includes('{{'));
    const name = typeof definition.family === 'string' ? definition.family : undefined;
    const text = snapshot.text(path) ?? '';
    const line = text.split(/\r?\n/).findIndex((l) => /"containerDefinitions"/.test(l)) + 1 || 1;
    facts.tools.push({ tool: 'ecs', purpose: 'orchestrator', ...(name ? { name } : {}), images, path, line, confidence: confidenceOfPath(path) });
  }
}
