import { describe, expect, it } from 'vitest';
import { startHealthServer } from '../src/health-server.ts';
import { createMetrics } from '../src/metrics.ts';
import { metricsAccess } from '../src/metrics-access.ts';

const token = 'scrape-token-0123456789';

describe('who may read /metrics', () => {
  it('without a token: loopback clients only (IPv4, IPv6, IPv4-mapped)', () => {
    expect(metricsAccess('', '127.0.0.1', undefined)).toBe(true);
    expect(metricsAccess('', '::1', undefined)).toBe(true);
    expect(metricsAccess('', '::ffff:127.0.0.1', undefined)).toBe(true);
    expect(metricsAccess('', '10.0.0.5', undefined)).toBe(false);
    expect(metricsAccess('', '::ffff:10.0.0.5', undefined)).toBe(false);
    expect(metricsAccess('', undefined, undefined)).toBe(false);
  });

  it('with a token: its bearers only, from anywhere', () => {
    expect(metricsAccess(token, '10.0.0.5', `Bearer ${token}`)).toBe(true);
    expect(metricsAccess(token, '127.0.0.1', undefined)).toBe(false);
    expect(metricsAccess(token, '127.0.0.1', `Bearer ${token}x`)).toBe(false);
    expect(metricsAccess(token, '127.0.0.1', `Basic ${token}`)).toBe(false);
  });
});

describe('/metrics on a health server', () => {
  it('answers Prometheus text to a bearer of the token and 401 without it', async () => {
    const metrics = createMetrics();
    metrics.roundup.editionsBuilt.inc();
    const server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      probes: {},
      metrics: { registry: metrics.registry, token },
    });
    try {
      const refused = await fetch(`${server.url}/metrics`);
      expect(refused.status).toBe(401);
      expect(await refused.text()).not.toContain('regwatch_');
      const answered = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(answered.status).toBe(200);
      expect(await answered.text()).toContain('regwatch_roundup_editions_built_total 1');
    } finally {
      await server.close();
    }
  });

  it('two registries in one process do not collide (each service may build its own)', () => {
    expect(() => [createMetrics(), createMetrics()]).not.toThrow();
  });
});
