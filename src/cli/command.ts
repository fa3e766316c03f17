import type { Command } from 'commander';

/** What a subcommand module gets: a way to report its exit code without calling process.exit. */
export interface CommandContext {
  setExitCode(code: number): void;
}

/** Each subcommand lives in src/cli/commands/<name>.ts and registers itself on the program. */
export type RegisterCommand = (program: Command, context: CommandContext) => void;
