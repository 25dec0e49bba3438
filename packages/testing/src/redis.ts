import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const testRedisUrl = 'redis://127.0.0.1:6379';

/** A queue prefix no other test file uses, so files can run in parallel on one Redis. */
export function uniquePrefix(label: string): string {
  return `rwt-${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under a prefix (end of a test file). */
export async function deletePrefix(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
