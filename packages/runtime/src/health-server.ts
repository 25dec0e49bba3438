import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { metricsAccess, metricsRefusal } from './metrics-access.ts';

/** A dependency probe: resolves when the dependency answers, rejects saying why not. */
export type Probe = () => Promise<unknown>;

export interface HealthServerOptions {
  host: string;
  port: number;
  /** Readiness probes by name (`postgres`, `redis`); each must answer within `probeTimeoutMs`. */
  probes: Readonly<Record<string, Probe>>;
  probeTimeoutMs?: number;
  /** Served at `/metrics` (Prometheus text), to loopback clients or bearers of `token` when set. */
  metrics?: { registry: Registry; token: string } | undefined;
}

export interface HealthServer {
  url: string;
  /** Readiness answers 503 from now on (shutdown has begun). */
  drain(): void;
  close(): Promise<void>;
}

/**
 * Liveness and readiness for a process that serves no HTTP of its own (the ingest workers,
 * the roundup): `GET /healthz` is 200 while the event loop turns; `GET /readyz` is 200 when
 * every probe answers and the process is not shutting down, else 503 naming what failed.
 * The same JSON shapes as the API's own probes.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  let draining = false;
  const timeoutMs = options.probeTimeoutMs ?? 2_000;
  const server: Server = createServer((request, reply) => {
    const path = new URL(request.url ?? '/', 'http://health.invalid').pathname;
    const send = (status: number, body: unknown) => {
      reply.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      reply.end(JSON.stringify(body));
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, error('method_not_allowed'));
    if (path === '/healthz') return send(200, { status: 'ok' });
    if (path === '/metrics' && options.metrics) {
      const { registry, token } = options.metrics;
      if (!metricsAccess(token, request.socket.remoteAddress, request.headers.authorization)) {
        return send(401, { error: { code: 'unauthorized', message: metricsRefusal } });
      }
      void registry.metrics().then(
        (text) => {
          reply.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
          reply.end(text);
        },
        () => send(500, { error: { code: 'internal', message: 'metrics could not be collected' } }),
      );
      return;
    }
    if (path !== '/readyz') return send(404, error('not_found'));
    void readiness(options.probes, timeoutMs, draining).then(({ ready, checks }) =>
      send(ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', checks }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    drain() {
      draining = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function error(code: string) {
  return { error: { code, message: code === 'not_found' ? 'only /healthz and /readyz live here' : 'use GET' } };
}

async function readiness(probes: HealthServerOptions['probes'], timeoutMs: number, draining: boolean) {
  const checks: Record<string, string> = {};
  await Promise.all(
    Object.entries(probes).map(async ([name, probe]) => {
      checks[name] = await within(probe, timeoutMs);
    }),
  );
  checks.accepting = draining ? 'failed: shutting down' : 'ok';
  return { ready: Object.values(checks).every((check) => check === 'ok'), checks };
}

async function within(probe: Probe, ms: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
    return 'ok';
  } catch (failure) {
    return `failed: ${failure instanceof Error ? (failure.message.split('\n')[0] ?? '') : 'unknown'}`;
  } finally {
    clearTimeout(timer);
  }
}
