// What `init` does, loaded only when it runs: the scaffolding (and the `yaml` package it edits configs
// with) costs every other command's start nothing.
import { planRepository } from '../../scaffold/load.js';
import { renderPreview } from '../../scaffold/diff.js';
import { skipMessage, WRITE_STATUS_WORDS } from '../../scaffold/messages.js';
import { SCAFFOLD_TARGETS, type ScaffoldTarget } from '../../scaffold/types.js';
import type { InitOptions } from './init.js';
import { plannedStatus, ScaffoldWriteError, writeFiles } from '../../scaffold/write.js';
import { printable } from '../../formatters/sanitize.js';
import { EXIT, UsageError } from '../errors.js';
import { writeStdout } from '../stdout.js';

/** Terminal output, one line per entry, with repository text escaped. */
const say = (text: string) => writeStdout(`${text.split('\n').map(printable).join('\n')}\n`);

/** `containerize-check init [target] [path]`: preview, confirm (or --yes), write; never overwrites without --force. */
export async function initCommand(target: string, root: string, options: InitOptions): Promise<number> {
  if (!(SCAFFOLD_TARGETS as readonly string[]).includes(target)) {
    throw new UsageError(`init: unknown target '${target}' (one of ${SCAFFOLD_TARGETS.join(', ')}); the repository path comes second: init all path/to/repo`);
  }
  const { facts, plan, states } = guard(() => planRepository(root, { target: target as ScaffoldTarget, service: options.service, configPath: options.config }));
  const unknown = plan.skipped.find((s) => s.reason === 'unknown-service');
  if (unknown) {
    const known = facts.services.map((s) => s.path).join(', ') || 'none found';
    throw new UsageError(`--service ${unknown.service ?? ''}: no service there (services: ${known})`);
  }
  for (const skipped of plan.skipped) say(`skip    ${skipMessage(skipped)}`);
  if (plan.files.length === 0) {
    say('nothing to generate');
    return EXIT.ok;
  }
  const force = Boolean(options.force);
  if (options.dryRun) {
    say(renderPreview(states, force).trimEnd());
    return EXIT.ok;
  }
  if (!options.yes) {
    for (const state of states) say(`${WRITE_STATUS_WORDS[plannedStatus(state, force)].planned.padEnd(9)} ${state.file.path}`);
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new UsageError('init: nothing written; pass --yes to write these files, or --dry-run to see them first');
    }
    const { default: confirm } = await import('@inquirer/confirm');
    const go = await confirm({ message: 'Write these files?', default: true }).catch(stopped);
    if (!go) {
      say('nothing written');
      return EXIT.ok;
    }
  }
  const results = guard(() => writeFiles(root, plan.files, { force }));
  for (const result of results) say(`${WRITE_STATUS_WORDS[result.status].done.padEnd(11)} ${result.path}`);
  const kept = results.filter((r) => r.status === 'kept');
  if (kept.length > 0) {
    process.stderr.write(`containerize-check: init: kept ${kept.length} existing file(s) with other content (${kept.map((r) => printable(r.path)).join(', ')}); --force overwrites, --dry-run shows the difference\n`);
    return EXIT.usage;
  }
  say('Run containerize-check again to see the new status of each step.');
  return EXIT.ok;
}

function guard<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof ScaffoldWriteError) throw new UsageError(`init: ${error.message}`);
    throw error;
  }
}

/** Ctrl-C at the prompt: nothing was written. */
function stopped(error: unknown): never {
  if (error instanceof Error && error.name === 'ExitPromptError') throw new UsageError('init: stopped; nothing written');
  throw error;
}

