import { insertSource, recordFetchFailure } from '@regwatch/db';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('apihealth');
});
afterAll(() => test.drop());

describe('health endpoints', () => {
  it('/healthz answers while the process is up', async () => {
    const api = await buildTestApp(test.database);
    const response = await api.app.inject('/healthz');
    expect(response.json()).toEqual({ status: 'ok' });
    await api.close();
  });

  it('/readyz is 200 when PostgreSQL and Redis answer, 503 when draining', async () => {
    const api = await buildTestApp(test.database);
    const ready = await api.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok', accepting: 'ok' } });
    api.lifecycle.draining = true;
    const draining = await api.app.inject('/readyz');
    expect(draining.statusCode).toBe(503);
    expect(draining.json().checks.accepting).toBe('failed: shutting down');
    await api.close();
  });

  it('/readyz is 503 and names Redis when Redis is unreachable', async () => {
    const api = await buildTestApp(test.database, { redisUrl: 'redis://127.0.0.1:1' });
    const response = await api.app.inject('/readyz');
    expect(response.statusCode).toBe(503);
    const body = response.json();
    expect(body.status).toBe('unavailable');
    expect(body.checks.postgres).toBe('ok');
    expect(body.checks.redis).toMatch(/^failed: /);
    await api.close();
  });
});

describe('GET /v1/sources', () => {
  it('shows each source’s fetch health, including the last error', async () => {
    const { db } = test.database;
    await insertSource(db, {
      id: 'opc',
      name: 'OPC',
      kind: 'regulator',
      url: 'https://priv.gc.ca/rss',
      jurisdictions: ['CA'],
      pollIntervalSeconds: 900,
    });
    const at = new Date('2026-11-01T10:00:00Z');
    await recordFetchFailure(db, 'opc', {
      checkedAt: at,
      nextCheckAt: new Date('2026-11-01T10:15:00Z'),
      code: 'fetch_timeout',
      message: 'no complete response within 20000 ms',
    });
    const api = await buildTestApp(test.database);
    const body = (await api.app.inject('/v1/sources')).json();
    await api.close();
    expect(body.data).toEqual([
      {
        id: 'opc',
        name: 'OPC',
        kind: 'regulator',
        url: 'https://priv.gc.ca/rss',
        homepage: null,
        format: 'feed',
        language: null,
        jurisdictions: ['CA'],
        relevance: null,
        pollIntervalSeconds: 900,
        enabled: true,
        itemCount: 0,
        health: {
          status: 'failing',
          lastCheckedAt: '2026-11-01T10:00:00.000Z',
          lastSuccessAt: null,
          nextCheckAt: '2026-11-01T10:15:00.000Z',
          consecutiveFailures: 1,
          lastError: {
            code: 'fetch_timeout',
            message: 'no complete response within 20000 ms',
            at: '2026-11-01T10:00:00.000Z',
          },
          lastWarning: null,
          disabledReason: null,
          lastEntryCount: null,
          lastRejectedCount: null,
          lastFilteredCount: null,
        },
      },
    ]);
  });
});

describe('server errors', () => {
  it('hide SQL and stacks behind a generic 500', async () => {
    const broken = await createTestDatabase('apibroken');
    await broken.database.db.execute(sql`alter table items rename to items_gone`);
    const api = await buildTestApp(broken.database);
    const response = await api.app.inject('/v1/items');
    await api.close();
    await broken.drop();
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'internal', message: 'internal error' } });
    expect(response.body).not.toMatch(/relation|items|select|at \w+ \(/i);
  });
});
