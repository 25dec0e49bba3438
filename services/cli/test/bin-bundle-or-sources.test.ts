import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const realBin = fileURLToPath(new URL('../bin/regwatch.mjs', import.meta.url));
const realNodeModules = fileURLToPath(new URL('../../../node_modules', import.meta.url));

// The real bin in a tree of its own (services/cli/{bin,dist,src} under a temporary root), with a
// stand-in bundle and stand-in sources that say which of them ran: the repository's own sources
// are never touched, so other tests running meanwhile keep their bundle.
let root: string;
const cli = (...parts: string[]) => join(root, 'services/cli', ...parts);
const bundle = () => cli('dist/regwatch.mjs');
const source = () => cli('src/main.ts');

/** Which entry the bin ran: `bundle` or `sources`. */
const ran = () => execFileSync(process.execPath, [cli('bin/regwatch.mjs')], { encoding: 'utf8' }).trim();
const setMtime = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'regwatch-bin-'));
  for (const dir of ['bin', 'dist', 'src']) mkdirSync(cli(dir), { recursive: true });
  copyFileSync(realBin, cli('bin/regwatch.mjs'));
  symlinkSync(realNodeModules, join(root, 'node_modules')); // tsx, for the sources path
  writeFileSync(bundle(), "export async function run() { process.stdout.write('bundle\\n'); }\n");
  // TypeScript syntax: only tsx runs it.
  writeFileSync(source(), "export async function run(): Promise<void> { process.stdout.write('sources\\n'); }\n");
  writeFileSync(cli('dist/inputs.json'), JSON.stringify(['services/cli/src/main.ts']));
  setMtime(source(), 1_000_000);
  setMtime(bundle(), 2_000_000);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('bin/regwatch.mjs', () => {
  it('runs the bundle when it is newer than every file it was built from', () => {
    expect(ran()).toBe('bundle');
  });

  it('runs the sources through tsx when one of them is newer than the bundle', () => {
    setMtime(source(), 3_000_000);
    expect(ran()).toBe('sources');
  });

  it('runs the sources when a file the bundle was built from is gone, or the build left no list', () => {
    writeFileSync(cli('dist/inputs.json'), JSON.stringify(['services/cli/src/main.ts', 'services/cli/src/gone.ts']));
    expect(ran()).toBe('sources');
    rmSync(cli('dist/inputs.json'));
    expect(ran()).toBe('sources');
  });

  it('runs the sources when there is no bundle', () => {
    rmSync(bundle());
    expect(ran()).toBe('sources');
  });

  it('runs the bundle when there are no sources beside it (a deployment of the bundle alone)', () => {
    rmSync(cli('src'), { recursive: true });
    rmSync(cli('dist/inputs.json'));
    expect(ran()).toBe('bundle');
  });

  it('runs the compiled bundle in this repository once it is built (vitest builds it first)', () => {
    let stderr = '';
    try {
      execFileSync(process.execPath, [realBin, 'no-such-command', '--verbose'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      stderr = String((error as { stderr: string }).stderr);
    }
    // --verbose prints the stack: its frames name the module that ran.
    expect(stderr).toContain('services/cli/dist/regwatch.mjs');
    expect(stderr).not.toContain('services/cli/src/main.ts');
  });
});
