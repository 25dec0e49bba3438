/**
 * How long does a `regwatch` process take to start, and how much memory does it reach? (issue 12
 * point 5: a cold `regwatch --version` took 3 s through tsx.) Not a test: runs `--version`, `help`,
 * `config` and `start --only none` (see below) N times each through the bin (the bundle, as users
 * run it) and through the sources with tsx (the development path), and prints the median wall
 * time, CPU time (user + system, steadier than wall time on a shared machine) and peak resident
 * memory (the kernel's maximum RSS, which for one process is its VmHWM), measured by /usr/bin/time.
 *
 *   npx tsx bench/cli-startup.ts             # 7 runs of each
 *   npx tsx bench/cli-startup.ts --runs 15
 *
 * Build the bundle first (`npm run build`, or `node services/cli/build.mjs`): the bin runs the
 * sources through tsx instead when they are newer than the bundle.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '7' } }, strict: true });
const runs = Number(options.runs);
const out = (line = '') => process.stdout.write(`${line}\n`);
const timeBin = '/usr/bin/time';
if (!existsSync(timeBin)) throw new Error(`${timeBin} is needed (apt-get install time)`);

const bin = fileURLToPath(new URL('../services/cli/bin/regwatch.mjs', import.meta.url));
const sources = fileURLToPath(new URL('./cli-startup/run-sources.mjs', import.meta.url));
const paths = { 'bin (bundle)': bin, 'sources (tsx)': sources };
// `start --only none` loads the heaviest command's module (the API server, the workers, the
// database driver, the queue), then stops at its usage error: the cost of loading, without a database.
const commands = [['--version'], ['help'], ['config'], ['start', '--only', 'none']];

interface Sample {
  wallS: number;
  cpuS: number;
  peakRssMb: number;
}

const scratch = mkdtempSync(join(tmpdir(), 'regwatch-cli-startup-'));
const report = join(scratch, 'time.txt');

/** One cold process: `/usr/bin/time` writes "wall user system maxrss-KiB" to its own file. */
function measure(entry: string, args: string[]): Sample {
  spawnSync(timeBin, ['-o', report, '-f', '%e %U %S %M', process.execPath, entry, ...args], {
    stdio: 'ignore',
    // Only what `config` needs to print defaults; the machine's own environment stays out.
    env: { PATH: process.env.PATH },
  });
  // The figures are the last line: a line before them says when the command failed.
  const figures = readFileSync(report, 'utf8')
    .trim()
    .match(/(\S+) (\S+) (\S+) (\S+)$/);
  if (!figures) throw new Error(`unexpected /usr/bin/time output in ${report}`);
  const [wall, user, system, maxRssKib] = figures.slice(1).map(Number) as [number, number, number, number];
  return { wallS: wall, cpuS: user + system, peakRssMb: maxRssKib / 1024 };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const column = (value: number, digits: number, width: number) => value.toFixed(digits).padStart(width);

out(`${runs} runs each, median; node ${process.version}`);
out(`${'path'.padEnd(15)} ${'command'.padEnd(20)}  wall s   cpu s   peak RSS MB`);
try {
  for (const [label, entry] of Object.entries(paths)) {
    for (const args of commands) {
      measure(entry, args); // warm the file cache: "cold" means a new process, not a cold disk
      const samples = Array.from({ length: runs }, () => measure(entry, args));
      const row = [
        column(median(samples.map((s) => s.wallS)), 2, 7),
        column(median(samples.map((s) => s.cpuS)), 2, 7),
        column(median(samples.map((s) => s.peakRssMb)), 0, 13),
      ];
      out(`${label.padEnd(15)} ${args.join(' ').padEnd(20)} ${row.join(' ')}`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
