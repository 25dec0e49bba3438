import type { StoreResult } from '@regwatch/db';
import type { Metrics } from '@regwatch/runtime';
import type { PollSummary } from './poll-source.ts';

/** A poll's outcome in the metrics: fetched / not-modified / the failure's error code; entries read and dropped. */
export function recordPoll(metrics: Metrics | undefined, source: string, summary: PollSummary): void {
  if (!metrics || summary.status === 'skipped') return;
  const outcome = summary.status === 'failed' ? summary.code : summary.status;
  metrics.ingest.fetches.inc({ source, outcome });
  if (summary.status !== 'fetched') return;
  metrics.ingest.entriesParsed.inc({ source }, summary.entries);
  if (summary.filtered > 0) metrics.ingest.relevanceDrops.inc({ source }, summary.filtered);
}

/** A processed entry in the metrics: its outcome, what it matched (dedup), what clustering did. */
export function recordStored(metrics: Metrics | undefined, result: StoreResult): void {
  if (!metrics) return;
  // `unchanged`/`updated`: the same source and guid, seen before.
  const dedup = result.dedup ?? (result.outcome === 'inserted' ? 'none' : 'same-guid');
  metrics.ingest.items.inc({ outcome: result.outcome, dedup });
  if (result.clustering) metrics.ingest.clustering.inc({ outcome: result.clustering });
}
