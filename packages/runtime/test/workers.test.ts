import { RegwatchError } from '@regwatch/core';
import { createRedis } from '@regwatch/queue';
import { deletePrefix, testRedisUrl, uniquePrefix, waitFor } from '@regwatch/testing';
import { Queue } from 'bullmq';
import pino from 'pino';
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import { afterAll, describe, expect, it } from 'vitest';
import { permanentPrefix } from '../src/job-errors.ts';
import { createWorkers, defineWorker } from '../src/workers.ts';

const prefix = uniquePrefix('runtime-workers');
const connection = createRedis(testRedisUrl, 'worker');
const lines: string[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
const runtime = { connection, prefix, logger, lockMs: 2_000, stalledIntervalMs: 1_000 };
const Payload = Compile(Type.Object({ n: Type.Integer() }));

afterAll(async () => {
  await deletePrefix(prefix);
  await connection.quit();
});

describe('createWorkers (issue 12: workers declared as data, one bootstrap)', () => {
  it('validates payloads, classifies errors, retries only transient failures, and logs with the job id', async () => {
    const seen: number[] = [];
    const registry = [
      defineWorker({
        queue: 'jobs',
        payload: Payload,
        concurrency: () => 2,
        why: 'test',
        process: async (_deps: object, data) => {
          seen.push(data.n);
          if (data.n === 2) throw new RegwatchError('parse_malformed', 'not a feed');
          if (data.n === 3 && seen.filter((n) => n === 3).length < 2) throw new Error('connection terminated');
          return { doubled: data.n * 2 };
        },
      }),
      defineWorker({ queue: 'other', payload: Payload, concurrency: () => 1, why: 'test', process: async () => 0 }),
    ];
    const built = createWorkers({}, runtime, registry, { only: ['jobs'] });
    expect(built.workers.map((worker) => worker.name)).toEqual(['jobs']);
    const queue = new Queue('jobs', { connection, prefix });
    const options = { attempts: 3, backoff: { type: 'fixed', delay: 10 } };
    const ok = await queue.add('ok', { n: 1 }, options);
    const permanent = await queue.add('permanent', { n: 2 }, options);
    const transient = await queue.add('transient', { n: 3 }, options);
    const invalid = await queue.add('invalid', { n: 'x' }, options);
    built.run();
    try {
      const states = await waitFor(
        async () => {
          const all = await Promise.all(
            [ok, permanent, transient, invalid].map((job) => queue.getJob(job.id as string)),
          );
          const done = all.every((job) => job?.finishedOn);
          return done ? all : undefined;
        },
        { what: 'every job finished', timeoutMs: 15_000 },
      );
      const [okJob, permanentJob, transientJob, invalidJob] = states;
      expect(okJob?.returnvalue).toEqual({ doubled: 2 });
      expect(permanentJob?.failedReason).toBe(`${permanentPrefix}parse_malformed: not a feed`);
      expect(permanentJob?.attemptsMade).toBe(1);
      expect(transientJob?.returnvalue).toEqual({ doubled: 6 });
      expect(transientJob?.attemptsMade).toBe(2);
      expect(invalidJob?.failedReason).toBe(`${permanentPrefix}invalid jobs payload`);
      expect(seen.filter((n) => n === 3)).toHaveLength(2);
      const failedLines = lines.map((line) => JSON.parse(line)).filter((line) => line.msg === 'job failed');
      expect(failedLines.map((line) => line.jobId).sort()).toEqual([permanent.id, transient.id, invalid.id].sort());
      for (const line of failedLines) expect(line.queue).toBe('jobs');
    } finally {
      await built.close();
      await queue.close();
    }
  });

  it('gives every processor a logger whose lines carry the queue and the job id (issue 14)', async () => {
    const registry = [
      defineWorker({
        queue: 'logged',
        payload: Payload,
        concurrency: () => 1,
        why: 'test',
        process: async (_deps: object, data, { log }) => {
          log.info({ n: data.n }, 'processor line');
          return data.n;
        },
      }),
    ];
    const built = createWorkers({}, runtime, registry);
    const queue = new Queue('logged', { connection, prefix });
    const job = await queue.add('one', { n: 7 });
    built.run();
    try {
      await waitFor(async () => ((await queue.getJob(job.id as string))?.finishedOn ? true : undefined), {
        what: 'the job finished',
      });
      const line = lines.map((text) => JSON.parse(text)).find((entry) => entry.msg === 'processor line');
      expect(line).toMatchObject({ queue: 'logged', jobId: job.id, n: 7 });
    } finally {
      await built.close();
      await queue.close();
    }
  });
});
