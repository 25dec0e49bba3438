import { tagItem } from '@regwatch/core';
import { type Db, getSource, type StoreResult, storeItem } from '@regwatch/db';
import { processJobValidator } from '@regwatch/queue';
import { permanentFailure } from './replay-failed.ts';

/** PostgreSQL error classes that will fail the same way on retry: bad data, not a bad moment. */
const permanentSqlStates = /^(22|23|42)/;

/**
 * Processing step for one queued entry: validate the payload, tag it (platforms, jurisdictions,
 * topics, with their evidence), store it. A payload that does not match the schema, or data
 * PostgreSQL rejects, is permanent (retrying cannot help); anything else (connection lost,
 * deadlock) is retried by the queue with backoff.
 */
export async function storeEntry(db: Db, payload: unknown): Promise<StoreResult> {
  if (!processJobValidator.Check(payload)) {
    const [first] = processJobValidator.Errors(payload);
    throw permanentFailure(`invalid process payload: ${first?.instancePath ?? ''} ${first?.message ?? ''}`.trim());
  }
  const { publishedAtEstimated, ...queued } = payload.item;
  const item = {
    ...queued,
    links: queued.links ?? [],
    // Jobs queued before dates carried a precision said only whether the date was estimated.
    publishedPrecision: queued.publishedPrecision ?? 'instant',
    publishedFrom: queued.publishedFrom ?? (publishedAtEstimated ? 'first-seen' : 'entry'),
  };
  // Jobs queued before the kind was carried look the source up.
  const sourceKind = payload.sourceKind ?? (await getSource(db, item.sourceId))?.kind;
  const tags = tagItem({
    title: item.title,
    summary: item.summary,
    content: item.content,
    sourceJurisdictions: payload.jurisdictions,
    sourceKind,
    labels: item.labels,
  });
  try {
    return await storeItem(db, item, { jurisdictions: payload.jurisdictions, tags, sourceKind });
  } catch (error) {
    const sqlState = (error as { code?: unknown }).code;
    if (typeof sqlState === 'string' && permanentSqlStates.test(sqlState) && sqlState !== '40P01') {
      throw permanentFailure(`entry rejected by the database (${sqlState}): ${(error as Error).message}`);
    }
    throw error;
  }
}
