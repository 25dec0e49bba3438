import { deletePrefix, testRedisUrl, uniquePrefix } from '@regwatch/testing';
import { Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedis } from '../src/connection.ts';
import { batchesOf, createQueues, enqueueProcessJobs } from '../src/queues.ts';

// Issue 15's scale-out path: on Redis Cluster every key of one BullMQ queue must sit in one hash
// slot, which a prefix in braces gives (Redis hashes only what is between the braces). Standalone
// Redis ignores the braces, so this checks the property Cluster needs: every key the queues write,
// a batch stored and its worker's bookkeeping included, carries the one hash tag.
const prefix = `{${uniquePrefix('hashtag')}}`;

afterAll(async () => {
  await deletePrefix(prefix);
});

describe('QUEUE_PREFIX in braces (Redis Cluster)', () => {
  it('puts every key of the queues, a batch processed included, under one hash tag', async () => {
    const connection = createRedis(testRedisUrl, 'worker');
    const queues = createQueues({ connection, prefix });
    const item = {
      sourceId: 's',
      guid: 'g',
      dedupKey: '0'.repeat(32),
      url: null,
      canonicalUrl: null,
      title: 't',
      summary: '',
      content: '',
      author: null,
      publishedAt: '2026-01-01T00:00:00.000Z',
      language: null,
      labels: {},
      contentHash: '0'.repeat(64),
    };
    await enqueueProcessJobs(queues.process, batchesOf([{ item, jurisdictions: [] }], 64), 'backfill');
    const done = new Promise<void>((resolve) => {
      const worker = new Worker(queues.process.name, async () => 'stored', { connection, prefix });
      worker.on('completed', () => {
        void worker.close().then(resolve);
      });
    });
    await done;
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await connection.scan(cursor, 'MATCH', `*${uniqueTag(prefix)}*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
    expect(keys.length).toBeGreaterThan(3);
    for (const key of keys) expect(key.startsWith(`${prefix}:`), key).toBe(true);
    await queues.close();
    await connection.quit();
  });
});

/** The tag without its braces, as a SCAN pattern can hold it. */
function uniqueTag(tagged: string): string {
  return tagged.slice(1, -1);
}
