import { roundupCron, roundupZone } from '@regwatch/core';
import { deliveryCounts, upsertActiveSubscriber } from '@regwatch/db';
import { createRedis, createRoundupQueue } from '@regwatch/queue';
import { checkTask, main, type RoundupParts } from '@regwatch/roundup';
import type { RunningService } from '@regwatch/runtime';
import {
  createTestDatabase,
  deletePrefix,
  type SmtpReceiver,
  startSmtpReceiver,
  type TestDatabase,
  testRedisUrl,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addIcoSource,
  capturedLogger,
  roundupConfig,
  roundupEnv,
  sampleEdition,
  storeAndStartSending,
  storeStory,
  testContext,
} from './support/roundup.ts';

// Issue 13: the roundup service's schedule (Friday 08:00 London, whatever the clocks do) and its
// catch-up check (the missed Friday; after a long outage only the current week is sent).

describe('the build schedule around the clock changes', () => {
  const prefix = uniquePrefix('roundupclock');
  let connection: Redis;
  afterAll(async () => {
    connection?.disconnect();
    await deletePrefix(prefix);
  });

  /** The next build BullMQ schedules after `from`, read from the job it creates. */
  async function nextBuildAfter(from: string): Promise<string> {
    const queue = createRoundupQueue({ connection, prefix });
    const job = await queue.upsertJobScheduler(
      `clock-${from}`,
      { pattern: roundupCron, tz: roundupZone, startDate: new Date(from) },
      { name: 'build', data: { task: 'build' } },
    );
    await queue.close();
    if (!job) throw new Error('no job scheduled');
    // The job is due `delay` after it was made; to the minute, as a cron pattern means it.
    const dueMs = job.timestamp + (job.opts.delay ?? 0);
    return new Date(Math.round(dueMs / 60_000) * 60_000).toISOString();
  }

  it('runs at 08:00Z in winter and 07:00Z in summer (BullMQ reads the pattern in Europe/London)', async () => {
    connection = createRedis(testRedisUrl, 'worker');
    // Clocks go forward on Sunday 28 March 2027 and back on Sunday 31 October 2027.
    expect(await nextBuildAfter('2027-03-22T00:00:00Z')).toBe('2027-03-26T08:00:00.000Z');
    expect(await nextBuildAfter('2027-03-27T00:00:00Z')).toBe('2027-04-02T07:00:00.000Z');
    expect(await nextBuildAfter('2027-10-25T00:00:00Z')).toBe('2027-10-29T07:00:00.000Z');
    expect(await nextBuildAfter('2027-10-30T00:00:00Z')).toBe('2027-11-05T08:00:00.000Z');
  });
});

describe('the roundup service started after a missed Friday', () => {
  let test: TestDatabase;
  let receiver: SmtpReceiver;
  let service: RunningService<RoundupParts>;
  const prefix = uniquePrefix('roundupmissed');
  const log = capturedLogger();
  // Friday 20 September 2024, 10:00 in London: the 08:00 build of 2024-W38 was missed.
  const now = new Date('2024-09-20T09:00:00Z');
  const subscribers = ['dpo@example.org', 'counsel@example.org'];

  beforeAll(async () => {
    test = await createTestDatabase('roundupmissed');
    receiver = await startSmtpReceiver();
    const db = test.database.db;
    await addIcoSource(db);
    await storeStory(db, 'fine', 'ICO fines retailer for unlawful marketing calls', '2024-09-17T10:00:00Z');
    await storeStory(db, 'reprimand', 'ICO reprimands council over data breach', '2024-09-18T10:00:00Z');
    for (const email of subscribers) await upsertActiveSubscriber(db, email);
    // A week-long outage: 2024-W36 was left sending, 2024-W37 never built.
    await storeAndStartSending(db, sampleEdition('2024-W36'));
    // A sign-up whose confirmation job Redis lost.
    await db.execute(sql`insert into subscribers (email, status, confirmation_requested_at)
      values ('new@example.org', 'pending', now() - interval '5 minutes')`);
    const config = roundupConfig(roundupEnv({ databaseUrl: test.url, prefix, smtpPort: receiver.port }));
    service = await main(config, { logger: log.logger, signals: [], now: () => now });
  });

  afterAll(async () => {
    await service?.stop();
    await receiver?.close();
    await test?.drop();
    await deletePrefix(prefix);
  });

  const editionStatus = async (week: string) =>
    (await test.database.db.execute<{ status: string }>(sql`select status from roundup_editions where week = ${week}`))
      .rows[0]?.status;

  it('builds and sends the current edition at boot', async () => {
    await waitFor(async () => (await editionStatus('2024-W38')) === 'sent', {
      timeoutMs: 30_000,
      what: '2024-W38 sent',
    });
    const roundups = receiver.messages.filter((message) => message.parsed.messageId?.includes('2024-W38'));
    expect(roundups.map((message) => message.to[0]).sort()).toEqual([...subscribers].sort());
    expect(roundups[0]?.parsed.text).toContain('ICO fines retailer for unlawful marketing calls');
  });

  it('sends only the current week after a long outage: the older edition is closed, its rows skipped', async () => {
    await waitFor(async () => (await editionStatus('2024-W36')) === 'sent', { what: '2024-W36 closed' });
    expect(await deliveryCounts(test.database.db, '2024-W36')).toMatchObject({ skipped: 2, sent: 0 });
    expect(await editionStatus('2024-W37')).toBeUndefined();
    expect(receiver.messages.some((message) => message.parsed.messageId?.includes('2024-W36'))).toBe(false);
  });

  it('mails a confirmation Redis had lost, once', async () => {
    const confirmations = await waitFor(() => {
      const found = receiver.to('new@example.org');
      return found.length > 0 ? found : undefined;
    });
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]?.parsed.text).toMatch(
      /https:\/\/regwatch\.example\.org\/subscriptions\/confirm\?token=confirm\.\d+\./,
    );
  });

  it('sends nothing twice when the check runs again', async () => {
    const before = receiver.messages.length;
    const job = await service.parts.queue.add('check', { task: 'check' }, { jobId: 'check-again' });
    // Generous waits: under a loaded suite a check and the send job it adds take seconds.
    await waitFor(async () => (await job.isCompleted()) || undefined, { what: 'check job done', timeoutMs: 30_000 });
    await waitFor(
      async () => {
        const next = await service.parts.queue.getJobCounts('active', 'waiting', 'delayed');
        return (next.active ?? 0) + (next.waiting ?? 0) === 0 || undefined;
      },
      { what: 'the jobs the check added done', timeoutMs: 30_000 },
    );
    expect(receiver.messages.length).toBe(before);
    expect(await deliveryCounts(test.database.db, '2024-W38')).toMatchObject({ audience: 2, sent: 2 });
  });

  it('answers /readyz', async () => {
    const response = await fetch(`${service.parts.healthUrl}/readyz`);
    expect(response.status).toBe(200);
  });

  it('keeps every address out of Redis and out of the logs', async () => {
    const redis = new Redis(testRedisUrl);
    const dump: string[] = [];
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          const type = await redis.type(key);
          const value =
            type === 'string'
              ? await redis.get(key)
              : type === 'hash'
                ? await redis.hgetall(key)
                : type === 'list'
                  ? await redis.lrange(key, 0, -1)
                  : type === 'set'
                    ? await redis.smembers(key)
                    : type === 'zset'
                      ? await redis.zrange(key, 0, -1)
                      : type === 'stream'
                        ? await redis.xrange(key, '-', '+')
                        : null;
          dump.push(key, JSON.stringify(value));
        }
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    // The dump holds the jobs that ran (send, confirm, check, build).
    expect(dump.join('\n')).toContain('"task\\":\\"send\\"');
    expect(dump.join('\n')).toContain('confirm');
    expect(dump.join('\n')).not.toMatch(/@example\.org/);
    expect(log.lines()).toContain('roundup edition sent');
    expect(log.lines()).not.toMatch(/@example\.org/);
  });

  it('logs each task with the queue and the job id (issue 14)', () => {
    const lines = log
      .lines()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; queue?: string; jobId?: string });
    const ofTasks = lines.filter((line) => ['roundup edition built', 'roundup edition sent'].includes(line.msg));
    expect(ofTasks.length).toBeGreaterThan(0);
    for (const line of ofTasks) expect(line).toMatchObject({ queue: 'roundup', jobId: expect.any(String) });
  });

  it('restores its schedules when Redis loses its data', { timeout: 60_000 }, async () => {
    await deletePrefix(prefix);
    const queue = service.parts.queue;
    const restored = await waitFor(
      async () =>
        ((await queue.getJobScheduler('roundup-build')) && (await queue.getJobScheduler('roundup-check'))) || undefined,
      { what: 'the roundup schedulers back', timeoutMs: 40_000, intervalMs: 500 },
    );
    expect(restored).toBeTruthy();
    expect(log.lines()).toContain('Redis lost its data (no roundup-check scheduler)');
  });
});

describe('a week without stories', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase('roundupempty');
    await addIcoSource(test.database.db);
  });

  afterAll(async () => {
    await test?.drop();
  });

  it('has no edition until a story of the week arrives, then gets one', async () => {
    const db = test.database.db;
    const log = capturedLogger();
    const config = roundupConfig(
      roundupEnv({ databaseUrl: test.url, prefix: uniquePrefix('roundupempty'), smtpPort: 1 }),
    );
    // Saturday 21 September 2024: an instance started after 2024-W38's build, before its first polls.
    const context = testContext(config, db, {
      mailer: null,
      log: log.logger,
      now: () => new Date('2024-09-21T09:00:00Z'),
    });
    await checkTask(context);
    const weeks = async () => (await db.execute<{ week: string }>(sql`select week from roundup_editions`)).rows;
    expect(await weeks()).toEqual([]);
    await storeStory(db, 'late', 'ICO fines retailer for unlawful marketing calls', '2024-09-17T10:00:00Z');
    await checkTask(context);
    expect(await weeks()).toEqual([{ week: '2024-W38' }]);
  });
});
