import { Writable } from 'node:stream';
import { createMetrics } from '@regwatch/runtime';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';

// Issue 14: /metrics is operational (not in the public OpenAPI, not rate-limited), open on
// loopback or behind METRICS_TOKEN; every log line of a request carries its reqId.
let test: TestDatabase;
const token = 'metrics-token-0123456789';
beforeAll(async () => {
  test = await createTestDatabase('apimetrics');
});
afterAll(() => test.drop());

describe('/metrics on the API', () => {
  it('answers loopback clients without a token, and refuses others', async () => {
    const api = await buildTestApp(test.database, { metrics: createMetrics() });
    try {
      const local = await api.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
      expect(local.statusCode).toBe(200);
      expect(local.headers['content-type']).toContain('text/plain');
      const remote = await api.app.inject({ url: '/metrics', remoteAddress: '203.0.113.7' });
      expect(remote.statusCode).toBe(401);
      expect(remote.json().error.code).toBe('unauthorized');
      expect(remote.body).not.toContain('regwatch_');
      const openapi = await api.app.inject('/openapi.json');
      expect(Object.keys(openapi.json().paths)).not.toContain('/metrics');
    } finally {
      await api.close();
    }
  });

  it('with METRICS_TOKEN set, answers its bearers only, from any address', async () => {
    const api = await buildTestApp(test.database, { metrics: createMetrics(), config: { METRICS_TOKEN: token } });
    try {
      const bearer = { authorization: `Bearer ${token}` };
      expect(
        (await api.app.inject({ url: '/metrics', remoteAddress: '203.0.113.7', headers: bearer })).statusCode,
      ).toBe(200);
      expect((await api.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(401);
      const wrong = { authorization: `Bearer ${token}-not` };
      expect((await api.app.inject({ url: '/metrics', headers: wrong })).statusCode).toBe(401);
    } finally {
      await api.close();
    }
  });
});

describe('request logs', () => {
  it('carry the reqId on every line of a request, the error handler’s included', async () => {
    let text = '';
    const sink = new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    });
    const api = await buildTestApp(test.database, { logger: pino({ level: 'info' }, sink) });
    try {
      api.app.get('/test/fails', { schema: { hide: true } }, async () => {
        throw new Error('broken on purpose');
      });
      const response = await api.app.inject('/test/fails');
      expect(response.statusCode).toBe(500);
      const lines = text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { reqId?: string; msg: string });
      const failed = lines.find((line) => line.msg === 'request failed');
      expect(failed?.reqId).toBeDefined();
      const ofRequest = lines.filter((line) => line.reqId === failed?.reqId).map((line) => line.msg);
      expect(ofRequest).toEqual(['incoming request', 'request failed', 'request completed']);
    } finally {
      await api.close();
    }
  });
});
