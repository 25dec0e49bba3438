import { waitForRedis } from '@regwatch/queue';
import Type from 'typebox';
import { UriTooLong } from '../schemas/common.ts';
import type { AppDeps, FastifyTypeBox } from '../types.ts';

const Check = Type.String({ description: '`ok`, or why the dependency is not usable' });
const Readiness = Type.Object(
  {
    status: Type.Enum(['ready', 'unavailable']),
    checks: Type.Object({ postgres: Check, redis: Check, accepting: Check }),
  },
  {
    examples: [
      { status: 'ready', checks: { postgres: 'ok', redis: 'ok', accepting: 'ok' } },
      { status: 'unavailable', checks: { postgres: 'failed: connect ECONNREFUSED', redis: 'ok', accepting: 'ok' } },
    ],
  },
);

async function check(probe: () => Promise<unknown>): Promise<string> {
  try {
    await probe();
    return 'ok';
  } catch (error) {
    return error instanceof Error ? `failed: ${error.message.split('\n')[0]}` : 'failed';
  }
}

/** Readiness: PostgreSQL and Redis answer, and the process is not shutting down. */
export function readyzRoute(app: FastifyTypeBox, deps: AppDeps): void {
  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        summary: 'Readiness: PostgreSQL and Redis reachable, not draining',
        tags: ['health'],
        response: { 200: Readiness, 414: UriTooLong, 503: Readiness },
      },
    },
    async (_request, reply) => {
      const [postgres, redis] = await Promise.all([
        check(() => deps.database.ping(2_000)),
        check(async () => {
          await waitForRedis(deps.redis, 1_000);
          await deps.redis.ping();
        }),
      ]);
      const accepting = deps.lifecycle.draining ? 'failed: shutting down' : 'ok';
      const ready = postgres === 'ok' && redis === 'ok' && accepting === 'ok';
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ready' : 'unavailable',
        checks: { postgres, redis, accepting },
      });
    },
  );
}
