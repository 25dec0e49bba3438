import { type ArticlePageMode, RegwatchError, type SourceKind } from '@regwatch/core';
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { sources } from '../schema/index.ts';

export type SourceRow = typeof sources.$inferSelect;

export interface NewSource {
  id: string;
  name: string;
  kind: SourceKind;
  /** Slug of the publisher of several sources; null or absent: the source is its own publisher. */
  publisher?: string | null;
  url: string;
  homepage?: string | null;
  format?: string;
  language?: string | null;
  jurisdictions: string[];
  pollIntervalSeconds: number;
  enabled?: boolean;
  formatOptions?: Record<string, unknown>;
  requestBody?: string | null;
  linkBase?: string | null;
  relevance?: 'privacy' | null;
  /** Whether entries' article pages are fetched for their text; `never` when absent. */
  fetchArticlePages?: ArticlePageMode;
}

/** The columns a source's definition sets (everything but its fetch state). */
function definitionColumns(source: NewSource) {
  return {
    name: source.name,
    kind: source.kind,
    publisher: source.publisher ?? null,
    url: source.url,
    homepage: source.homepage ?? null,
    format: source.format ?? 'feed',
    formatOptions: source.formatOptions ?? {},
    requestBody: source.requestBody ?? null,
    linkBase: source.linkBase ?? null,
    relevance: source.relevance ?? null,
    fetchArticlePages: source.fetchArticlePages ?? 'never',
    language: source.language ?? null,
    jurisdictions: source.jurisdictions,
    pollIntervalSeconds: source.pollIntervalSeconds,
  };
}

/** Adds a source; an existing id is a `conflict` (sources are changed deliberately, not by re-adding). */
export async function insertSource(db: DbOrTx, source: NewSource): Promise<SourceRow> {
  const [row] = await db
    .insert(sources)
    .values({ id: source.id, ...definitionColumns(source), enabled: source.enabled ?? true })
    .onConflictDoNothing({ target: sources.id })
    .returning();
  if (!row) throw new RegwatchError('conflict', `source "${source.id}" already exists`);
  return row;
}

/**
 * Creates a source, or brings an existing one's definition (name, URL, format, …) up to date
 * while keeping its fetch state: how the registry and the demo keep their sources in step.
 */
export async function saveSource(db: DbOrTx, source: NewSource): Promise<SourceRow> {
  const definition = definitionColumns(source);
  const [row] = await db
    .insert(sources)
    .values({ id: source.id, ...definition, enabled: source.enabled ?? true })
    .onConflictDoUpdate({ target: sources.id, set: { ...definition, updatedAt: new Date() } })
    .returning();
  if (!row) throw new RegwatchError('internal', `source "${source.id}" was not saved`);
  return row;
}

export async function getSource(db: DbOrTx, id: string): Promise<SourceRow | undefined> {
  const [row] = await db.select().from(sources).where(eq(sources.id, id));
  return row;
}

export async function listSources(db: DbOrTx): Promise<SourceRow[]> {
  return db.select().from(sources).orderBy(asc(sources.id));
}

/** Item counts per source, for listings (one grouped query, not one per source). */
export async function countItemsBySource(db: DbOrTx): Promise<Map<string, number>> {
  const result = await db.execute<{ source_id: string; count: string }>(
    // Items an editor withdrew (taken down, not news) are not the source's news.
    sql`select source_id, count(*)::text as count from items where withdrawn_at is null group by source_id`,
  );
  return new Map(result.rows.map((row) => [row.source_id, Number(row.count)]));
}

export async function setSourceEnabled(db: DbOrTx, id: string, enabled: boolean, reason: string | null): Promise<void> {
  await db
    .update(sources)
    .set({ enabled, disabledReason: enabled ? null : reason, updatedAt: new Date() })
    .where(eq(sources.id, id));
}

/**
 * A 200 with a body that was parsed: validators kept for the next conditional GET, failures
 * reset, and the decoding warning replaced by this body's (cleared when it had none).
 */
export async function recordFetchSuccess(
  db: DbOrTx,
  id: string,
  result: {
    checkedAt: Date;
    nextCheckAt: Date;
    etag: string | null;
    lastModified: string | null;
    bodyHash: string;
    entryCount: number;
    rejectedCount: number;
    filteredCount: number;
    /** What reading the body had to guess or repair; null for a clean read. */
    warning: string | null;
  },
): Promise<void> {
  await db
    .update(sources)
    .set({
      etag: result.etag,
      lastModified: result.lastModified,
      bodyHash: result.bodyHash,
      lastCheckedAt: result.checkedAt,
      lastSuccessAt: result.checkedAt,
      nextCheckAt: result.nextCheckAt,
      consecutiveFailures: 0,
      lastEntryCount: result.entryCount,
      lastRejectedCount: result.rejectedCount,
      lastFilteredCount: result.filteredCount,
      lastWarning: result.warning?.slice(0, 1_000) ?? null,
      lastWarningAt: result.warning ? result.checkedAt : null,
      updatedAt: result.checkedAt,
    })
    .where(eq(sources.id, id));
}

/** A 304, or a 200 whose body hash is unchanged: nothing to parse, the source is healthy. */
export async function recordNotModified(
  db: DbOrTx,
  id: string,
  at: { checkedAt: Date; nextCheckAt: Date },
): Promise<void> {
  await db
    .update(sources)
    .set({
      lastCheckedAt: at.checkedAt,
      lastSuccessAt: at.checkedAt,
      nextCheckAt: at.nextCheckAt,
      consecutiveFailures: 0,
      updatedAt: at.checkedAt,
    })
    .where(eq(sources.id, id));
}

/**
 * A failed poll: the error is kept for editors to see, the failure counted, the next check
 * pushed back. `disableReason` parks the source (e.g. 410 Gone) until an editor re-enables it.
 */
export async function recordFetchFailure(
  db: DbOrTx,
  id: string,
  failure: {
    checkedAt: Date;
    nextCheckAt: Date;
    code: string;
    message: string;
    disableReason?: string | undefined;
  },
): Promise<void> {
  await db
    .update(sources)
    .set({
      lastCheckedAt: failure.checkedAt,
      nextCheckAt: failure.nextCheckAt,
      consecutiveFailures: sql`${sources.consecutiveFailures} + 1`,
      lastErrorCode: failure.code,
      lastError: failure.message.slice(0, 1_000),
      lastErrorAt: failure.checkedAt,
      updatedAt: failure.checkedAt,
      ...(failure.disableReason ? { enabled: false, disabledReason: failure.disableReason } : {}),
    })
    .where(eq(sources.id, id));
}
