import type { ServiceFiles } from './service-files.js';

/** Shell syntax a command needs a shell for: variables, operators, quotes, globs, redirections. */
const NEEDS_SHELL = /[$&|;<>`'"*?(){}\\]/;

/**
 * A command line as the exec form of CMD (https://docs.docker.com/reference/dockerfile/#cmd):
 * split into words when it is plain, else run by `sh -c` so variables like `$PORT` still expand.
 */
export function execForm(command: string): string[] {
  const trimmed = command.trim();
  return NEEDS_SHELL.test(trimmed) ? ['sh', '-c', trimmed] : trimmed.split(/\s+/);
}

/** `["node", "server.js"]`, as Dockerfiles write JSON arrays. */
export function jsonArray(words: readonly string[]): string {
  return `[${words.map((word) => JSON.stringify(word)).join(', ')}]`;
}

/** The `web` process of a Procfile (https://devcenter.heroku.com/articles/procfile), else its first one. */
export function procfileCommand(files: ServiceFiles): string | undefined {
  const text = files.text('Procfile');
  if (text === undefined) return undefined;
  const processes = text
    .split(/\r?\n/)
    .map((line) => /^([\w-]+):\s*(.+)$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null);
  const web = processes.find((match) => match[1] === 'web') ?? processes[0];
  return web?.[2]?.trim();
}
