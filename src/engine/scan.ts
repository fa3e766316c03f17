import { dirname, isAbsolute, join } from 'node:path';
import { createDiskSnapshot } from '../snapshot/disk.js';
import { runDetectors } from '../detectors/run.js';
import { BUILT_IN_CHECKLISTS, DEFAULT_CHECKLIST, loadChecklist, type Checklist } from '../checklist/load.js';
import { ConfigError, loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { DetectorOptions } from '../detectors/define.js';
import type { FactKey } from '../detectors/facts.js';
import type { RepoSnapshot } from '../snapshot/repo-snapshot.js';
import type { Report } from '../report/types.js';
import { FINDING_CODES } from '../findings/finding.js';
import { CHECKS_BY_ID } from '../checks/registry.js';
import { evaluate } from './evaluate.js';
import { NO_POLICY, type Policy } from './policy.js';
import { TOOL } from '../version.js';
import { timed, type Timings } from '../timings.js';

/** The whole pipeline for one snapshot: detect, then apply the checklist and the team's policy. */
export function scanSnapshot(
  snapshot: RepoSnapshot,
  checklist: Checklist,
  options: { policy?: Policy; detectorOptions?: DetectorOptions; configSource?: string | null; timings?: Timings } = {},
): Report {
  const { timings } = options;
  const { facts, findings } = runDetectors(snapshot, undefined, options.detectorOptions, factsRead(checklist), timings);
  return timed(timings, 'evaluate', () =>
    evaluate({ checklist, facts, findings, snapshot, rootName: snapshot.name, tool: TOOL, policy: options.policy, configSource: options.configSource ?? null }),
  );
}

/** What the checklist's checks read, and the services, which every report lists. */
export function factsRead(checklist: Checklist): Set<FactKey> {
  return new Set<FactKey>(['services', ...checklist.steps.flatMap((step) => step.checks.flatMap(({ check }) => check.reads))]);
}

export interface ScanOptions {
  /** Built-in checklist name or file; wins over the config's `checklist`. */
  checklist?: string;
  configPath?: string;
  /** False for `--no-attestations`: evidence only. */
  useAttestations?: boolean;
  /** YYYY-MM-DD, for attestation expiry; today by default. */
  today?: string;
  timings?: Timings;
}

export interface ScanResult {
  report: Report;
  config: Config;
}

export function scanRepository(root: string, options: ScanOptions = {}): ScanResult {
  const { timings } = options;
  const { config, source, checklist, policy } = timed(timings, 'config and checklist', () => settingsOf(root, options));
  const snapshot = timed(timings, (walked) => `walk (${walked.files.length} files)`, () => createDiskSnapshot(root, { exclude: config.exclude }));
  const detectorOptions: DetectorOptions = { includeServices: config.services?.include, excludeServices: config.services?.exclude };
  return { report: scanSnapshot(snapshot, checklist, { policy: policy === NO_POLICY ? undefined : policy, detectorOptions, configSource: source, timings }), config };
}

/** The config, the checklist it or the options name, and the policy they make, checked against each other. */
function settingsOf(root: string, options: ScanOptions): { config: Config; source: string | null; checklist: Checklist; policy: Policy } {
  const { config, source } = loadConfig(root, options.configPath);
  const configDir = options.configPath ? dirname(options.configPath) : root;
  const checklist = loadChecklist(options.checklist ?? resolveChecklist(config.checklist, configDir) ?? DEFAULT_CHECKLIST);
  const policy: Policy = {
    attestations: options.useAttestations === false ? [] : (config.attestations ?? []),
    ignore: config.ignore ?? [],
    today: options.today ?? new Date().toISOString().slice(0, 10),
  };
  validatePolicy(policy, checklist, source ?? 'config');
  return { config, source, checklist, policy };
}

function resolveChecklist(name: string | undefined, configDir: string): string | undefined {
  if (name === undefined || (BUILT_IN_CHECKLISTS as readonly string[]).includes(name) || isAbsolute(name)) return name;
  return join(configDir, name);
}

/** Attestations and ignores must name things that exist, or a typo would silently do nothing. */
function validatePolicy(policy: Policy, checklist: Checklist, source: string): void {
  const stepIds = new Set(checklist.steps.map((s) => s.id));
  const checkIds = new Set(checklist.steps.flatMap((s) => s.checks.map((c) => c.check.id)));
  for (const attestation of policy.attestations) {
    if (attestation.step !== undefined && !stepIds.has(attestation.step)) {
      throw new ConfigError(`${source}: attestations: no step '${attestation.step}' in checklist ${checklist.id} (steps: ${[...stepIds].join(', ')})`);
    }
    if (attestation.check !== undefined && !checkIds.has(attestation.check)) {
      throw new ConfigError(`${source}: attestations: no check '${attestation.check}' in checklist ${checklist.id}`);
    }
  }
  for (const rule of policy.ignore) {
    if (!CHECKS_BY_ID.has(rule.check) && !(FINDING_CODES as readonly string[]).includes(rule.check)) {
      throw new ConfigError(`${source}: ignore: '${rule.check}' is neither a check id nor a finding code (see \`containerize-check list\`)`);
    }
  }
}
