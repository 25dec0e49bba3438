import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './free-port.ts';
import { waitFor } from './wait.ts';

/** A Redis server of a test's own, on a port of its own, keeping nothing on disk. */
export interface PrivateRedis {
  url: string;
  port: number;
  /** Kills the server (its data is gone) and starts an empty one on the same port. */
  restartEmpty(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` for fault tests (losing Redis's data, a restart), never touching the
 * shared server on 6379. `noeviction`, no persistence: a restart loses everything, as a
 * failover to an empty replica would.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    await waitFor(
      async () => {
        const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        probe.on('error', () => undefined);
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG';
        } finally {
          probe.disconnect();
        }
      },
      { what: `a private redis-server on port ${port}`, timeoutMs: 10_000, intervalMs: 50 },
    );
  };
  const kill = async () => {
    const running = child;
    // A server killed by a signal has a signalCode and no exitCode: it is gone all the same.
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  await start();
  return {
    url,
    port,
    async restartEmpty() {
      await kill();
      await start();
    },
    stop: kill,
  };
}
