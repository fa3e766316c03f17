import type { Command } from 'commander';
import { SCAFFOLD_TARGETS } from '../../scaffold/types.js';
import type { CommandContext } from '../command.js';

export interface InitOptions {
  service?: string;
  dryRun?: boolean;
  yes?: boolean;
  force?: boolean;
  config?: string;
}

export function registerInit(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description('generate what the next steps need: Dockerfiles, .dockerignore, Compose, CI (preview with --dry-run)')
    .argument('[target]', `what to generate: ${SCAFFOLD_TARGETS.join(', ')}`, 'all')
    .argument('[path]', 'repository', '.')
    .option('--service <path>', 'only the service in this directory (Dockerfile and .dockerignore)')
    .option('--dry-run', 'print the files (or a diff against existing ones); write nothing')
    .option('-y, --yes', 'write without asking')
    .option('--force', 'overwrite existing files that differ')
    .option('--config <file>', 'config file (default: .containerize-check.yaml in the repository)')
    .action(async (target: string, path: string, options: InitOptions) => {
      const { initCommand } = await import('./init-run.js');
      context.setExitCode(await initCommand(target, path, options));
    });
}
