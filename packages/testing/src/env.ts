import { testRedisUrl } from './redis.ts';

/**
 * The environment a Regwatch process under test gets: its own database and queue prefix, quick
 * stall detection, and loopback allowed to the fetcher.
 */
export function testEnv(options: {
  databaseUrl: string;
  prefix: string;
  extra?: Record<string, string>;
}): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: testRedisUrl,
    QUEUE_PREFIX: options.prefix,
    LOG_LEVEL: 'error',
    HOST: '127.0.0.1',
    PORT: '0',
    INGEST_HEALTH_PORT: '0',
    ROUNDUP_HEALTH_PORT: '0',
    WORKER_LOCK_MS: '2000',
    WORKER_STALLED_INTERVAL_MS: '1000',
    FETCH_TIMEOUT_MS: '3000',
    // Fixture servers listen on loopback, which the fetcher's SSRF guard refuses by default.
    FETCH_ALLOW_ADDRESSES: '127.0.0.0/8,::1/128',
    SHUTDOWN_TIMEOUT_MS: '10000',
    // Tests poll the API every 100 ms while they wait; only tests about rate limits set a low one.
    API_ANONYMOUS_RATE: '100000',
    FEED_ANONYMOUS_RATE: '100000',
    ...options.extra,
  };
}
