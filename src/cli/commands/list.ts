import { BUILT_IN_CHECKLISTS, loadChecklist } from '../../checklist/load.js';
import { CHECKS } from '../../checks/registry.js';
import type { Command } from 'commander';
import { EXIT } from '../errors.js';
import type { CommandContext } from '../command.js';

/** `containerize-check list`: what can be checked, in plain text. */
export function listCommand(): number {
  const lines: string[] = [];
  for (const name of BUILT_IN_CHECKLISTS) {
    const checklist = loadChecklist(name);
    lines.push(`${checklist.id}: ${checklist.title}`);
    checklist.steps.forEach((step, index) => {
      lines.push(`  ${index + 1}. ${step.id.padEnd(24)} ${step.title}  [${step.checks.map((c) => c.check.id).join(', ')}]`);
    });
    lines.push('');
  }
  lines.push('checks:');
  for (const check of CHECKS) lines.push(`  ${check.id.padEnd(28)} ${check.description}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

export function registerList(program: Command, context: CommandContext): void {
  program
    .command('list')
    .description('list the built-in checklists, their steps, and every check')
    .action(() => context.setExitCode(listCommand()));
}
