import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { pendingEntries } from '../schema/pending-entries.ts';
import { textArray } from './sql-arrays.ts';

/** One queued version of one entry, as the pending ledger keeps it. */
export interface PendingEntry {
  dedupKey: string;
  sourceId: string;
  contentHash: string;
  job: unknown;
}

/** Records entries about to be enqueued (one statement); a newer version of an entry replaces the older. */
export async function recordPendingEntries(db: DbOrTx, entries: readonly PendingEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({ ...entry, recordedAt: new Date() }));
  // Several thousand entries per document: insert in chunks under PostgreSQL's parameter limit.
  for (let start = 0; start < rows.length; start += 1_000) {
    await db
      .insert(pendingEntries)
      .values(rows.slice(start, start + 1_000))
      .onConflictDoUpdate({
        target: pendingEntries.dedupKey,
        set: {
          contentHash: sql`excluded.content_hash`,
          job: sql`excluded.job`,
          recordedAt: sql`excluded.recorded_at`,
        },
      });
  }
}

/** These entry versions are stored: no longer pending (a newer version queued since stays). One statement. */
export async function clearPendingEntries(
  db: DbOrTx,
  versions: readonly { dedupKey: string; contentHash: string }[],
): Promise<void> {
  if (versions.length === 0) return;
  await db.execute(sql`
    delete from pending_entries p
    using unnest(${textArray(versions.map((version) => version.dedupKey))},
                 ${textArray(versions.map((version) => version.contentHash))}) as v(dedup_key, content_hash)
    where p.dedup_key = v.dedup_key and p.content_hash = v.content_hash`);
}

/**
 * Which of these entry versions are still pending (read, not stored yet), as
 * `dedupKey + contentHash` strings: `regwatch import` asks for the jobs Redis no longer holds.
 */
export async function stillPendingVersions(
  db: DbOrTx,
  versions: readonly { dedupKey: string; contentHash: string }[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < versions.length; start += 1_000) {
    const chunk = versions.slice(start, start + 1_000);
    const rows = await db.execute<{ dedup_key: string; content_hash: string }>(sql`
      select dedup_key, content_hash from pending_entries
       where dedup_key in (${sql.join(
         chunk.map((version) => sql`${version.dedupKey}`),
         sql`, `,
       )})`);
    const wanted = new Set(chunk.map((version) => pendingVersionKey(version)));
    for (const row of rows.rows) {
      const key = pendingVersionKey({ dedupKey: row.dedup_key, contentHash: row.content_hash });
      if (wanted.has(key)) found.add(key);
    }
  }
  return found;
}

/** The key `stillPendingVersions` answers with. */
export function pendingVersionKey(version: { dedupKey: string; contentHash: string }): string {
  return `${version.dedupKey} ${version.contentHash}`;
}

/**
 * Deletes pending rows whose version is already stored (a crash between storing and clearing),
 * and returns the oldest of the others recorded before `before`, for the reconciler.
 */
export async function unsettledPendingEntries(
  db: DbOrTx,
  options: { before: Date; limit: number },
): Promise<{ settled: number; pending: PendingEntry[] }> {
  const settled = await db.execute(sql`
    delete from pending_entries p using entries e
     where e.dedup_key = p.dedup_key and e.content_hash = p.content_hash`);
  const rows = await db.execute<{ dedup_key: string; source_id: string; content_hash: string; job: unknown }>(sql`
    select dedup_key, source_id, content_hash, job from pending_entries
     where recorded_at < ${options.before.toISOString()}
     order by recorded_at limit ${options.limit}`);
  return {
    settled: settled.rowCount ?? 0,
    pending: rows.rows.map((row) => ({
      dedupKey: row.dedup_key,
      sourceId: row.source_id,
      contentHash: row.content_hash,
      job: row.job,
    })),
  };
}

/** How many entries are read but not stored yet (for status and health). */
export async function countPendingEntries(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from pending_entries`);
  return result.rows[0]?.n ?? 0;
}
