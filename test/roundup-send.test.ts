import { deliveryCounts, upsertActiveSubscriber } from '@regwatch/db';
import { createMailer, type Mailer, sendEdition } from '@regwatch/roundup';
import {
  createTestDatabase,
  type SmtpReceiver,
  startSmtpReceiver,
  type TestDatabase,
  uniquePrefix,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  capturedLogger,
  roundupConfig,
  roundupEnv,
  sampleEdition,
  storeAndStartSending,
  testContext,
} from './support/roundup.ts';

// Issue 13: the sender works through the ledger: each subscriber their part of the edition, with
// RFC 8058 one-click headers; a 550 stops mail to the address, a 451 is retried.
let test: TestDatabase;
let receiver: SmtpReceiver;
let mailer: Mailer;
const log = capturedLogger();
const week = '2024-W38';
const bounced = 'gone@example.org';
const deferred = 'greylisted@example.org';
/** Its message arrives in full but the server never answers: the sender times out not knowing. */
const unanswered = 'unanswered@example.org';

const subscribers = {
  everything: 'all@example.org',
  gb: 'gb@example.org',
  facebook: 'facebook@example.org',
  nothing: 'nothing@example.org',
  gb2: 'gb-too@example.org',
};

beforeAll(async () => {
  test = await createTestDatabase('roundupsend');
  receiver = await startSmtpReceiver({
    onRcpt: (address, attempt) => {
      if (address === bounced) return { code: 550, message: 'No such user here' };
      if (address === deferred && attempt === 1) return { code: 451, message: 'Try again later' };
      return undefined;
    },
    beforeReply: (message) => (message.to.includes(unanswered) ? new Promise<void>(() => undefined) : undefined),
  });
  const config = roundupConfig(
    roundupEnv({ databaseUrl: test.url, prefix: uniquePrefix('roundupsend'), smtpPort: receiver.port }),
  );
  const db = test.database.db;
  await upsertActiveSubscriber(db, subscribers.everything, {});
  await upsertActiveSubscriber(db, subscribers.gb, { jurisdiction: 'GB' });
  await upsertActiveSubscriber(db, subscribers.gb2, { jurisdiction: 'GB' });
  await upsertActiveSubscriber(db, subscribers.facebook, { platform: 'facebook' });
  await upsertActiveSubscriber(db, subscribers.nothing, { jurisdiction: 'FR' });
  await upsertActiveSubscriber(db, bounced, {});
  await upsertActiveSubscriber(db, deferred, {});
  await upsertActiveSubscriber(db, unanswered, {});
  // Not in the audience: pending.
  await db.execute(sql`insert into subscribers (email, status) values ('pending@example.org', 'pending')`);
  expect(await storeAndStartSending(db, sampleEdition(week))).toBe(8);
  mailer = createMailer(config) as Mailer;
  const result = await sendEdition(testContext(config, db, { mailer, log: log.logger }), week, mailer);
  expect(result.status).toBe('sent');
});

afterAll(async () => {
  mailer?.close();
  await receiver?.close();
  await test?.drop();
});

const linksOf = (text: string) => [...text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]);

describe('roundup sending', () => {
  it('sends each subscriber the stories their preferences select', () => {
    const subjects = (address: string) => receiver.to(address).map((message) => message.parsed.text ?? '');
    const [all] = subjects(subscribers.everything);
    expect(all).toContain('ICO fines a retailer');
    expect(all).toContain('DPC decision on Meta');
    const [gb] = subjects(subscribers.gb);
    expect(gb).toContain('ICO fines a retailer');
    expect(gb).not.toContain('DPC decision on Meta');
    const [facebook] = subjects(subscribers.facebook);
    expect(facebook).toContain('DPC decision on Meta');
    expect(facebook).not.toContain('ICO guidance on AI');
  });

  it('sends no mail when nothing matches, and records the delivery as empty', async () => {
    expect(receiver.to(subscribers.nothing)).toHaveLength(0);
    const rows = await test.database.db.execute<{ status: string }>(
      sql`select d.status from roundup_deliveries d join subscribers s on s.id = d.subscriber_id where s.email = ${subscribers.nothing}`,
    );
    expect(rows.rows).toEqual([{ status: 'empty' }]);
  });

  it('gives every message RFC 8058 headers with its own unsubscribe link, and a stable Message-ID', () => {
    const [gb] = receiver.to(subscribers.gb);
    const [gb2] = receiver.to(subscribers.gb2);
    if (!gb || !gb2) throw new Error('missing messages');
    for (const message of [gb, gb2]) {
      const post = message.parsed.headerLines.find((line) => line.key === 'list-unsubscribe-post');
      expect(post?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      const unsubscribe = /<(https:\/\/regwatch\.example\.org\/subscriptions\/unsubscribe\?token=[^>]+)>/.exec(
        message.raw.toString('latin1'),
      );
      expect(unsubscribe?.[1]).toBeDefined();
      // The body's unsubscribe and manage links are this subscriber's own.
      const links = linksOf(message.parsed.text ?? '');
      expect(links).toContain(unsubscribe?.[1]);
      expect(links.some((link) => link.startsWith('https://regwatch.example.org/subscriptions/manage?token='))).toBe(
        true,
      );
      expect(message.parsed.messageId).toMatch(/^<roundup-2024-W38-\d+@regwatch\.example\.org>$/);
    }
    // Two who chose alike share a rendering but not their links.
    expect(linksOf(gb.parsed.text ?? '').filter((link) => link.includes('token='))).not.toEqual(
      linksOf(gb2.parsed.text ?? '').filter((link) => link.includes('token=')),
    );
    expect(gb.parsed.messageId).not.toBe(gb2.parsed.messageId);
  });

  it('marks an address refused with 550 as bouncing and mails it no more', async () => {
    expect(receiver.to(bounced)).toHaveLength(0);
    const rows = await test.database.db.execute<{ status: string; delivery: string; last_error: string }>(sql`
      select s.status, d.status as delivery, d.last_error from subscribers s
      join roundup_deliveries d on d.subscriber_id = s.id where s.email = ${bounced}`);
    expect(rows.rows).toEqual([{ status: 'bouncing', delivery: 'failed', last_error: 'smtp 550 at RCPT TO' }]);
    // The next edition's audience leaves it out.
    const next = sampleEdition('2024-W39');
    expect(await storeAndStartSending(test.database.db, next)).toBe(7);
  });

  it('retries a 451 at RCPT once and delivers once', async () => {
    expect(receiver.to(deferred)).toHaveLength(1);
    const rows = await test.database.db.execute<{ status: string; attempts: number }>(sql`
      select d.status, d.attempts from roundup_deliveries d join subscribers s on s.id = d.subscriber_id
      where s.email = ${deferred} and d.week = ${week}`);
    expect(rows.rows).toEqual([{ status: 'sent', attempts: 2 }]);
  });

  it('records a message handed over but never answered as uncertain, and does not resend it', async () => {
    expect(receiver.to(unanswered)).toHaveLength(1);
    const rows = await test.database.db.execute<{ status: string; attempts: number; last_error: string }>(sql`
      select d.status, d.attempts, d.last_error from roundup_deliveries d join subscribers s on s.id = d.subscriber_id
      where s.email = ${unanswered} and d.week = ${week}`);
    expect(rows.rows).toEqual([{ status: 'uncertain', attempts: 1, last_error: 'socket_timeout' }]);
  });

  it('settles the edition with every delivery accounted for, and logs no address', async () => {
    const counts = await deliveryCounts(test.database.db, week);
    expect(counts).toMatchObject({
      audience: 8,
      sent: 5,
      empty: 1,
      failed: 1,
      uncertain: 1,
      pending: 0,
      sending: 0,
      bouncing: 1,
    });
    const edition = await test.database.db.execute<{ status: string }>(
      sql`select status from roundup_editions where week = ${week}`,
    );
    expect(edition.rows).toEqual([{ status: 'sent' }]);
    expect(log.lines()).toContain('roundup edition sent');
    expect(log.lines()).not.toMatch(/@example\.org/);
  });
});
