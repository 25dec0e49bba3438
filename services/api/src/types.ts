import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ApiConfig } from '@regwatch/config';
import type { Database } from '@regwatch/db';
import type { createPollQueue, createRoundupQueue } from '@regwatch/queue';
import type { Metrics } from '@regwatch/runtime';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Redis } from 'ioredis';

/** The roundup's BullMQ queue (without importing bullmq here). */
export type RoundupQueue = ReturnType<typeof createRoundupQueue>;

/** The poll queue the console's source actions add to (without importing bullmq here). */
export type PollQueue = ReturnType<typeof createPollQueue>;

export type FastifyTypeBox = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Whether the process is shutting down; /readyz reports 503 from the moment it is. */
export interface Lifecycle {
  draining: boolean;
}

export interface AppDeps {
  config: Pick<
    ApiConfig,
    | 'TRUST_PROXY'
    | 'QUEUE_PREFIX'
    | 'API_ANONYMOUS_ACCESS'
    | 'API_ANONYMOUS_RATE'
    | 'FEED_ANONYMOUS_RATE'
    | 'API_KEY_DEFAULT_RATE'
    | 'API_AUTH_FAILURE_RATE'
    | 'API_KEY_CACHE_SECONDS'
    | 'API_CACHE_MAX_AGE'
    | 'API_RESPONSE_CACHE_SECONDS'
    | 'PUBLIC_URL'
    | 'FEED_TAG_AUTHORITY'
    | 'FEED_CACHE_SECONDS'
    | 'ROUNDUP_SECRET'
    | 'SUBSCRIBE_CLIENT_RATE'
    | 'SUBSCRIBE_DOMAIN_RATE'
    | 'CONSOLE_SECRET'
    | 'CONSOLE_SESSION_HOURS'
    | 'CONSOLE_LOGIN_RATE'
    | 'METRICS_TOKEN'
    | 'FETCH_ALLOW_ADDRESSES'
  >;
  database: Database;
  /** A fail-fast (`client` role) connection. */
  redis: Redis;
  logger: FastifyBaseLogger;
  lifecycle: Lifecycle;
  version: string;
  /** Where requests are counted and what /metrics serves; without it, no /metrics route. */
  metrics?: Metrics | undefined;
  /** The roundup queue sign-ups add confirmation jobs to; default: one on `redis`, closed with the app. */
  roundupQueue?: RoundupQueue;
  /** The poll queue of the console's pause, resume and "poll now"; default: one on `redis`, closed with the app. */
  pollQueue?: PollQueue;
  /** The clock of the API key cache and of email links (tests pass a fake one); defaults to Date.now. */
  now?: () => number;
}
