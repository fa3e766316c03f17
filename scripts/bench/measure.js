// Runs a command several times and keeps wall time, CPU time (user + system) and peak RSS.
// CPU time and peak RSS come from GNU time when it is there; the machine this runs on is shared,
// so medians are reported, and CPU time, which waiting for a busy core does not inflate, beside
// wall time.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';

/**
 * Variables that make every Node start do extra work, the same for both sides of a ratio: with
 * NODE_EXTRA_CA_CERTS set (CI images and sandboxes often set it), `node -e 0` reads and parses a
 * certificate bundle first, which once doubled the baseline and made start-up ratios look far
 * better than they are. Measured commands run without them; the runner says which it dropped.
 */
export const DROPPED_VARIABLES = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'].filter((name) => process.env[name] !== undefined);
export const MEASURED_ENV = Object.fromEntries(Object.entries(process.env).filter(([name]) => !DROPPED_VARIABLES.includes(name)));
const HAS_GNU_TIME = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%e', 'true'], { encoding: 'utf8' }).status === 0;

/** One run: the command's own exit status must be one of `okStatus`, or the benchmark is wrong. */
export function runOnce(command, args, { cwd, okStatus = [0] } = {}) {
  const started = process.hrtime.bigint();
  const result = HAS_GNU_TIME
    ? spawnSync(GNU_TIME, ['-f', '@@%U %S %M', command, ...args], { cwd, env: MEASURED_ENV, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(command, args, { cwd, env: MEASURED_ENV, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (!okStatus.includes(result.status)) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-2000)}`);
  }
  const sample = { wallMs, cpuMs: undefined, rssMb: undefined, stdout: result.stdout };
  const timing = /@@([\d.]+) ([\d.]+) (\d+)\s*$/.exec(result.stderr ?? '');
  if (timing) {
    sample.cpuMs = (Number(timing[1]) + Number(timing[2])) * 1000;
    sample.rssMb = Number(timing[3]) / 1024;
  }
  return sample;
}

export function median(values) {
  const sorted = values.filter((v) => v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The median of the ratios of runs made side by side (a's i-th run over b's i-th run). The machine
 * drifts between fast and slow spells that last longer than one round of runs: a ratio of runs
 * made a second apart cancels the drift, where a ratio of medians taken over minutes keeps some.
 */
export function pairedRatio(a, b, key) {
  return median(a.samples.map((sample, i) => (sample[key] === undefined || !b.samples[i]?.[key] ? undefined : sample[key] / b.samples[i][key])));
}

/**
 * Runs each named command `runs` times, interleaved (a, b, a, b…) so that a slow spell of the
 * machine lands on all of them alike, after one unmeasured warm-up run each.
 */
export function compare(commands, runs, { warmUp = true } = {}) {
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  if (warmUp) for (const spec of Object.values(commands)) runOnce(spec.command, spec.args, spec);
  for (let run = 0; run < runs; run++) {
    for (const [name, spec] of Object.entries(commands)) samples[name].push(runOnce(spec.command, spec.args, spec));
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [
      name,
      {
        runs: list.length,
        wallMs: median(list.map((s) => s.wallMs)),
        cpuMs: median(list.map((s) => s.cpuMs)),
        peakRssMb: list.some((s) => s.rssMb !== undefined) ? Math.max(...list.map((s) => s.rssMb ?? 0)) : undefined,
        stdout: list.at(-1)?.stdout ?? '',
        samples: list.map(({ wallMs, cpuMs }) => ({ wallMs, cpuMs })),
      },
    ]),
  );
}
