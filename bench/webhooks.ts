/**
 * Webhook throughput: how fast the ingest's tick turns changed stories into deliveries, and how
 * fast it POSTs them to a receiver on loopback that answers 204 at once.
 *
 * Seeds S stories of one item each (a third tagged GB, a third IE, a third FR), registers W
 * webhooks (filters cycling GB, IE, FR, and one with none), marks every story changed, then runs
 * `dispatchWebhookEvents` until it adds nothing and `sendDueDeliveries` until nothing is due,
 * timing each. Deliveries are signed (standardwebhooks) and go through the fetcher's client.
 *
 *   npx tsx bench/webhooks.ts              # 2000 stories, 4 webhooks
 *   npx tsx bench/webhooks.ts 20000 8      # other sizes
 *
 * Uses its own database on the local server (dropped at the end).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookSecret, webhookSecretBytes } from '@regwatch/core';
import { createApiKey, createWebhook, insertSource } from '@regwatch/db';
import { createFetchDispatcher, dispatchWebhookEvents, sendDueDeliveries } from '@regwatch/ingest';
import { createTestDatabase } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import pino from 'pino';

const storyCount = Number(process.argv[2] ?? 2_000);
const webhookCount = Number(process.argv[3] ?? 4);
const log = pino({ level: 'silent' });

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

const test = await createTestDatabase('benchhooks');
const db = test.database.db;
let posts = 0;
const receiver = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    posts += 1;
    response.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
const dispatcher = createFetchDispatcher({ allow: ['127.0.0.0/8'] });

try {
  await insertSource(db, {
    id: 'bench',
    name: 'Bench',
    kind: 'regulator',
    url: 'https://bench.example/feed',
    jurisdictions: [],
    pollIntervalSeconds: 900,
  });
  await db.execute(sql`
    insert into items (source_id, dedup_key, guid, url, title, summary, content, published_at, content_hash, jurisdictions)
    select 'bench', md5(n::text), 'g' || n, 'https://bench.example/' || n, 'Story ' || n || ' about a fine',
      'A regulator fined company ' || n || '.', '', now() - n * interval '1 minute', md5('c' || n),
      array[(array['GB', 'IE', 'FR'])[n % 3 + 1]]
    from generate_series(1, ${storyCount}) n`);
  await db.execute(sql`
    with made as (
      insert into stories (title, summary, primary_item_id, item_count, first_published_at, last_published_at, jurisdictions)
      select title, summary, id, 1, published_at, published_at, jurisdictions from items
      returning id, primary_item_id)
    update items set story_id = made.id from made where items.id = made.primary_item_id`);
  const key = await createApiKey(db, {
    name: 'bench',
    prefix: 'rwk_benchbch',
    keyHash: 'x'.repeat(64),
    ratePerMinute: null,
  });
  const filters = [{ jurisdiction: 'GB' }, { jurisdiction: 'IE' }, { jurisdiction: 'FR' }, {}];
  for (let n = 0; n < webhookCount; n += 1) {
    const filter = filters[n % filters.length] ?? {};
    const secret = webhookSecret(randomBytes(webhookSecretBytes));
    await createWebhook(db, { apiKeyId: key.id, url, filter, description: null, secret });
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
  await db.execute(sql`update stories set updated_at = now()`);
  await new Promise((resolve) => setTimeout(resolve, 5));

  let started = performance.now();
  let deliveries = 0;
  let ticks = 0;
  for (;;) {
    const report = await dispatchWebhookEvents(db, log);
    ticks += 1;
    if (report.deliveries === 0) break;
    deliveries += report.deliveries;
  }
  const dispatchSeconds = (performance.now() - started) / 1_000;
  out(
    `dispatch: ${storyCount} changed stories × ${webhookCount} webhooks → ${deliveries} deliveries in ` +
      `${dispatchSeconds.toFixed(2)} s (${Math.round(deliveries / dispatchSeconds)}/s, ${ticks} dispatcher runs)`,
  );

  for (const concurrency of [1, 4]) {
    await db.execute(sql`update webhook_deliveries set status = 'pending', next_attempt_at = now()`);
    posts = 0;
    started = performance.now();
    let delivered = 0;
    for (;;) {
      const report = await sendDueDeliveries({
        db,
        dispatcher,
        limits: { timeoutMs: 10_000, maxBytes: 65_536, maxRedirects: 0, userAgent: 'bench' },
        settings: { maxAttempts: 8, retryBaseMs: 30_000, disableAfter: 50, concurrency },
        log,
      });
      if (report.delivered + report.failed + report.retrying === 0) break;
      delivered += report.delivered;
    }
    const sendSeconds = (performance.now() - started) / 1_000;
    out(
      `send (concurrency ${concurrency}): ${delivered} delivered (${posts} POSTs) in ${sendSeconds.toFixed(2)} s ` +
        `(${Math.round(delivered / sendSeconds)}/s)`,
    );
  }
} finally {
  await dispatcher.close();
  receiver.close();
  await test.drop();
}
