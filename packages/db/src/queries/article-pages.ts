import type { DateOrigin, DatePrecision, NormalisedItem, SourceKind, SourceLabels } from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import type { ArticlePageStatus } from '../schema/article-pages.ts';

/** An item's article page as recorded (`article_pages`). */
export interface ArticlePageRecord {
  url: string;
  entryHash: string;
  status: ArticlePageStatus;
  attempts: number;
  retryable: boolean;
  httpStatus: number | null;
  etag: string | null;
  lastModified: string | null;
  errorCode: string | null;
  title: string | null;
  text: string | null;
}

/** What the article worker reads of an item, its source and its page. */
export interface ArticleTarget {
  item: NormalisedItem;
  storyId: string | null;
  sourceKind: SourceKind;
  sourceJurisdictions: string[];
  /** The source's polled URL and link base: a replayed or mirrored source's pages come from the mirror. */
  sourceUrl: string;
  linkBase: string | null;
  page: ArticlePageRecord | null;
}

const pageColumns = sql`a.url, a.entry_hash as "entryHash", a.status, a.attempts, a.retryable,
  a.http_status as "httpStatus", a.etag, a.last_modified as "lastModified", a.error_code as "errorCode",
  a.title, a.text`;

/**
 * The item `itemId` as the entry `dedupKey` stored it, with its page record; undefined when the
 * item is gone or its text belongs to another entry (this one became an alternate).
 */
export async function articleTarget(
  db: DbOrTx,
  itemId: string,
  dedupKey: string,
  links: readonly string[] = [],
): Promise<ArticleTarget | undefined> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select i.source_id, i.guid, i.dedup_key, i.url as item_url, i.canonical_url, i.title as item_title, i.summary,
      i.content, i.author, i.published_at, i.published_precision, i.published_from, i.language,
      i.source_labels, i.content_hash, i.story_id::text as story_id,
      s.kind, s.jurisdictions, s.url as source_url, s.link_base, a.item_id is not null as has_page, ${pageColumns}
    from items i join sources s on s.id = i.source_id left join article_pages a on a.item_id = i.id
    where i.id = ${itemId}::bigint and i.dedup_key = ${dedupKey} and i.withdrawn_at is null`);
  const row = result.rows[0];
  if (!row) return undefined;
  const item: NormalisedItem = {
    sourceId: row.source_id as string,
    guid: row.guid as string,
    dedupKey: row.dedup_key as string,
    url: row.item_url as string | null,
    canonicalUrl: row.canonical_url as string | null,
    title: row.item_title as string,
    summary: row.summary as string,
    content: row.content as string,
    author: row.author as string | null,
    publishedAt: new Date(row.published_at as string).toISOString(),
    publishedPrecision: row.published_precision as DatePrecision,
    publishedFrom: row.published_from as DateOrigin,
    language: row.language as string | null,
    labels: row.source_labels as SourceLabels,
    links: [...links],
    contentHash: row.content_hash as string,
  };
  const page = row.has_page
    ? ({
        url: row.url,
        entryHash: row.entryHash,
        status: row.status,
        attempts: row.attempts,
        retryable: row.retryable,
        httpStatus: row.httpStatus,
        etag: row.etag,
        lastModified: row.lastModified,
        errorCode: row.errorCode,
        title: row.title,
        text: row.text,
      } as ArticlePageRecord)
    : null;
  return {
    item,
    storyId: row.story_id as string | null,
    sourceKind: row.kind as SourceKind,
    sourceJurisdictions: row.jurisdictions as string[],
    sourceUrl: row.source_url as string,
    linkBase: row.link_base as string | null,
    page,
  };
}

/**
 * Claims the fetch of an item's page for one version of its entry, atomically (the primary key
 * decides, not a read before the write): a first claim, a new entry version, or a retryable
 * failure or abandoned claim with attempts left. Returns the record as it was before (its
 * validators and text, for a conditional GET), `{ claimed: false }` when the page was already
 * fetched for this version or its attempts are spent.
 */
export async function claimArticlePage(
  db: DbOrTx,
  claim: { itemId: string; url: string; entryHash: string; maxAttempts: number },
): Promise<{ claimed: true; attempt: number } | { claimed: false }> {
  const result = await db.execute<{ attempts: number }>(sql`
    insert into article_pages as a (item_id, url, entry_hash, status, attempts)
    values (${claim.itemId}::bigint, ${claim.url}, ${claim.entryHash}, 'fetching', 1)
    on conflict (item_id) do update set
      url = excluded.url,
      entry_hash = excluded.entry_hash,
      status = 'fetching',
      attempts = case when a.entry_hash = excluded.entry_hash then a.attempts + 1 else 1 end,
      updated_at = now()
    where a.entry_hash <> excluded.entry_hash
       or (a.status in ('fetching', 'failed') and (a.status = 'fetching' or a.retryable)
           and a.attempts < ${claim.maxAttempts})
    returning a.attempts`);
  const row = result.rows[0];
  return row ? { claimed: true, attempt: Number(row.attempts) } : { claimed: false };
}

/** How a fetch of an article page ended. */
export type ArticlePageOutcome =
  | {
      status: 'extracted' | 'no-article';
      httpStatus: number;
      etag: string | null;
      lastModified: string | null;
      title: string | null;
      text: string | null;
    }
  /** A 304: the page is as it was, its stored text stands. */
  | { status: 'not-modified' }
  | { status: 'failed'; errorCode: string; error: string; retryable: boolean; httpStatus: number | null };

/** Records the end of a claimed fetch. */
export async function recordArticlePage(
  db: DbOrTx,
  itemId: string,
  outcome: ArticlePageOutcome,
  fetchedAt: Date,
): Promise<void> {
  if (outcome.status === 'not-modified') {
    // Back to what the stored text says it is; nothing else changed.
    await db.execute(sql`
      update article_pages set status = case when text is null then 'no-article' else 'extracted' end,
        retryable = false, fetched_at = ${fetchedAt}, updated_at = now()
      where item_id = ${itemId}::bigint`);
    return;
  }
  if (outcome.status === 'failed') {
    await db.execute(sql`
      update article_pages set status = 'failed', retryable = ${outcome.retryable}, http_status = ${outcome.httpStatus},
        error_code = ${outcome.errorCode}, error = ${outcome.error.slice(0, 1_000)}, fetched_at = ${fetchedAt},
        updated_at = now()
      where item_id = ${itemId}::bigint`);
    return;
  }
  await db.execute(sql`
    update article_pages set status = ${outcome.status}, retryable = false, http_status = ${outcome.httpStatus},
      etag = ${outcome.etag}, last_modified = ${outcome.lastModified}, error_code = null, error = null,
      title = ${outcome.title}, text = ${outcome.text}, fetched_at = ${fetchedAt}, updated_at = now()
    where item_id = ${itemId}::bigint`);
}

/** An article page to ask for: the item, its owning entry and that entry's current version. */
export interface ArticleRequest {
  itemId: string;
  dedupKey: string;
  entryHash: string;
}

/**
 * Items whose source reads article pages and whose page was never asked for their entry's
 * current version, or whose claim or retryable failure was left unfinished before `before` (a
 * job Redis lost, a worker that died): what the reconciler queues again. The claim still bounds
 * the fetches, so asking twice costs nothing.
 */
export async function articlePagesToRequest(
  db: DbOrTx,
  options: { before: Date; limit: number },
): Promise<ArticleRequest[]> {
  const result = await db.execute<{ item_id: string; dedup_key: string; entry_hash: string }>(sql`
    select i.id::text as item_id, i.dedup_key, e.content_hash as entry_hash
    from items i
    join sources s on s.id = i.source_id
    join entries e on e.dedup_key = i.dedup_key
    left join article_pages a on a.item_id = i.id
    where s.enabled and s.fetch_article_pages <> 'never' and i.url is not null and i.withdrawn_at is null
      and (s.fetch_article_pages = 'always' or i.summary = '')
      and i.updated_at < ${options.before}
      and (a.item_id is null
        or a.entry_hash <> e.content_hash
        or (a.updated_at < ${options.before}
            and (a.status = 'fetching' or (a.status = 'failed' and a.retryable))))
    order by i.id
    limit ${options.limit}`);
  return result.rows.map((row) => ({ itemId: row.item_id, dedupKey: row.dedup_key, entryHash: row.entry_hash }));
}
