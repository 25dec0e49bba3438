import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertSource } from '@regwatch/db';
import { createTestDatabase, deletePrefix, rssFeed, type TestDatabase, testEnv, uniquePrefix } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regwatchBin, runCli } from './support/cli.ts';

// Issue 14: `regwatch import` and `regwatch retag` draw a progress line on a terminal and stay
// quiet in a pipe (the final summary only).
let test: TestDatabase;
let env: NodeJS.ProcessEnv;
const prefix = uniquePrefix('cliprogress');
const dir = mkdtempSync(join(tmpdir(), 'regwatch-progress-'));
const file = join(dir, 'feed.xml');

beforeAll(async () => {
  test = await createTestDatabase('cliprogress');
  await insertSource(test.database.db, {
    id: 'saved',
    name: 'Saved feed',
    kind: 'press',
    url: 'https://news.example.org/feed.xml',
    jurisdictions: [],
    pollIntervalSeconds: 3_600,
  });
  env = testEnv({ databaseUrl: test.url, prefix });
  writeFileSync(file, rssFeed({ count: 40 }));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await deletePrefix(prefix);
  await test.drop();
});

/** Runs regwatch under a pseudo-terminal (util-linux `script`): what a person at a terminal sees. */
function runOnTerminal(args: string[]): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, regwatchBin, ...args]
    .map((part) => `'${part.replaceAll("'", "'\\''")}'`)
    .join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('progress lines', () => {
  it('in a pipe: import prints its summary and no progress line', async () => {
    const result = await runCli(['import', '--source', 'saved', file], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain('\r');
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/: 40 entries .*stored 40 new/);
  });

  it('in a pipe: retag prints its summary and no progress line', async () => {
    const result = await runCli(['retag'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^retagged 40 items: 0 changed, in [\d.]+ s\n$/);
  });

  it('on a terminal: retag redraws one line with count and total, cleared before the summary', async () => {
    const result = await runOnTerminal(['retag']);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/\r40\/40 items {2}[\d.]+\/s/);
    // The line cleared (carriage return, erase to end of line) before the summary.
    expect(result.output).toContain('\r\u001b[Kretagged 40 items: 0 changed');
  });
});
