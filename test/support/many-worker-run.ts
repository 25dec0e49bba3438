import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, insertSource } from '@regwatch/db';
import { queueNames } from '@regwatch/queue';
import {
  createTestDatabase,
  deletePrefix,
  testEnv,
  testRedisUrl,
  testSource,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { exited, spawnCli } from './cli.ts';
import { canonical, type ManyWorkerFeeds, manySources } from './many-worker-feeds.ts';

/** What a run made, in terms that do not depend on ids: entries as `source/guid`. */
export interface RunOutcome {
  items: number;
  /** Live stories (not merged away) that hold items. */
  stories: number;
  /** Per item, the entries that brought it (its own and its alternates). */
  itemEntries: string[][];
  /** Per story, the entries of all its items. */
  storyEntries: string[][];
  /** Items whose story was merged into another (must be 0: a merge moves its members). */
  itemsInMergedStories: number;
}

// Everything a run starts, so `stopEverything` (afterAll) can end it even when a run failed midway.
const children = new Set<ChildProcess>();
const cleanups = new Set<() => Promise<void>>();

export async function stopEverything(): Promise<void> {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited(child);
  }
  children.clear();
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  cleanups.clear();
}

/** The process queue of a prefix, with its own connection; `end` closes both. */
function processQueue(prefix: string) {
  const connection = new Redis(testRedisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(queueNames.process, { connection, prefix });
  return Object.assign(queue, {
    async end() {
      await queue.close();
      connection.disconnect();
    },
  });
}

/**
 * `workers` ingest processes (PROCESS_CONCURRENCY=2, PROCESS_BATCH_SIZE=4 each) over the feeds,
 * in a fresh database and queue prefix: every feed's `regwatch import` at once, once all the
 * workers listen (an import that finds workers enqueues for them and runs none of its own).
 */
export async function runWorkers(workers: number, feeds: ManyWorkerFeeds): Promise<RunOutcome> {
  const label = `e2emany${workers}`;
  const test = await createTestDatabase(label);
  const prefix = uniquePrefix(label);
  const folder = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const cleanup = async () => {
    rmSync(folder, { recursive: true, force: true });
    await deletePrefix(prefix);
    await test.drop();
  };
  cleanups.add(cleanup);
  try {
    // No process here may poll a real site: the catalogue's sources are off, and so are the
    // test's (an import takes a disabled source).
    await test.database.db.execute(sql`update sources set enabled = false`);
    for (const id of manySources) {
      await insertSource(test.database.db, testSource(id, { pollIntervalSeconds: 86_400, enabled: false }));
    }
    const files = feeds.feeds.map((feed) => {
      const file = join(folder, `${feed.name}.xml`);
      writeFileSync(file, feed.xml);
      return { file, sourceId: feed.sourceId };
    });
    const env = testEnv({
      databaseUrl: test.url,
      prefix,
      extra: { PROCESS_CONCURRENCY: '2', PROCESS_BATCH_SIZE: '4' },
    });
    const spawned: ChildProcess[] = [];
    const run = (args: string[]) => {
      const child = spawnCli(args, env);
      children.add(child);
      spawned.push(child);
      return child;
    };
    try {
      const ingest = Array.from({ length: workers }, () => run(['start', '--only', 'ingest', '--no-migrate']));
      const queue = processQueue(prefix);
      try {
        await waitFor(async () => (await queue.getWorkersCount()) >= workers, {
          timeoutMs: 60_000,
          what: `${workers} ingest processes listening\n${ingest.map((child) => child.output()).join('\n')}`,
        });
        // The queue holds still until every feed is in it, then lets go: all the workers' slots
        // take jobs at the same moment. Without the pause each import's entries trickle to
        // whichever slot is free and events rarely meet (broken locks then went unnoticed).
        await queue.pause();
        const imports = files.map(({ file, sourceId }) => {
          const child = run(['import', '--source', sourceId, file]);
          return exited(child).then(({ code, signal }) => ({ file, code, signal, output: child.output() }));
        });
        const endedEarly = new Promise<never>((_, reject) => {
          for (const done of imports) {
            void done.then((result) =>
              reject(
                new Error(
                  `import of ${result.file} ended (${result.code ?? result.signal}) before the queue ran\n${result.output}`,
                ),
              ),
            );
          }
        });
        endedEarly.catch(() => undefined); // only raced while the queue is paused
        await Promise.race([endedEarly, enqueued(queue, test.database.db, feeds.expected.entries)]);
        await queue.resume();
        for (const result of await Promise.all(imports)) {
          if (result.code !== 0)
            throw new Error(`import of ${result.file} exited ${result.code ?? result.signal}\n${result.output}`);
        }
      } finally {
        await queue.end();
      }
      for (const child of ingest) child.kill('SIGTERM');
      for (const child of ingest) {
        const { code, signal } = await exited(child);
        if (code !== 0) throw new Error(`ingest process ended with ${code ?? signal}\n${child.output()}`);
      }
    } finally {
      // A failed run stops what it started before its database goes.
      for (const child of spawned) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await exited(child);
        children.delete(child);
      }
    }
    return await readOutcome(test.database.db);
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
  }
}

/** Resolves once every entry of the feeds is recorded as pending and the jobs stopped arriving. */
async function enqueued(queue: Queue, db: Db, entries: number): Promise<void> {
  await waitFor(
    async () => {
      const result = await db.execute<{ pending: number }>(sql`select count(*)::int as pending from pending_entries`);
      return result.rows[0]?.pending === entries;
    },
    { timeoutMs: 60_000, what: `all ${entries} entries recorded as pending` },
  );
  // Each entry is recorded in PostgreSQL just before its job is added: wait for the last adds.
  let jobs = -1;
  await waitFor(
    async () => {
      const now = await queue.count();
      const settled = now > 0 && now === jobs;
      jobs = now;
      return settled;
    },
    { intervalMs: 250, what: 'the process jobs to be enqueued' },
  );
}

async function readOutcome(db: Db): Promise<RunOutcome> {
  const rows = await db.execute<{ entry: string; item_id: string; story_id: string | null; merged: boolean }>(sql`
    select e.source_id || '/' || e.guid as entry, e.item_id::text, i.story_id::text,
           coalesce(s.merged_into_id is not null, false) as merged
    from entries e join items i on i.id = e.item_id left join stories s on s.id = i.story_id`);
  const counts = await db.execute<{ items: number; stories: number }>(sql`
    select (select count(*)::int from items) as items,
           (select count(*)::int from stories where merged_into_id is null and item_count > 0) as stories`);
  const group = (key: (row: (typeof rows.rows)[number]) => string | null) => {
    const groups = new Map<string, string[]>();
    for (const row of rows.rows) {
      const id = key(row) ?? `none:${row.entry}`;
      groups.set(id, [...(groups.get(id) ?? []), row.entry]);
    }
    return canonical([...groups.values()]);
  };
  const merged = new Set(rows.rows.filter((row) => row.merged).map((row) => row.item_id));
  return {
    items: counts.rows[0]?.items ?? 0,
    stories: counts.rows[0]?.stories ?? 0,
    itemEntries: group((row) => row.item_id),
    storyEntries: group((row) => row.story_id),
    itemsInMergedStories: merged.size,
  };
}
