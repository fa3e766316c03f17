import type { Command } from 'commander';
import { shouldUseColor } from '../color.js';
import { UsageError } from '../errors.js';
import type { CommandContext } from '../command.js';

interface WalkCliOptions {
  color?: boolean;
}

/** `containerize-check walk [path]`: the interactive walkthrough; it needs a terminal on both ends. */
export async function walkCommand(path: string, options: WalkCliOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError('walk needs an interactive terminal; without one, run `containerize-check` for the report or `containerize-check init --dry-run` to scaffold');
  }
  // Loaded when a walkthrough starts: it brings the prompts, the scaffolding and the config writer.
  const { walkRepository } = await import('../../walkthrough/session.js');
  const { code } = await walkRepository(path, { color: shouldUseColor(options.color, process.env, true) });
  return code;
}

export function registerWalk(program: Command, context: CommandContext): void {
  program
    .command('walk')
    .description('guided walkthrough of the seven steps in a terminal: advice, scaffolding, marking steps done')
    .argument('[path]', 'repository', '.')
    .option('--no-color', 'plain output without colors (also NO_COLOR=1)')
    .action(async (path: string, options: WalkCliOptions) => context.setExitCode(await walkCommand(path, options)));
}
