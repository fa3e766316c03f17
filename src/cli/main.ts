import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ChecklistError } from '../checklist/load.js';
import { RepositoryPathError } from '../snapshot/disk.js';
import { GateConfigError } from '../gate/gate.js';
import { ConfigError } from '../config/load.js';
import { FORMAT_NAMES } from '../formatters/registry.js';
import { TOOL } from '../version.js';
import { EXIT, UsageError } from './errors.js';
import { runCheck, type CheckOptions } from './check-action.js';
import { registerExplain } from './commands/explain.js';
import { registerInit } from './commands/init.js';
import { registerList } from './commands/list.js';
import { registerWalk } from './commands/walk.js';
import type { CommandContext, RegisterCommand } from './command.js';
import { writeStdout } from './stdout.js';

/** Subcommands, each in its own module under commands/. */
const SUBCOMMANDS: readonly RegisterCommand[] = [registerExplain, registerInit, registerList, registerWalk];

const EXIT_CODE_HELP = `
Exit codes:
  0  the gate holds (or no gate is set, or --no-fail)
  1  the gate fails (--min-steps, --require or --fail-on not met)
  2  usage or configuration error (unknown flag, missing path, broken checklist or config)
  3  internal error while scanning

Examples:
  containerize-check                      check the current directory
  containerize-check path/to/repo --json  machine-readable report on stdout
  containerize-check --min-steps 3 --require compose   a CI gate
  containerize-check --format json --output report.json --format sarif --output report.sarif`;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, like 3');
  return Number(value);
}

function parseStepList(value: string, previous: string[] = []): string[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new InvalidArgumentError('expected step ids, like compose,automated-builds');
  return [...previous, ...ids];
}

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('containerize-check')
    .description('How far is this repository on the road to containers, and what is the next step?')
    .version(TOOL.version, '-V, --version')
    .argument('[path]', 'repository to check', '.')
    .option('-c, --checklist <name|file>', 'built-in checklist (containerization, orchestration) or a YAML file (default: the config\'s, else containerization)')
    .option('--config <file>', 'config file (default: .containerize-check.yaml in the repository, or "containerize-check" in package.json)')
    .option('-f, --format <format>', `output format: ${FORMAT_NAMES.join(', ')}; repeatable, paired with --output (default: text)`, collect, [])
    .option('-o, --output <file>', 'write the matching --format to this file instead of stdout; repeatable', collect, [])
    .option('--json', 'same as --format json')
    .option('--min-steps <n>', 'gate: fail (exit 1) unless at least n steps are done', parseCount)
    .option('--require <steps>', 'gate: fail (exit 1) unless these step ids are done (comma-separated, repeatable)', parseStepList)
    .addOption(new Option('--fail-on <severity>', 'gate: fail (exit 1) on findings at this severity or above').choices(['error', 'warning']))
    .option('--no-fail', 'report only: exit 0 whatever the gate says')
    .option('--no-attestations', 'ignore attestations in the config: evidence only')
    .option('--no-color', 'plain output without colors (also NO_COLOR=1)')
    .option('-v, --verbose', 'show all evidence and informational findings')
    .addHelpText('after', EXIT_CODE_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    // Help and version through the descriptor too: `--help | head` ends quietly, like a report does.
    .configureOutput({ writeOut: writeStdout })
    .option('-i, --interactive', 'the guided walkthrough instead of the report (same as `walk`)')
    .action(async (path: string, options: CheckOptions & { interactive?: boolean }) => {
      if (!options.interactive) return setExitCode(runCheck(path, options));
      // Loaded only here, so the one-shot report never pays for the walkthrough's modules.
      const { walkCommand } = await import('./commands/walk.js');
      setExitCode(await walkCommand(path, { color: options.color }));
    });
  const context: CommandContext = { setExitCode };
  for (const register of SUBCOMMANDS) register(program, context);
  return program;
}

/** Maps every failure to one line on stderr and a documented exit code; never a stack trace. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => (exitCode = code));
  try {
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; they already printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof ChecklistError || error instanceof RepositoryPathError || error instanceof GateConfigError) {
      process.stderr.write(`containerize-check: ${oneLine(error.message)}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`containerize-check: internal error: ${oneLine(error instanceof Error ? error.message : String(error))} (please report it; CONTAINERIZE_CHECK_DEBUG=1 shows details)\n`);
    if (process.env.CONTAINERIZE_CHECK_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return EXIT.internal;
  }
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
