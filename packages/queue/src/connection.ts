import { Redis, type RedisOptions } from 'ioredis';

/**
 * How a Redis connection behaves depends on who holds it (BullMQ production guide):
 * - `worker`: blocking commands must wait out a Redis restart, so requests never give up
 *   (`maxRetriesPerRequest: null`) and the connection reconnects forever, with a growing delay;
 * - `producer`: a one-shot command (the CLI enqueuing on an operator's behalf) fails fast and
 *   says so rather than hang: no offline queue, and it stops reconnecting after a few tries;
 * - `client`: short probes and counters of a long-lived process (health checks, rate limits):
 *   fail fast per command, but keep reconnecting.
 */
export type RedisRole = 'worker' | 'producer' | 'client';

/** Reconnect delay for the attempt-th retry: 250 ms doubling, capped, so a long outage costs a line every 10 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(250 * 2 ** Math.max(attempt - 1, 0), maxReconnectDelayMs);
}
export const maxReconnectDelayMs = 10_000;

/** How many reconnects a one-shot command tries (about 0.75 s in all) before it reports Redis unreachable. */
export const producerReconnects = 2;

export function createRedis(url: string, role: RedisRole, overrides: RedisOptions = {}): Redis {
  const base: RedisOptions = {
    connectionName: `regwatch-${role}`,
    connectTimeout: 5_000,
    retryStrategy: reconnectDelayMs,
    lazyConnect: false,
  };
  const roleOptions: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : role === 'producer'
        ? {
            maxRetriesPerRequest: 1,
            enableOfflineQueue: false,
            commandTimeout: 5_000,
            // null ends the connection: waitForRedis then rejects at once instead of timing out.
            retryStrategy: (attempt) => (attempt > producerReconnects ? null : reconnectDelayMs(attempt)),
          }
        : { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 5_000 };
  return new Redis(url, { ...base, ...roleOptions, ...overrides });
}

/** Where a Redis URL points, without its password: `host:port`. */
export function redisAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || '127.0.0.1'}:${parsed.port || '6379'}`;
  } catch {
    return 'the address in REDIS_URL';
  }
}

/** Redis could not be reached (or gave up reconnecting): what the CLI reports as "start it or set REDIS_URL". */
export class RedisUnreachableError extends Error {
  override readonly name = 'RedisUnreachableError';
  readonly address: string;
  /** The socket error code of the last attempt (ECONNREFUSED, ENOTFOUND, …), when there was one. */
  readonly reason: string | undefined;

  constructor(address: string, reason: string | undefined) {
    super(`Redis is not reachable at ${address}${reason ? ` (${reason})` : ''}`);
    this.address = address;
    this.reason = reason;
  }
}

/** Resolves once the connection is ready; rejects with RedisUnreachableError when it ends or after `timeoutMs`. */
export async function waitForRedis(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return;
  const address = `${redis.options.host ?? '127.0.0.1'}:${redis.options.port ?? 6379}`;
  let reason: string | undefined;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(), timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const onError = (error: Error & { code?: string }) => {
      reason = error.code ?? reason;
    };
    const fail = () => {
      cleanup();
      reject(new RedisUnreachableError(address, reason));
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('error', onError);
      redis.off('end', fail);
    };
    redis.on('ready', onReady);
    redis.on('error', onError);
    redis.on('end', fail);
    if (redis.status === 'end') fail();
  });
}

/** The part of a logger `watchRedis` uses (pino's signature). */
export interface ConnectionLog {
  warn(facts: object, message: string): void;
  info(facts: object, message: string): void;
}

/**
 * Reports a long-lived connection's outages as one line per reconnect attempt, with its delay,
 * and one line when it is back. The connection's `error` events (one per failed attempt, with a
 * stack) are absorbed here: the retry line says the same in an operator's words.
 */
export function watchRedis(redis: Redis, log: ConnectionLog, label: string): void {
  const address = `${redis.options.host ?? '127.0.0.1'}:${redis.options.port ?? 6379}`;
  let reason: string | undefined;
  let down = false;
  let attempt = 0;
  redis.on('error', (error: Error & { code?: string }) => {
    reason = error.code ?? error.message.split('\n')[0];
  });
  redis.on('reconnecting', (delayMs: number) => {
    down = true;
    attempt += 1;
    log.warn(
      { redis: address, attempt, retryInMs: delayMs, reason },
      `${label}: Redis is not reachable at ${address}${reason ? ` (${reason})` : ''}; retrying in ${(delayMs / 1_000).toFixed(1)} s (start it or set REDIS_URL)`,
    );
  });
  redis.on('ready', () => {
    if (down) log.info({ redis: address, attempts: attempt }, `${label}: Redis is reachable again at ${address}`);
    down = false;
    attempt = 0;
    reason = undefined;
  });
}

/** Errors that only say the Redis connection is down: the connection's watcher reports those, once per retry. */
export function isRedisConnectionError(error: unknown): boolean {
  const { code, message, name } = (error ?? {}) as { code?: unknown; message?: unknown; name?: unknown };
  if (name === 'MaxRetriesPerRequestError' || name === 'RedisUnreachableError') return true;
  if (typeof code === 'string' && connectionErrorCodes.has(code)) return true;
  return typeof message === 'string' && connectionErrorMessages.some((text) => message.includes(text));
}

const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
const connectionErrorMessages = [
  'Connection is closed',
  "Stream isn't writeable",
  'Reached the max retries per request limit',
];
