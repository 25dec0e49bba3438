import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { upsertActiveSubscriber } from '@regwatch/db';
import {
  createTestDatabase,
  type SmtpReceiver,
  startSmtpReceiver,
  type TestDatabase,
  testEnv,
  uniquePrefix,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';
import { addIcoSource, roundupEnv, storeStory } from './support/roundup.ts';

// Issue 13: the operator's commands: preview an edition, send one now (a past week too), its
// status, and erasing a subscriber.
let test: TestDatabase;
let receiver: SmtpReceiver;
let env: NodeJS.ProcessEnv;
const week = '2024-W38';

beforeAll(async () => {
  test = await createTestDatabase('roundupcli');
  receiver = await startSmtpReceiver();
  await addIcoSource(test.database.db);
  await storeStory(test.database.db, 'fine', 'ICO fines retailer for unlawful marketing calls', '2024-09-17T10:00:00Z');
  await upsertActiveSubscriber(test.database.db, 'reader@example.org');
  await upsertActiveSubscriber(test.database.db, 'other@example.org', { jurisdiction: 'FR' });
  const prefix = uniquePrefix('roundupcli');
  env = {
    ...testEnv({ databaseUrl: test.url, prefix }),
    ...roundupEnv({ databaseUrl: test.url, prefix, smtpPort: receiver.port }),
    LOG_LEVEL: 'error',
  };
});

afterAll(async () => {
  await receiver?.close();
  await test?.drop();
});

describe('regwatch roundup and subscribers', () => {
  it('previews an edition not yet built without storing it, HTML and text', async () => {
    const out = join(tmpdir(), `roundup-preview-${process.pid}.html`);
    const result = await runCli(['roundup', '--week', week, '--preview', out], env);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('composed now from stored stories, not stored, 1 stories');
    expect(await readFile(out.replace(/\.html$/, '.txt'), 'utf8')).toContain('ICO fines retailer');
    expect(await readFile(out, 'utf8')).toContain('ICO fines retailer');
    const stored = await test.database.db.execute(sql`select 1 from roundup_editions`);
    expect(stored.rows).toHaveLength(0);
  });

  it('sends a past week on request and prints the counts', async () => {
    const result = await runCli(['roundup', '--week', week, '--send'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `${week} sent: audience 2, sent 1, empty 1, failed 0, bouncing 0, uncertain 0, skipped 0, pending 0`,
    );
    expect(receiver.to('reader@example.org')).toHaveLength(1);
    expect(receiver.to('other@example.org')).toHaveLength(0);
    const status = await runCli(['roundup', '--week', week, '--status'], env);
    expect(status.stdout).toContain(`${week} sent: audience 2, sent 1, empty 1`);
    // Sending again sends nothing more.
    await runCli(['roundup', '--week', week, '--send'], env);
    expect(receiver.to('reader@example.org')).toHaveLength(1);
  });

  it('erases a subscriber with their deliveries', async () => {
    const result = await runCli(['subscribers', 'erase', 'Reader@example.org'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^erased subscriber \d+ \(active\) and its 1 delivery records/);
    expect(result.stdout).not.toContain('@');
    const left = await test.database.db.execute(sql`select 1 from subscribers where email = 'reader@example.org'`);
    expect(left.rows).toHaveLength(0);
    const again = await runCli(['subscribers', 'erase', 'reader@example.org'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('no subscriber has that address');
  });
});
