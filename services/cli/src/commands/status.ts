import { parseArgs } from 'node:util';
import { commonFields, loadConfig } from '@regwatch/config';
import { editionBuildAt, sourceHealthStatus, weekOf } from '@regwatch/core';
import { deliveryCounts, listEditionWeeks, listSources } from '@regwatch/db';
import { createQueues, createRedis, createRoundupQueue, waitForRedis } from '@regwatch/queue';
import { describeError, targetsOf } from '../errors.ts';
import type { Io } from '../io.ts';
import { createLogger, openDatabase } from '../runtime.ts';
import { formatStatus, type StatusView } from '../status-view.ts';

/** How long `status` waits for Redis before showing PostgreSQL's part alone. */
const redisWaitMs = 1_500;

/**
 * `regwatch status [--json]`: sources by health, queue depths, the last and next roundup. Redis
 * down: says so in one line and shows the rest. PostgreSQL down: the usual one-line error, non-zero.
 */
export async function statusCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const config = loadConfig(commonFields, env);
  const now = new Date();
  const database = openDatabase(config.DATABASE_URL, 'regwatch-cli', createLogger('warn'));
  let view: StatusView;
  try {
    const sources = await listSources(database.db);
    const counts: Record<string, number> = {};
    const troubled: StatusView['sources']['troubled'] = [];
    for (const row of sources) {
      const status = sourceHealthStatus({ ...row, now });
      counts[status] = (counts[status] ?? 0) + 1;
      if (status === 'failing' || status === 'dead') {
        troubled.push({
          id: row.id,
          status,
          lastError: row.lastErrorCode ? `${row.lastErrorCode}: ${row.lastError ?? ''}` : null,
        });
      }
    }
    const [latest] = await listEditionWeeks(database.db);
    const delivered = latest ? await deliveryCounts(database.db, latest.week) : null;
    view = {
      sources: { counts, troubled },
      queues: null,
      redisProblem: null,
      lastEdition:
        latest && delivered
          ? {
              week: latest.week,
              status: latest.status,
              sent: delivered.sent,
              failed: delivered.failed,
              uncertain: delivered.uncertain,
            }
          : null,
      nextEdition: nextEdition(now),
    };
  } finally {
    await database.close();
  }
  try {
    view.queues = await queueDepths(config.REDIS_URL, config.QUEUE_PREFIX);
  } catch (error) {
    view.redisProblem = describeError(error, targetsOf(env)).line;
  }
  if (values.json) io.out(JSON.stringify(view, null, 2));
  else for (const line of formatStatus(view)) io.out(line);
  return 0;
}

/** The first edition whose build time is still ahead. */
function nextEdition(now: Date): StatusView['nextEdition'] {
  let week = weekOf(now);
  if (editionBuildAt(week) <= now) week = weekOf(new Date(now.getTime() + 7 * 24 * 3_600_000));
  return { week, buildAt: editionBuildAt(week).toISOString() };
}

async function queueDepths(redisUrl: string, prefix: string): Promise<Record<string, Record<string, number>>> {
  const redis = createRedis(redisUrl, 'client', { retryStrategy: () => null });
  redis.on('error', () => undefined);
  const ingest = createQueues({ connection: redis, prefix });
  const roundup = createRoundupQueue({ connection: redis, prefix });
  try {
    await waitForRedis(redis, redisWaitMs);
    const depths: Record<string, Record<string, number>> = {};
    for (const queue of [ingest.poll, ingest.process, ingest.article, ingest.maintenance, roundup]) {
      depths[queue.name] = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
    }
    return depths;
  } finally {
    await ingest.close().catch(() => undefined);
    await roundup.close().catch(() => undefined);
    redis.disconnect();
  }
}
