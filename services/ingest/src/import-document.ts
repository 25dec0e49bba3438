import type { IngestConfig } from '@regwatch/config';
import { RegwatchError, type StoreOutcome } from '@regwatch/core';
import { type Db, getSource } from '@regwatch/db';
import { createRedis, entriesOfJob, type ProcessJob, queueNames, waitForRedis } from '@regwatch/queue';
import { permanentPrefix } from '@regwatch/runtime';
import { Queue, QueueEvents } from 'bullmq';
import type { Logger } from 'pino';
import { enqueueDocument } from './enqueue-document.ts';
import { requeueLostJobs } from './requeue-lost-jobs.ts';
import { openIngestWorkers } from './start-ingest.ts';

export type ImportReport = {
  entries: number;
  rejected: number;
  /** Entries the source's relevance filter set aside. */
  filtered: number;
  unchanged: number;
  enqueued: number;
  failed: number;
  /**
   * Entries whose job Redis lost while the import waited (a flush, a restart without
   * persistence): enqueued again from PostgreSQL, and counted in the outcomes above.
   */
  requeued: number;
  /** What reading the file's bytes had to guess or repair (`decodeDocument`), or null. */
  decodeWarning: string | null;
} & Record<StoreOutcome, number>;

/**
 * Backfill: pushes a document (a saved feed, an export) for a source through the same
 * processing queue as polling, and waits until every job it enqueued has finished. When no
 * ingest process is running it runs the registry's `process` workers itself for the
 * duration, so it works whether or not `regwatch start` is running.
 */
export async function importDocument(
  deps: { config: IngestConfig; db: Db; logger: Logger },
  input: {
    sourceId: string;
    body: Uint8Array;
    contentType?: string | null;
    timeoutMs: number;
    /** Called as entries settle: how many of the enqueued ones are done (a progress line). */
    onProgress?: (settled: number, enqueued: number) => void;
  },
): Promise<ImportReport> {
  const source = await getSource(deps.db, input.sourceId);
  if (!source) {
    throw new RegwatchError(
      'not_found',
      `unknown source "${input.sourceId}"; add it first with \`regwatch sources add\``,
    );
  }
  const { config } = deps;
  // The same workers as the ingest process, from the same registry; run only when no ingest
  // process is there to store what the import enqueues.
  // Count the ingest processes' workers before building ours (a built worker counts itself).
  const probeConnection = createRedis(config.REDIS_URL, 'producer');
  const probe = new Queue(queueNames.process, { connection: probeConnection, prefix: config.QUEUE_PREFIX });
  probe.on('error', () => undefined); // reported below, once, as RedisUnreachableError
  let ingestRunning: boolean;
  try {
    await waitForRedis(probeConnection);
    ingestRunning = (await probe.getWorkersCount()) > 0;
  } finally {
    await probe.close();
    await probeConnection.quit().catch(() => probeConnection.disconnect());
  }
  const ingest = openIngestWorkers(deps, { only: ingestRunning ? [] : [queueNames.process] });
  const { queues } = ingest;
  const eventsConnection = createRedis(config.REDIS_URL, 'worker');
  const events = new QueueEvents(queueNames.process, { connection: eventsConnection, prefix: config.QUEUE_PREFIX });
  // Without a listener BullMQ prints a lost connection's error with its stack ("Error: read
  // ECONNRESET" when Redis goes away mid-import); the import reports Redis loss itself.
  events.on('error', () => undefined);

  const report: ImportReport = {
    entries: 0,
    rejected: 0,
    filtered: 0,
    unchanged: 0,
    enqueued: 0,
    failed: 0,
    requeued: 0,
    decodeWarning: null,
    inserted: 0,
    updated: 0,
    linked: 0,
  };
  // Jobs are batches: the report and the progress line count their entries.
  const pending = new Map<string, ProcessJob>();
  let settledEntries = 0;
  const requeued = new Set<string>();
  let finishWaiting: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => {
    finishWaiting = resolve;
  });
  const settle = (jobId: string, outcome: JobOutcome) => {
    const job = pending.get(jobId);
    if (!job || !pending.delete(jobId)) return;
    const entries = entriesOfJob(job).length;
    if (outcome === 'failed') report.failed += entries;
    else {
      for (const result of outcome.outcomes) report[result] += 1;
      report.failed += outcome.setApart;
      // Entries stored but whose outcome went with Redis (a lost completion, a requeued remainder).
      report.unchanged += Math.max(0, entries - outcome.outcomes.length - outcome.setApart);
    }
    settledEntries += entries;
    input.onProgress?.(settledEntries, report.enqueued);
    if (pending.size === 0) finishWaiting();
  };

  let sweeper: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> | undefined;
  try {
    await events.waitUntilReady();
    ingest.workers.run();
    events.on('completed', ({ jobId, returnvalue }) => settle(jobId, outcomeOf(returnvalue)));
    events.on('failed', ({ jobId, failedReason }) => {
      // Only a permanent failure is final: a job that failed for a transient reason (its
      // worker killed more than maxStalledCount times, a database restart) is replayed by the
      // maintenance job and stored later, so the import keeps waiting for it.
      if (failedReason.startsWith(permanentPrefix)) settle(jobId, 'failed');
    });

    const read = await enqueueDocument(
      { db: deps.db, processQueue: queues.process, batchSize: config.PROCESS_BATCH_SIZE, lane: 'backfill' },
      source,
      { body: input.body, contentType: input.contentType ?? null, url: source.url },
      new Date(),
    );
    Object.assign(report, {
      entries: read.entries,
      rejected: read.rejected,
      filtered: read.filtered,
      unchanged: read.unchanged,
      decodeWarning: read.decodeWarning,
    });
    report.enqueued = read.enqueued;
    for (const job of read.jobs) if (job.id) pending.set(job.id, job.data);
    if (pending.size === 0) finishWaiting();

    // Redis may lose what it holds while we wait (a flush, a restart without persistence):
    // look for our jobs now and then, and enqueue again from PostgreSQL what it lost.
    const sweep = () => {
      sweeping ??= requeueLostJobs(deps.db, queues.process, new Map(pending))
        .then((lost) => {
          for (const id of lost.requeued) {
            if (!requeued.has(id)) report.requeued += entriesOfJob(pending.get(id) as ProcessJob).length;
            requeued.add(id);
          }
          // Stored, but its completion event went with Redis: the outcome is not known any more.
          for (const id of lost.stored) settle(id, { outcomes: [], setApart: 0 });
        })
        .catch(() => undefined) // Redis or PostgreSQL away for a moment: the next sweep tries again.
        .finally(() => {
          sweeping = undefined;
        });
    };
    sweeper = setInterval(sweep, lostJobsSweepMs);

    // Jobs that finished before we looked (or were already done: same version queued earlier).
    for (const job of read.jobs) {
      if (!job.id) continue;
      const state = await queues.process.getJobState(job.id);
      if (state === 'completed') {
        const done = await queues.process.getJob(job.id);
        settle(job.id, outcomeOf(done?.returnvalue));
      } else if (state === 'failed') {
        const failed = await queues.process.getJob(job.id);
        if (failed?.failedReason?.startsWith(permanentPrefix)) settle(job.id, 'failed');
      }
      // 'unknown' (not in Redis at all) is the sweep's to decide: lost, or stored and removed.
    }
    sweep();

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), input.timeoutMs);
    });
    const result = await Promise.race([allDone.then(() => 'done' as const), timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      throw new RegwatchError(
        'unavailable',
        `${pending.size} of ${report.enqueued} entries were still being processed after ${input.timeoutMs} ms; ` +
          'they are recorded in PostgreSQL and the ingest workers will store them (its reconciler enqueues again what Redis lost)',
      );
    }
    return report;
  } finally {
    clearInterval(sweeper);
    await sweeping;
    await events.close();
    await ingest.close();
    await eventsConnection.quit().catch(() => eventsConnection.disconnect());
  }
}

/** How often the import looks for jobs Redis lost; each look is one command per job it still waits on. */
const lostJobsSweepMs = 2_000;

/** What a finished job told: each stored entry's outcome, and entries set apart; or a permanent failure. */
type JobOutcome = { outcomes: StoreOutcome[]; setApart: number } | 'failed';

function outcomeOf(returnValue: unknown): JobOutcome {
  const value = (typeof returnValue === 'string' ? safeJson(returnValue) : returnValue) as
    | { results?: { outcome?: unknown }[]; setApart?: unknown }
    | undefined;
  const outcomes = (value?.results ?? []).map(({ outcome }) =>
    outcome === 'inserted' || outcome === 'updated' || outcome === 'linked' ? outcome : 'unchanged',
  );
  return { outcomes, setApart: typeof value?.setApart === 'number' ? value.setApart : 0 };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
