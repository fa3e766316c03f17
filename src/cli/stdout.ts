import { writeSync } from 'node:fs';

/**
 * Writes to standard output straight through the file descriptor. `process.stdout` is a stream
 * that Node builds on first touch, loading its socket layer when the output is a pipe (~10 ms of
 * a run whose report goes to `| jq` or a CI log); a report is one write anyway.
 * A reader that went away (`| head`) is no failure: the rest has nowhere to go, the exit code
 * stands. Output the descriptor cannot take now (a non-blocking pipe that is full) goes to the
 * stream, which waits for it.
 */
export function writeStdout(text: string): void {
  const bytes = Buffer.from(text);
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(1, bytes, offset, bytes.length - offset);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw error;
    process.stdout.write(bytes.subarray(offset));
  }
}

/** Whether standard output is a terminal; only asked for text output, which may be coloured. */
export function stdoutIsTerminal(): boolean {
  return Boolean(process.stdout.isTTY);
}
