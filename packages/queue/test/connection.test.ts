import { freePort, testRedisUrl, waitFor } from '@regwatch/testing';
import { describe, expect, it } from 'vitest';
import {
  createRedis,
  maxReconnectDelayMs,
  RedisUnreachableError,
  reconnectDelayMs,
  waitForRedis,
  watchRedis,
} from '../src/connection.ts';

describe('Redis connections by role', () => {
  it('reconnect delays grow and are capped', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 20].map(reconnectDelayMs);
    for (let index = 1; index < 7; index += 1) expect(delays[index]).toBeGreaterThan(delays[index - 1] ?? 0);
    expect(Math.max(...delays)).toBe(maxReconnectDelayMs);
  });

  it('a producer (one-shot command) gives up reconnecting and waitForRedis says why, without waiting its timeout', async () => {
    const port = await freePort();
    const redis = createRedis(`redis://127.0.0.1:${port}`, 'producer');
    redis.on('error', () => undefined);
    const error = await waitForRedis(redis, 600_000).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RedisUnreachableError);
    expect((error as Error).message).toBe(`Redis is not reachable at 127.0.0.1:${port} (ECONNREFUSED)`);
    expect(redis.status).toBe('end');
  });

  it('a producer connects when Redis is there', async () => {
    const redis = createRedis(testRedisUrl, 'producer');
    await waitForRedis(redis);
    expect(await redis.ping()).toBe('PONG');
    redis.disconnect();
  });

  it('a watched worker connection logs one line per reconnect attempt, with the growing delay', async () => {
    const port = await freePort();
    const redis = createRedis(`redis://127.0.0.1:${port}`, 'worker');
    const lines: { facts: { attempt: number; retryInMs: number }; message: string }[] = [];
    watchRedis(
      redis,
      {
        warn: (facts, message) => lines.push({ facts: facts as never, message }),
        info: () => undefined,
      },
      'test',
    );
    await waitFor(() => lines.length >= 3 || undefined, { what: 'three reconnect lines', timeoutMs: 20_000 });
    redis.disconnect();
    expect(lines[0]?.message).toBe(
      `test: Redis is not reachable at 127.0.0.1:${port} (ECONNREFUSED); retrying in 0.3 s (start it or set REDIS_URL)`,
    );
    expect(lines.slice(0, 3).map((line) => line.facts.attempt)).toEqual([1, 2, 3]);
    expect(lines.slice(0, 3).map((line) => line.facts.retryInMs)).toEqual([1, 2, 3].map(reconnectDelayMs));
  });
});
