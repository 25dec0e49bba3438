import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { regwatchBin } from './support/cli.ts';

// A reader that stops early (`regwatch help | head -1`) closes the pipe before regwatch has
// written: that ends the output quietly, never an unhandled EPIPE with a stack.
describe('regwatch writing to a closed pipe', () => {
  it('exits 0 without a stack when the reader has gone', async () => {
    const child = spawn(process.execPath, [regwatchBin, 'help'], {
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed before the process has started, so its first write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });
});
