/**
 * Where one run's time went: start-up, the walk, each detector, evaluation, each format. Shown on
 * standard error with CONTAINERIZE_CHECK_TIMING=1 (ESLint's TIMING=1 does the same for its rules),
 * so a team whose monorepo is slow to check can see which part is slow, and we can see it in
 * `npm run bench` without a profiler.
 */
export class Timings {
  private readonly entries: Array<{ label: string; ms: number }> = [];

  constructor(private readonly now: () => number = () => performance.now()) {}

  measure<T>(label: string | ((result: T) => string), run: () => T): T {
    const start = this.now();
    const result = run();
    this.entries.push({ label: typeof label === 'string' ? label : label(result), ms: this.now() - start });
    return result;
  }

  /** A table of the phases in the order they ran, then what came before them and the total since the process started. */
  render(): string {
    const total = this.now();
    const measured = this.entries.reduce((sum, entry) => sum + entry.ms, 0);
    const rows = [{ label: 'start-up and the rest', ms: total - measured }, ...this.entries, { label: 'total', ms: total }];
    const width = Math.max(...rows.map((row) => row.label.length));
    const lines = rows.map(({ label, ms }) => `${label.padEnd(width)}  ${ms.toFixed(1).padStart(8)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)} %`);
    return `containerize-check timings\n${lines.join('\n')}\n`;
  }
}

/** `run()`, measured when there are timings to fill. */
export function timed<T>(timings: Timings | undefined, label: string | ((result: T) => string), run: () => T): T {
  return timings ? timings.measure(label, run) : run();
}

/** CONTAINERIZE_CHECK_TIMING set to anything but empty or 0. */
export function timingRequested(env: NodeJS.ProcessEnv): boolean {
  const value = env.CONTAINERIZE_CHECK_TIMING;
  return value !== undefined && value !== '' && value !== '0';
}
