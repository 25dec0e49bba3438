import { afterEach, describe, expect, it } from 'vitest';
import { type HealthServer, startHealthServer } from '../src/health-server.ts';

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('startHealthServer (issue 12: liveness and readiness on every process)', () => {
  it('is live, and ready only while every probe answers and it is not draining', async () => {
    let redisUp = true;
    server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      probes: {
        postgres: async () => undefined,
        redis: async () => {
          if (!redisUp) throw new Error('connect ECONNREFUSED 127.0.0.1:6390\n    at stack');
        },
      },
    });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok', accepting: 'ok' } });

    redisUp = false;
    const down = await fetch(`${server.url}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      status: 'unavailable',
      checks: { postgres: 'ok', redis: 'failed: connect ECONNREFUSED 127.0.0.1:6390', accepting: 'ok' },
    });

    redisUp = true;
    server.drain();
    const draining = await fetch(`${server.url}/readyz`);
    expect(draining.status).toBe(503);
    expect(((await draining.json()) as { checks: { accepting: string } }).checks.accepting).toBe(
      'failed: shutting down',
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('times out a probe that never answers, and answers 404 elsewhere', async () => {
    server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      probes: { postgres: () => new Promise(() => undefined) },
      probeTimeoutMs: 50,
    });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: { postgres: string } }).checks.postgres).toBe(
      'failed: no answer within 50 ms',
    );
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
  });
});
