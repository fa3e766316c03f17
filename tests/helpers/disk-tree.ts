import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Finding } from '../../src/findings/finding.js';

/** File content, or a symbolic link to `target` (relative links resolve from the link's directory). */
export type TreeEntry = string | Buffer | { symlink: string };

/**
 * Real repositories on disk for tests of the disk snapshot, made under os.tmpdir() and removed by
 * `cleanup()` (call it in afterAll). Locked paths get their permissions back first, so a
 * non-root run can delete them.
 */
export class TempTrees {
  private readonly roots: string[] = [];
  private readonly locked: string[] = [];

  /** A fresh directory holding `entries`; links are made after files, so they may point at them. */
  make(entries: Record<string, TreeEntry> = {}): string {
    const root = mkdtempSync(join(tmpdir(), 'containerize-check-'));
    this.roots.push(root);
    const links: Array<[string, string]> = [];
    for (const [path, entry] of Object.entries(entries)) {
      const absolute = join(root, path);
      mkdirSync(dirname(absolute), { recursive: true });
      if (typeof entry === 'object' && !Buffer.isBuffer(entry)) links.push([absolute, entry.symlink]);
      else writeFileSync(absolute, entry);
    }
    for (const [absolute, target] of links) symlinkSync(target, absolute);
    return root;
  }

  /** chmod 000, undone by `cleanup()`. */
  lock(absolute: string): void {
    chmodSync(absolute, 0o000);
    this.locked.push(absolute);
  }

  cleanup(): void {
    for (const path of this.locked.reverse()) chmodSync(path, 0o700);
    for (const root of this.roots) rmSync(root, { recursive: true, force: true });
  }
}

export function lines(...content: string[]): string {
  return `${content.join('\n')}\n`;
}

/** Findings the snapshot itself raises, so these tests keep passing as detectors are added. */
export function snapshotFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.code === 'scan-skipped' || f.code.startsWith('file-'));
}
