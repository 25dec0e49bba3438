import { clearPendingEntries, type Db, type StoreResult } from '@regwatch/db';
import { type ArticleJob, entriesOfJob, type ProcessEntryJob, type ProcessJob, processJobId } from '@regwatch/queue';
import { isPermanentFailure, permanentFailure } from '@regwatch/runtime';
import type { Queue } from 'bullmq';
import { requestArticlePage } from './articles/request-article.ts';
import { type Entry, entryFromJob, processEntries } from './process/index.ts';

/** What a process job did: each stored entry's result, in order, and how many entries were set apart. */
export interface BatchJobResult {
  results: StoreResult[];
  /** Entries PostgreSQL refused for good: each queued again as a job of its own, which fails where an operator sees it. */
  setApart: number;
}

/**
 * What the process worker does with one job (its payload checked by the worker): the batch's
 * entries through the processing step in one transaction, then they are no longer pending.
 * Errors are classified by the runtime: a lost connection or a deadlock is retried (the whole
 * batch again: storing is idempotent). One entry PostgreSQL refuses does not take the batch with
 * it: the entries are stored one by one, and each refused one is set apart as a job of its own,
 * left failed with its reason. With the article queue, an entry without text whose source reads
 * article pages queues its page.
 */
export async function storeBatchJob(
  db: Db,
  payload: ProcessJob,
  queues: { process?: Queue<ProcessJob> | undefined; article?: Queue<ArticleJob> | undefined } = {},
): Promise<BatchJobResult> {
  const jobs = entriesOfJob(payload);
  const entries: Entry[] = [];
  for (const job of jobs) entries.push(await entryFromJob(db, job));
  let stored: { job: ProcessEntryJob; entry: Entry; result: StoreResult }[];
  let setApart: ProcessEntryJob[] = [];
  try {
    const results = await processEntries({ db }, entries);
    stored = results.map((result, index) => ({
      job: jobs[index] as ProcessEntryJob,
      entry: entries[index] as Entry,
      result,
    }));
  } catch (error) {
    if (jobs.length === 1 || !isPermanentFailure(error)) throw error;
    ({ stored, setApart } = await storeOneByOne(db, jobs, entries));
  }
  for (const { job, entry, result } of stored) {
    if (entry.kind === 'fetched') await requestArticlePage(db, queues.article, job, entry.item, result);
  }
  // Stored: no longer pending. A crash before this line leaves rows the reconciler settles.
  await clearPendingEntries(
    db,
    stored.flatMap(({ entry }) =>
      entry.kind === 'fetched' ? [{ dedupKey: entry.item.dedupKey, contentHash: entry.item.contentHash }] : [],
    ),
  );
  if (setApart.length > 0) {
    if (!queues.process) throw permanentFailure(`${setApart.length} entries of the batch were refused`);
    // Under the entry's own job id: the same version set apart twice is one failed job.
    for (const job of setApart) {
      await queues.process.add('store', job, { jobId: processJobId(job.item), attempts: 1 });
    }
  }
  return { results: stored.map(({ result }) => result), setApart: setApart.length };
}

async function storeOneByOne(
  db: Db,
  jobs: readonly ProcessEntryJob[],
  entries: readonly Entry[],
): Promise<{ stored: { job: ProcessEntryJob; entry: Entry; result: StoreResult }[]; setApart: ProcessEntryJob[] }> {
  const stored: { job: ProcessEntryJob; entry: Entry; result: StoreResult }[] = [];
  const setApart: ProcessEntryJob[] = [];
  for (const [index, entry] of entries.entries()) {
    const job = jobs[index] as ProcessEntryJob;
    try {
      const [result] = await processEntries({ db }, [entry]);
      if (result) stored.push({ job, entry, result });
    } catch (error) {
      if (!isPermanentFailure(error)) throw error;
      setApart.push(job);
    }
  }
  return { stored, setApart };
}
