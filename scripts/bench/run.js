// `npm run bench`: every figure of the performance budget in one run, as ratios (the machine is
// shared and noisy; absolute times drift) beside the absolute medians. Not part of `npm test`.
//   BENCH_RUNS=15 (big-tree runs), BENCH_STARTUP_RUNS=30, BENCH_PEER=0 to skip the peer,
//   BENCH_PEER_DIR=<dir> where repolinter is (or gets) installed, BENCH_TREE=<dir>.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from './generate.js';
import { compare, DROPPED_VARIABLES, MEASURED_ENV, pairedRatio } from './measure.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tree = process.env.BENCH_TREE ?? join(root, 'bench/.tree');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const startupRuns = Number(process.env.BENCH_STARTUP_RUNS ?? 30);
const peerDir = process.env.BENCH_PEER_DIR ?? join(tmpdir(), 'containerize-check-peer');
const node = process.execPath;
const log = (line) => process.stderr.write(`bench: ${line}\n`);

log(`tree ${tree}`);
if (DROPPED_VARIABLES.length > 0) log(`measured commands run without ${DROPPED_VARIABLES.join(' and ')}`);
const generated = generateTree(tree);
log(generated.reused ? 'reusing the generated tree' : `generated ${generated.tracked} tracked and ${generated.ignored} ignored files`);

// What `npx containerize-check` runs: the packed package (bundle, code cache), not the working
// tree's dist/, which a concurrent `tsc` may be rewriting.
const work = mkdtempSync(join(tmpdir(), 'containerize-check-bench-'));
execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: root, stdio: 'ignore' });
const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
const cli = join(work, 'package/bin/containerize-check.cjs');

const tracked = Number(execFileSync(node, ['--input-type=module', '-e', `import { createDiskSnapshot } from ${JSON.stringify(join(root, 'dist/snapshot/disk.js'))}; console.log(createDiskSnapshot(${JSON.stringify(tree)}).files.length);`], { encoding: 'utf8' }));
const floorFiles = Number(execFileSync(node, [join(root, 'scripts/bench/floor.js'), tree], { encoding: 'utf8' }));
if (floorFiles !== tracked) throw new Error(`the floor sees ${floorFiles} files and the tool ${tracked}: they no longer walk alike`);
log(`both walks see ${tracked} files`);

log(`big tree: ${runs} runs each`);
const big = compare(
  {
    floor: { command: node, args: [join(root, 'scripts/bench/floor.js'), tree] },
    check: { command: node, args: [cli, tree, '--format', 'json'], okStatus: [0, 1] },
  },
  runs,
);
const report = JSON.parse(big.check.stdout);

log(`startup: ${startupRuns} runs each`);
const tiny = join(root, 'tests/fixtures/node-service');
// The bundled example: three services with Dockerfiles, a Compose file and a GitHub workflow, as
// most repositories have; the tiny fixture has none of these.
const example = join(root, 'examples/shop');
const startup = compare(
  {
    bare: { command: node, args: ['-e', '0'] },
    version: { command: node, args: [cli, '--version'] },
    tiny: { command: node, args: [cli, tiny, '--format', 'json'], okStatus: [0, 1] },
    example: { command: node, args: [cli, example, '--format', 'json'], okStatus: [0, 1] },
  },
  startupRuns,
);

const peer = measurePeer();
// Where the check's time goes: one more run of the big tree with the tool's own timings.
const breakdown = spawnSync(node, [cli, tree, '--format', 'json'], {
  env: { ...MEASURED_ENV, CONTAINERIZE_CHECK_TIMING: '1' },
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
}).stderr.trimEnd();
rmSync(work, { recursive: true, force: true });

/** Median of side-by-side ratios (see pairedRatio): the runs of each pair are a second apart. */
const ratio = (a, b, key) => {
  const value = pairedRatio(a, b, key);
  return value === undefined ? 'n/a' : `${value.toFixed(2)}×`;
};
const ms = (value) => (value === undefined ? 'n/a' : `${Math.round(value)} ms`);
const rows = [
  ['full check (`--format json`) / floor', ratio(big.check, big.floor, 'wallMs'), ratio(big.check, big.floor, 'cpuMs'), '≤ 1.5×', `${ms(big.check.wallMs)} vs ${ms(big.floor.wallMs)}`],
  ['`--version` / `node -e 0`', ratio(startup.version, startup.bare, 'wallMs'), ratio(startup.version, startup.bare, 'cpuMs'), '≤ 1.5×', `${ms(startup.version.wallMs)} vs ${ms(startup.bare.wallMs)}`],
  ['check of a tiny repository / `node -e 0`', ratio(startup.tiny, startup.bare, 'wallMs'), ratio(startup.tiny, startup.bare, 'cpuMs'), '≤ 2×', `${ms(startup.tiny.wallMs)} vs ${ms(startup.bare.wallMs)}`],
  ['check of examples/shop (Compose, CI) / `node -e 0`', ratio(startup.example, startup.bare, 'wallMs'), ratio(startup.example, startup.bare, 'cpuMs'), 'for reference', `${ms(startup.example.wallMs)} vs ${ms(startup.bare.wallMs)}`],
  ['peak RSS, full check of the big tree', `${big.check.peakRssMb?.toFixed(0) ?? 'n/a'} MB`, '', '< 150 MB', `floor ${big.floor.peakRssMb?.toFixed(0) ?? 'n/a'} MB`],
  peer
    ? ['repolinter (4 file-existence rules) / full check', ratio(peer, big.check, 'wallMs'), ratio(peer, big.check, 'cpuMs'), 'for reference', `${ms(peer.wallMs)} vs ${ms(big.check.wallMs)}`]
    : ['repolinter / full check', 'skipped', '', '', 'BENCH_PEER=0 or not installable'],
];

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`Tree: ${tracked} tracked files in ${readdirSync(join(tree, 'services')).length} services, plus ${generated.ignored} ignored files (node_modules, .git, logs); report: ${report.summary.done}/${report.summary.total} steps done, ${report.findings.length} findings.`);
const dropped = DROPPED_VARIABLES.length > 0 ? `; run without ${DROPPED_VARIABLES.join(', ')}` : '';
console.log(`Machine: ${cpus().length} × ${cpu}, Node ${process.version}, ${process.platform}; ${runs} big-tree and ${startupRuns} startup runs, interleaved; ratios are medians of side-by-side pairs${dropped}.\n`);
console.log('| measure | wall ratio | CPU ratio | target | medians (wall) |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(`\nOne full check of the big tree, with CONTAINERIZE_CHECK_TIMING=1:\n\n\`\`\`\n${breakdown}\n\`\`\``);

/** repolinter, installed on first use into a throwaway directory (never into this project). */
function measurePeer() {
  if (process.env.BENCH_PEER === '0') return undefined;
  const bin = join(peerDir, 'node_modules/.bin/repolinter');
  if (!existsSync(bin)) {
    log(`installing repolinter into ${peerDir}`);
    const install = spawnSync('npm', ['install', '--no-save', '--prefix', peerDir, 'repolinter@0.12.0'], { stdio: 'ignore' });
    if (install.status !== 0 || !existsSync(bin)) {
      log('repolinter could not be installed (offline?): peer skipped');
      return undefined;
    }
  }
  const ruleset = join(root, 'scripts/bench/repolinter.json');
  log('peer: repolinter, 1 run');
  const result = compare({ peer: { command: node, args: [bin, 'lint', tree, '-r', ruleset, '--format', 'json'] } }, 1, { warmUp: false }).peer;
  if (!JSON.parse(result.stdout).passed) log('repolinter did not find the files it was asked for: check the ruleset');
  return result;
}
