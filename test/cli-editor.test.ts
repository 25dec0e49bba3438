import { verifyPassword } from '@regwatch/core';
import { createDatabase, findEditorForSignIn, listAudit } from '@regwatch/db';
import { testServerUrl } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from './support/cli.ts';
import { freshProcessEnv } from './support/fresh-env.ts';

// Issue 14: the console's accounts, made with the real `regwatch` binary.
const { name, env } = freshProcessEnv('clieditor');
let database: ReturnType<typeof createDatabase>;

/** `regwatch ARGS` with `input` piped to its stdin. */
const runWithInput = (args: string[], input: string): Promise<CliResult> => runCli(args, env, 60_000, input);

beforeAll(async () => {
  const migrated = await runCli(['migrate'], env);
  expect(migrated.code, migrated.stderr).toBe(0);
  database = createDatabase({ url: testServerUrl(name), applicationName: 'check', onConnectionLost: () => undefined });
});
afterAll(async () => {
  await database?.close();
});

describe('regwatch editor (issue 14)', () => {
  it('adds an editor from --password-stdin, storing only a scrypt hash, audited as cli', async () => {
    const added = await runWithInput(
      ['editor', 'add', 'Editor@Example.org', '--password-stdin'],
      'a long enough password\n',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('added editor Editor@Example.org');
    const stored = await findEditorForSignIn(database.db, 'editor@example.org');
    expect(stored?.passwordHash).toMatch(/^scrypt\$N=32768,r=8,p=1\$/);
    expect(stored?.passwordHash).not.toContain('a long enough password');
    expect(await verifyPassword('a long enough password', stored?.passwordHash ?? null)).toBe(true);
    const [entry] = await listAudit(database.db, { limit: 1 });
    expect(entry).toMatchObject({ actor: 'cli', action: 'editor.add', after: { email: 'Editor@Example.org' } });
  });

  it('refuses a taken address (whatever its case), a short password and a pipe without the flag', async () => {
    const taken = await runWithInput(
      ['editor', 'add', 'editor@example.ORG', '--password-stdin'],
      'another long password',
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr.trim()).toBe('regwatch: an editor with the address editor@example.ORG exists already');
    const short = await runWithInput(['editor', 'add', 'short@example.org', '--password-stdin'], 'short');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 12 characters');
    const noFlag = await runWithInput(['editor', 'add', 'pipe@example.org'], 'a long enough password');
    expect(noFlag.code).toBe(2);
    expect(noFlag.stderr).toContain('--password-stdin');
    expect((await runCli(['editor', 'add', 'not-an-address', '--password-stdin'], env)).code).toBe(2);
  });

  it('lists editors, never their hashes', async () => {
    const listed = await runCli(['editor', 'list'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('Editor@Example.org');
    expect(listed.stdout).not.toContain('scrypt');
    const json = await runCli(['editor', 'list', '--json'], env);
    expect(JSON.parse(json.stdout)).toMatchObject([{ email: 'Editor@Example.org' }]);
  });

  it('sets a new password that ends the sessions before it', async () => {
    const before = await findEditorForSignIn(database.db, 'editor@example.org');
    const changed = await runWithInput(
      ['editor', 'password', 'editor@example.org', '--password-stdin'],
      'the second password',
    );
    expect(changed.code, changed.stderr).toBe(0);
    const after = await findEditorForSignIn(database.db, 'editor@example.org');
    expect(after?.sessionsValidAfter.getTime()).toBeGreaterThan(before?.sessionsValidAfter.getTime() ?? Infinity);
    expect(await verifyPassword('the second password', after?.passwordHash ?? null)).toBe(true);
    expect(await verifyPassword('a long enough password', after?.passwordHash ?? null)).toBe(false);
    const [entry] = await listAudit(database.db, { limit: 1 });
    expect(entry).toMatchObject({ actor: 'cli', action: 'editor.password' });
  });

  it('removes an editor, audited, and says so when there is none', async () => {
    const removed = await runCli(['editor', 'remove', 'EDITOR@example.org'], env);
    expect(removed.code, removed.stderr).toBe(0);
    expect(await findEditorForSignIn(database.db, 'editor@example.org')).toBeNull();
    const [entry] = await listAudit(database.db, { limit: 1 });
    expect(entry).toMatchObject({ actor: 'cli', action: 'editor.remove', before: { email: 'Editor@Example.org' } });
    const again = await runCli(['editor', 'remove', 'editor@example.org'], env);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe('regwatch: no editor with the address editor@example.org');
    expect((await runCli(['editor', 'rename'], env)).code).toBe(2);
  });
});
