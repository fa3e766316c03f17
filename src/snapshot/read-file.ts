import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * No following of a final symlink (the walk resolved the links it accepts, and a file swapped for
 * a link since must not lead out of the repository), no blocking (a FIFO swapped in must not hang
 * the scan), no controlling terminal from a device node.
 */
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * A regular file's bytes; anything else (FIFO, socket, device, directory) is refused. A file over
 * `maxBytes` is not read at all (`refuse`: its size comes back, from the one fstat the open file
 * gets anyway) or only its first `maxBytes` are (`truncate`).
 */
export function readRegularFile(absolute: string, maxBytes: number, overLimit: 'refuse' | 'truncate'): Buffer | { error: string } | { tooLarge: number } {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, READ_FLAGS);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { error: 'not a regular file' };
    if (stats.size > maxBytes && overLimit === 'refuse') return { tooLarge: stats.size };
    // Not zero-filled (small ones come from Buffer's pool): only the bytes read are handed out.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes));
    let length = 0;
    // One read may return less than asked (network file systems, signals); stop at end of file.
    while (length < buffer.length) {
      const count = readSync(fd, buffer, length, buffer.length - length, length);
      if (count === 0) break;
      length += count;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? 'read error' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
