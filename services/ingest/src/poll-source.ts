import { nextCheckAfterFailure, RegwatchError, sha256Hex } from '@regwatch/core';
import {
  type Db,
  getSource,
  recordFetchFailure,
  recordFetchSuccess,
  recordNotModified,
  type SourceRow,
} from '@regwatch/db';
import type { ProcessJob } from '@regwatch/queue';
import type { Queue } from 'bullmq';
import { type DroppedEntry, enqueueDocument } from './enqueue-document.ts';
import type { FetchDispatcher } from './fetch/dispatcher.ts';
import { type FetchLimits, fetchDocument } from './fetch/fetch-document.ts';

export interface PollDeps {
  db: Db;
  processQueue: Queue<ProcessJob>;
  /** Most entries per process job (`PROCESS_BATCH_SIZE`). */
  batchSize?: number | undefined;
  dispatcher: FetchDispatcher;
  limits: FetchLimits;
  now?: () => Date;
  random?: () => number;
}

export type PollSummary =
  | { status: 'skipped'; reason: string }
  | { status: 'not-modified' }
  | {
      status: 'fetched';
      entries: number;
      rejected: number;
      filtered: number;
      /** What was filtered and why (logged with the poll). */
      dropped: DroppedEntry[];
      enqueued: number;
      /** What reading the body had to guess or repair, also kept on the source (`last_warning`). */
      warning: string | null;
    }
  | { status: 'failed'; code: string; message: string };

/**
 * A poll is due when its next check is less than half an interval away: scheduler ticks drift
 * by milliseconds, and a tick that arrives just early must not wait a whole extra interval.
 */
function isDue(source: SourceRow, now: Date): boolean {
  const slackMs = (source.pollIntervalSeconds * 1_000) / 2;
  return source.nextCheckAt.getTime() - now.getTime() <= slackMs;
}

/** How a poll was asked for. */
export interface PollRequest {
  /** Poll even if the source's next check is in the future (`regwatch sources poll ID`). */
  force?: boolean | undefined;
  /**
   * Fetch the whole document again (`regwatch sources poll ID --force`): no validators sent
   * (If-None-Match, If-Modified-Since) and no short-circuit on an unchanged body hash, so
   * entries a lost queue never stored are read again. Implies `force`.
   */
  refetch?: boolean | undefined;
}

/**
 * One poll of one source: fetch (conditionally, unless `refetch`), parse, normalise, enqueue
 * what is new or changed, then record the outcome on the source. Validators are stored only
 * after the entries are safely queued, so a crash in between means a refetch, never a lost
 * entry. Source failures are recorded, not thrown; only infrastructure failures (database,
 * Redis) reject, and then nothing about the source has changed. A boolean third argument is
 * `force`.
 */
export async function pollSource(
  deps: PollDeps,
  sourceId: string,
  request: PollRequest | boolean = {},
): Promise<PollSummary> {
  const { force = false, refetch = false } = typeof request === 'boolean' ? { force: request } : request;
  const now = (deps.now ?? (() => new Date()))();
  const source = await getSource(deps.db, sourceId);
  if (!source) return { status: 'skipped', reason: 'unknown source' };
  if (!source.enabled) return { status: 'skipped', reason: `disabled: ${source.disabledReason ?? 'by an editor'}` };
  if (!force && !refetch && !isDue(source, now)) return { status: 'skipped', reason: 'not due' };

  const intervalMs = source.pollIntervalSeconds * 1_000;
  const nextCheckAt = new Date(now.getTime() + intervalMs);
  try {
    const fetched = await fetchDocument(
      {
        url: source.url,
        ...(source.requestBody === null ? {} : { method: 'POST' as const, body: source.requestBody }),
        validators: refetch
          ? { etag: null, lastModified: null }
          : { etag: source.etag, lastModified: source.lastModified },
      },
      deps.limits,
      deps.dispatcher,
      deps.now,
    );
    if (fetched.kind === 'not-modified') {
      await recordNotModified(deps.db, source.id, { checkedAt: now, nextCheckAt });
      return { status: 'not-modified' };
    }
    const bodyHash = sha256Hex(fetched.body);
    if (!refetch && bodyHash === source.bodyHash) {
      await recordNotModified(deps.db, source.id, { checkedAt: now, nextCheckAt });
      return { status: 'not-modified' };
    }

    const read = await enqueueDocument(
      { ...deps, lane: 'live' },
      source,
      { body: fetched.body, contentType: fetched.contentType, url: fetched.url },
      now,
    );
    await recordFetchSuccess(deps.db, source.id, {
      checkedAt: now,
      nextCheckAt,
      etag: fetched.validators.etag,
      lastModified: fetched.validators.lastModified,
      bodyHash,
      entryCount: read.entries,
      rejectedCount: read.rejected,
      filteredCount: read.filtered,
      warning: read.decodeWarning,
    });
    return {
      status: 'fetched',
      entries: read.entries,
      rejected: read.rejected,
      filtered: read.filtered,
      dropped: read.dropped,
      enqueued: read.enqueued,
      warning: read.decodeWarning,
    };
  } catch (error) {
    if (!(error instanceof RegwatchError)) throw error;
    const status = typeof error.details.status === 'number' ? error.details.status : undefined;
    const retryAfterMs = typeof error.details.retryAfterMs === 'number' ? error.details.retryAfterMs : undefined;
    const gone = status === 410;
    await recordFetchFailure(deps.db, source.id, {
      checkedAt: now,
      nextCheckAt: nextCheckAfterFailure({
        now,
        intervalMs,
        consecutiveFailures: source.consecutiveFailures + 1,
        retryAfterMs,
        random: deps.random ?? Math.random,
      }),
      code: error.code,
      message: error.message,
      disableReason: gone ? `the source answered 410 Gone on ${now.toISOString()}` : undefined,
    });
    return { status: 'failed', code: error.code, message: error.message };
  }
}
