import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRegularFile } from '../../src/snapshot/read-file.js';
import { TempTrees } from '../helpers/disk-tree.js';

const trees = new TempTrees();
afterAll(() => trees.cleanup());

/** Distinct bytes at every offset, so a read from the wrong place or of the wrong length shows. */
function bytes(length: number, seed: number): Buffer {
  return Buffer.from(Array.from({ length }, (_, index) => (index * 31 + seed) % 251));
}

describe('readRegularFile', () => {
  const MiB = 1024 * 1024;
  const sizes = [0, 1, 100, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 300 * 1024];
  const root = trees.make();
  sizes.forEach((size, index) => writeFileSync(join(root, `file-${size}`), bytes(size, index)));

  test.each(sizes.map((size, index) => [size, index]))('a file of %i bytes is read whole', (size, index) => {
    expect(readRegularFile(join(root, `file-${size}`), MiB, 'refuse')).toEqual(bytes(size, index));
  });

  test('each read hands out its own bytes: a later read does not change an earlier result', () => {
    const long = readRegularFile(join(root, 'file-65535'), MiB, 'refuse');
    const short = readRegularFile(join(root, 'file-100'), MiB, 'refuse');
    expect(short).toEqual(bytes(100, 2));
    expect(long).toEqual(bytes(64 * 1024 - 1, 3));
  });

  test.each([
    [100, 99, { tooLarge: 100 }],
    [100, 100, 'whole'],
    [64 * 1024 + 1, 64 * 1024, { tooLarge: 64 * 1024 + 1 }],
    [300 * 1024, 200 * 1024, { tooLarge: 300 * 1024 }],
  ])('refuse: a file of %i bytes with a limit of %i', (size, limit, expected) => {
    const index = sizes.indexOf(size);
    expect(readRegularFile(join(root, `file-${size}`), limit, 'refuse')).toEqual(expected === 'whole' ? bytes(size, index) : expected);
  });

  test.each([
    [100, 10],
    [64 * 1024 + 1, 1000],
    [300 * 1024, 200 * 1024],
    [300 * 1024, 64 * 1024],
  ])('truncate: a file of %i bytes with a limit of %i gives its first bytes', (size, limit) => {
    expect(readRegularFile(join(root, `file-${size}`), limit, 'truncate')).toEqual(bytes(size, sizes.indexOf(size)).subarray(0, limit));
  });

  test('anything but a regular file is refused, and nothing waits', () => {
    mkdirSync(join(root, 'a-directory'));
    expect(readRegularFile(join(root, 'a-directory'), MiB, 'refuse')).toEqual({ error: 'EISDIR' });
    expect(readRegularFile(join(root, 'missing'), MiB, 'refuse')).toEqual({ error: 'ENOENT' });
    if (process.platform === 'win32') return;
    execFileSync('mkfifo', [join(root, 'a-fifo')]);
    expect(readRegularFile(join(root, 'a-fifo'), MiB, 'refuse')).toEqual({ error: expect.any(String) });
    // A device that never ends fills the first buffer and is then looked at.
    expect(readRegularFile('/dev/zero', MiB, 'refuse')).toEqual({ error: 'not a regular file' });
  });
});
