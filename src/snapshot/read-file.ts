import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * No following of a final symlink (the walk resolved the links it accepts, and a file swapped for
 * a link since must not lead out of the repository), no blocking (a FIFO swapped in must not hang
 * the scan), no controlling terminal from a device node.
 */
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * The files detectors read (Dockerfiles, manifests, READMEs, CI configs) are nearly all smaller
 * than this: they are read into one reused buffer and copied out, without an fstat, whose Stats
 * object (four Dates) cost more than the read itself, ~10 µs a file.
 */
const SMALL_FILE_BYTES = 64 * 1024;
let scratch: Buffer | undefined;

/**
 * A regular file's bytes; anything else (FIFO, socket, device, directory) is refused. A file over
 * `maxBytes` is not read at all (`refuse`: its size comes back, from an fstat of the open file) or
 * only its first `maxBytes` are (`truncate`). A file is never read past the larger of `maxBytes`
 * and SMALL_FILE_BYTES.
 */
export function readRegularFile(absolute: string, maxBytes: number, overLimit: 'refuse' | 'truncate'): Buffer | { error: string } | { tooLarge: number } {
  let fd: number | undefined;
  try {
    fd = openSync(absolute, READ_FLAGS);
    return readSmall(fd, maxBytes, overLimit) ?? readLarge(fd, maxBytes, overLimit);
  } catch (error) {
    return { error: (error as NodeJS.ErrnoException).code ?? 'read error' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The whole file when it fits SMALL_FILE_BYTES: a read that stops short, then one that returns
 * nothing, is the end of the file. What was swapped in since the walk is still refused without a
 * stat: a FIFO cannot be read at an offset (ESPIPE), a directory not at all (EISDIR), and a device
 * that fills the buffer goes on to readLarge; only one that ends at once (like /dev/null) reads as
 * an empty file.
 */
function readSmall(fd: number, maxBytes: number, overLimit: 'refuse' | 'truncate'): Buffer | { tooLarge: number } | undefined {
  const buffer = (scratch ??= Buffer.allocUnsafe(SMALL_FILE_BYTES));
  const length = readSync(fd, buffer, 0, SMALL_FILE_BYTES, 0);
  if (length === SMALL_FILE_BYTES || readSync(fd, buffer, length, SMALL_FILE_BYTES - length, length) !== 0) return undefined;
  if (length > maxBytes && overLimit === 'refuse') return { tooLarge: length };
  // A copy: the scratch buffer is overwritten by the next read.
  return Buffer.from(buffer.subarray(0, Math.min(length, maxBytes)));
}

function readLarge(fd: number, maxBytes: number, overLimit: 'refuse' | 'truncate'): Buffer | { error: string } | { tooLarge: number } {
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
}
