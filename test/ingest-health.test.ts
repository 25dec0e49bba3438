import {
  createTestDatabase,
  type PrivateRedis,
  startPrivateRedis,
  type TestDatabase,
  testEnv,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, spawnCli } from './support/cli.ts';

// Issue 12: every process has liveness and readiness, the ingest workers too.
let test: TestDatabase;
let redis: PrivateRedis;

beforeAll(async () => {
  test = await createTestDatabase('e2ehealth');
  redis = await startPrivateRedis();
});
afterAll(async () => {
  await redis.stop();
  await test.drop();
});

/** Connections the server holds, other than the one asking. */
async function connectedClients(url: string): Promise<number> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await client.connect();
    const list = String(await client.call('CLIENT', 'LIST'));
    return list.split('\n').filter((line) => line.trim() !== '').length - 1;
  } finally {
    client.disconnect();
  }
}

describe('regwatch start --only ingest', () => {
  // Up to a minute to start and reconnect backoff up to 10 s: past the 90 s default while the
  // whole suite shares two cores (it takes 1–3 s alone).
  it('serves /healthz and /readyz, readiness following Redis down and back, and stops cleanly on SIGTERM', {
    timeout: 180_000,
  }, async () => {
    const env = testEnv({
      databaseUrl: test.url,
      prefix: uniquePrefix('e2ehealth'),
      extra: { REDIS_URL: redis.url, LOG_LEVEL: 'info' },
    });
    const child = spawnCli(['start', '--only', 'ingest', '--no-migrate'], env);
    try {
      const url = await waitFor(
        () => /"url":"(http:\/\/127\.0\.0\.1:\d+)","msg":"ingest health listening"/.exec(child.output())?.[1],
        { what: 'the ingest health server', timeoutMs: 60_000 },
      );
      await waitFor(() => child.output().includes('"msg":"ingest workers started"'), { what: 'the workers' });
      const live = await fetch(`${url}/healthz`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: 'ready',
        checks: { postgres: 'ok', redis: 'ok', accepting: 'ok' },
      });

      // Every worker holds a blocking connection of its own: how many the process holds when well.
      const connections = await connectedClients(redis.url);
      await redis.stop();
      const unready = await waitFor(
        async () => {
          const response = await fetch(`${url}/readyz`);
          return response.status === 503 ? ((await response.json()) as { checks: Record<string, string> }) : undefined;
        },
        { what: 'readiness to report Redis down' },
      );
      expect(unready.checks.postgres).toBe('ok');
      expect(unready.checks.redis).toMatch(/^failed: /);
      // Liveness is the process, not its dependencies.
      expect((await fetch(`${url}/healthz`)).status).toBe(200);

      await redis.restartEmpty();
      await waitFor(async () => (await fetch(`${url}/readyz`)).status === 200, {
        what: 'readiness once Redis is back',
      });
      // The workers' own connections come back on their own backoff. A SIGTERM while one is
      // still reconnecting meets BullMQ's Worker.close() waiting for it (taskforcesh/bullmq#4656):
      // the shutdown deadline then ends the process with 1. Stop once they are all back.
      await waitFor(() => child.output().includes('Redis is reachable again'), {
        what: 'the workers reconnected',
        timeoutMs: 30_000,
      });
      // Each worker's connection has its own backoff: wait until all of them are back.
      await waitFor(async () => (await connectedClients(redis.url)) >= connections, {
        what: 'every worker connection back',
        timeoutMs: 60_000,
      });
    } finally {
      child.kill('SIGTERM');
    }
    const { code } = await exited(child);
    expect(code, child.output()).toBe(0);
    expect(child.output()).toContain('"msg":"ingest workers stopped"');
  });
});
