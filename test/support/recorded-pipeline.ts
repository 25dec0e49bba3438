import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { catalogRow, startParts } from '@regwatch/cli';
import { allConfigFields, loadConfig } from '@regwatch/config';
import { saveSource } from '@regwatch/db';
import { pollNow } from '@regwatch/queue';
import { sourceCatalog, testdataDir } from '@regwatch/sources';
import {
  createTestDatabase,
  deletePrefix,
  startFixtureServer,
  type TestDatabase,
  testEnv,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';

/** The demo's newsfeed, built for real: every recorded source polled through the whole pipeline. */
export interface RecordedPipeline {
  apiUrl: string;
  test: TestDatabase;
  stop(): Promise<void>;
}

/**
 * Serves every catalog source's recording from a local server, runs the API and the ingest on a
 * fresh database, polls each source once and waits until every job has run.
 */
export async function runRecordedPipeline(
  name: string,
  extraEnv: Record<string, string> = {},
): Promise<RecordedPipeline> {
  const prefix = uniquePrefix(name);
  const test = await createTestDatabase(name);
  const server = await startFixtureServer();
  for (const source of sourceCatalog) {
    const body = await readFile(join(testdataDir, source.recorded.file));
    server.route(`/${source.id}`, (_request, response) => {
      response.writeHead(200, { 'content-type': source.recorded.contentType }).end(body);
    });
    await saveSource(test.database.db, catalogRow(source, server.url));
  }
  // A whole catalog on a shared 2-core machine: locks long enough that a busy event loop is not a stall.
  const env = testEnv({
    databaseUrl: test.url,
    prefix,
    extra: { WORKER_LOCK_MS: '60000', WORKER_STALLED_INTERVAL_MS: '30000', ...extraEnv },
  });
  const running = await startParts(loadConfig(allConfigFields, env), ['api', 'ingest'], { migrate: false });
  const queues = running.ingest?.queues;
  if (!queues || !running.api) throw new Error('the API or the ingest did not start');
  for (const source of sourceCatalog) await pollNow(queues.poll, source.id);
  // Done when every source was polled and no job is left to run.
  await waitFor(
    async () => {
      const polled = await test.database.db.execute<{ pending: number }>(
        sql`select count(*)::int as pending from sources where last_checked_at is null`,
      );
      if ((polled.rows[0]?.pending ?? 1) > 0) return undefined;
      // The poll queue always holds each source's next scheduled poll, delayed.
      const counts = await Promise.all([
        queues.poll.getJobCounts('waiting', 'active', 'prioritized'),
        queues.process.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
      ]);
      return counts.every((count) => Object.values(count).every((n) => n === 0)) ? true : undefined;
    },
    { what: 'every recorded source polled and processed', timeoutMs: 80_000, intervalMs: 250 },
  );
  return {
    apiUrl: running.api.url,
    test,
    async stop() {
      await running.stop();
      await server.close();
      await deletePrefix(prefix);
      await test.drop();
    },
  };
}
