import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ApiConfig } from '@regwatch/config';
import type { Database } from '@regwatch/db';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Redis } from 'ioredis';

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
  config: Pick<ApiConfig, 'TRUST_PROXY'>;
  database: Database;
  /** A fail-fast (`client` role) connection. */
  redis: Redis;
  logger: FastifyBaseLogger;
  lifecycle: Lifecycle;
  version: string;
}
