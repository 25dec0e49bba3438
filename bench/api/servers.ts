import { type ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@regwatch/testing';

/** A server the bench started as a child process, so autocannon's CPU is not on its event loop. */
export interface ChildServer {
  url: string;
  pid: number;
  /** Where its stdout and stderr go. */
  log: string;
  stop(): Promise<void>;
}

async function waitUntilAnswering(url: string, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}; see ${log}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server did not answer ${url} within 60 s; see ${log}`);
}

async function startChild(
  name: string,
  args: (port: number) => string[],
  env: NodeJS.ProcessEnv,
  probePath: string,
  logFolder: string,
): Promise<ChildServer> {
  const port = await freePort();
  const log = join(logFolder, `${name}.log`);
  const output = openSync(log, 'w');
  const child = spawn(process.execPath, args(port), {
    env: { PATH: process.env.PATH, ...env, PORT: String(port) },
    stdio: ['ignore', output, output],
  });
  // However the bench ends (an exception, Ctrl-C), its servers end with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(`${url}${probePath}`, child, log);
  return {
    url,
    pid: child.pid ?? 0,
    log,
    stop: () => stopChild(child),
  };
}

export function startCeilingServer(logFolder: string): Promise<ChildServer> {
  const script = fileURLToPath(new URL('./ceiling-server.ts', import.meta.url));
  return startChild('ceiling', (port) => ['--import', 'tsx', script, String(port)], {}, '/', logFolder);
}

/**
 * The real API, as operators run it: `regwatch start --only api`, logging warnings only, with an
 * anonymous budget high enough (the maximum, 1,000,000 a minute) that rate limits count every
 * request, as in production, but never refuse one.
 */
/**
 * The V8 heap limits the API runs with (README "Under load: figures", docker-compose.yml): on a
 * host with much memory V8 lets the young generation grow to 128 MB and the old one well past the
 * live set before collecting, and the pages it touched stay resident.
 */
export const apiNodeOptions = ['--max-semi-space-size=8', '--max-old-space-size=512'];

export function startApiServer(options: {
  regwatchBin: string;
  databaseUrl: string;
  queuePrefix: string;
  /** A Redis of the bench's own; the shared one (REDIS_URL's default) otherwise. */
  redisUrl?: string;
  logFolder: string;
  /** Node options, e.g. --cpu-prof; `apiNodeOptions` come first unless `v8Defaults`. */
  nodeOptions?: string[];
  v8Defaults?: boolean;
}): Promise<ChildServer> {
  return startChild(
    'api',
    () => [
      ...(options.v8Defaults ? [] : apiNodeOptions),
      ...(options.nodeOptions ?? []),
      options.regwatchBin,
      'start',
      '--only',
      'api',
      '--no-migrate',
    ],
    {
      DATABASE_URL: options.databaseUrl,
      QUEUE_PREFIX: options.queuePrefix,
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      API_ANONYMOUS_RATE: '1000000',
      // Feeds have a budget of their own per address (300/min by default): the bench's one address would hit it.
      FEED_ANONYMOUS_RATE: '1000000',
      // Each scenario sends its own X-Forwarded-For (bench/api.ts): 1,000,000 a minute, the most a
      // budget may be, is spent in 33 s at 30,000 req/s, and 429s would pass for fast answers.
      TRUST_PROXY: 'true',
    },
    '/readyz',
    options.logFolder,
  );
}

/** Stops a child (SIGTERM, then SIGKILL after 15 s: a graceful stop first) and waits for it. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const deadline = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(deadline);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
