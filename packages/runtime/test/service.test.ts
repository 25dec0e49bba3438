import { testServerUrl } from '@regwatch/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { startService } from '../src/service.ts';

const quiet = pino({ level: 'silent' });
const config = { DATABASE_URL: testServerUrl('postgres'), LOG_LEVEL: 'silent', SHUTDOWN_TIMEOUT_MS: 2_000 };

describe('startService (issue 12: one process room per service)', () => {
  it('opens a pool, drains first on stop, then closes what it opened in reverse, the pool last', async () => {
    const events: string[] = [];
    const service = await startService(
      { name: 'test', config, logger: quiet, signals: [] },
      async ({ database, closeList }) => {
        await database.ping();
        closeList.add('server', () => void events.push('server'));
        closeList.add('workers', () => void events.push('workers'));
        return { parts: { answer: 42 }, drain: () => events.push('draining') };
      },
    );
    expect(service.parts).toEqual({ answer: 42 });
    expect(await service.stop()).toBe(0);
    expect(events).toEqual(['draining', 'workers', 'server']);
    expect(await service.stopped).toBe(0);
  });

  it('closes what a failed start had opened, pool included, and rethrows', async () => {
    const events: string[] = [];
    let pool: { ended: boolean } | undefined;
    await expect(
      startService({ name: 'test', config, logger: quiet, signals: [] }, async ({ database, closeList }) => {
        pool = database.pool;
        closeList.add('health', () => void events.push('health'));
        throw new Error('Redis is not reachable');
      }),
    ).rejects.toThrow('Redis is not reachable');
    expect(events).toEqual(['health']);
    expect(pool?.ended).toBe(true);
  });
});
