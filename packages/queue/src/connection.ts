import { Redis, type RedisOptions } from 'ioredis';

/**
 * How a Redis connection behaves depends on who holds it (BullMQ production guide):
 * - `worker`: blocking commands must wait out a Redis restart, so requests never give up
 *   (`maxRetriesPerRequest: null`) and the connection reconnects forever;
 * - `producer`: code that enqueues on behalf of a caller (CLI, API) should fail fast and say
 *   so rather than hang, so commands are not queued while disconnected;
 * - `client`: short probes and counters (health checks, rate limits), same fail-fast rule.
 */
export type RedisRole = 'worker' | 'producer' | 'client';

export function createRedis(url: string, role: RedisRole, overrides: RedisOptions = {}): Redis {
  const base: RedisOptions = {
    connectionName: `regwatch-${role}`,
    connectTimeout: 5_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
    lazyConnect: false,
  };
  const roleOptions: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 5_000 };
  return new Redis(url, { ...base, ...roleOptions, ...overrides });
}

/** Resolves once the connection is ready, or rejects with a clear message after `timeoutMs`. */
export async function waitForRedis(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Redis is not reachable after ${timeoutMs} ms`));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}
