import { renameSync, writeFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FORMAT_NAMES, type FormatName } from '../formatters/registry.js';
import { UsageError } from './errors.js';

export interface OutputTarget {
  format: FormatName;
  /** Undefined: standard output. */
  file?: string;
}

/**
 * `--format a --output x --format b --output y`: the n-th --output takes the n-th --format; a
 * format without an --output goes to stdout, and only one may.
 */
export function pairOutputs(formats: readonly string[], outputs: readonly string[]): OutputTarget[] {
  for (const format of formats) {
    if (!(FORMAT_NAMES as readonly string[]).includes(format)) {
      throw new UsageError(`--format: '${format}' is not one of ${FORMAT_NAMES.join(', ')}`);
    }
  }
  const chosen = (formats.length > 0 ? formats : ['text']) as FormatName[];
  if (outputs.length > chosen.length) throw new UsageError(`--output: ${outputs.length} outputs for ${chosen.length} format(s); give a --format for each --output`);
  const targets = chosen.map((format, index): OutputTarget => ({ format, file: outputs[index] }));
  if (targets.filter((t) => t.file === undefined).length > 1) {
    throw new UsageError('only one format can go to standard output; give the others an --output file');
  }
  return targets;
}

/** Written beside the target and renamed into place, so a reader never sees half a report. */
export function writeFileAtomically(file: string, content: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`--output ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
