import type { Command } from 'commander';
import { writeStdout } from '../stdout.js';
import { BUILT_IN_CHECKLISTS, loadChecklist, type Checklist } from '../../checklist/load.js';
import { CHECKS } from '../../checks/registry.js';
import { EXIT, UsageError } from '../errors.js';
import type { CommandContext } from '../command.js';

interface ListOptions {
  format: 'text' | 'json';
  checklist?: string;
}

/** `containerize-check list`: the checklists, their steps, every check and the check primitives. */
export function listCommand(options: ListOptions = { format: 'text' }): number {
  const checklists = [...BUILT_IN_CHECKLISTS.map((name) => loadChecklist(name)), ...(options.checklist ? [loadChecklist(options.checklist)] : [])];
  writeStdout(options.format === 'json' ? `${JSON.stringify(listing(checklists), null, 2)}\n` : listText(checklists));
  return EXIT.ok;
}

function listing(checklists: readonly Checklist[]) {
  return {
    checklists: checklists.map((c) => ({
      id: c.id, title: c.title, source: c.source,
      steps: c.steps.map((s) => ({ id: s.id, title: s.title, checks: s.checks.map((ref) => ref.check.id) })),
    })),
    checks: CHECKS.map((c) => ({ id: c.id, description: c.description, primitive: Boolean(c.primitive) })),
  };
}

function listText(checklists: readonly Checklist[]): string {
  const lines: string[] = [];
  for (const checklist of checklists) {
    lines.push(`${checklist.id}: ${checklist.title}${checklist.source.startsWith('built-in:') ? '' : ` (${checklist.source})`}`);
    checklist.steps.forEach((step, index) => {
      lines.push(`  ${index + 1}. ${step.id.padEnd(24)} ${step.title}  [${step.checks.map((c) => c.check.id).join(', ')}]`);
    });
    lines.push('');
  }
  lines.push('checks:');
  for (const check of CHECKS.filter((c) => !c.primitive)) lines.push(`  ${check.id.padEnd(28)} ${check.description}`);
  lines.push('', 'check primitives (for checklists of your own; `explain ID` shows their parameters):');
  for (const check of CHECKS.filter((c) => c.primitive)) lines.push(`  ${check.id.padEnd(28)} ${check.description.replace(/^Check primitive: /, '')}`);
  lines.push('', '`containerize-check explain ID` tells why a step or check matters, how it is detected and how to fix it.');
  return `${lines.join('\n')}\n`;
}

export function registerList(program: Command, context: CommandContext): void {
  program
    .command('list')
    .description('list the built-in checklists (and --checklist FILE), their steps, and every check; --format json for a machine-readable listing')
    // --format, --json and --checklist are the program's own options, read from here.
    .action((_options: unknown, command: Command) => {
      const globals = command.optsWithGlobals<{ format?: string[]; json?: boolean; checklist?: string }>();
      const format = globals.json ? 'json' : (globals.format?.at(-1) ?? 'text');
      if (format !== 'text' && format !== 'json') throw new UsageError(`list: --format ${format} is not supported here (text or json)`);
      context.setExitCode(listCommand({ format, checklist: globals.checklist }));
    });
}
