import { createRedis } from '@regwatch/queue';
import { deletePrefix } from '@regwatch/testing';
import { Queue, Worker } from 'bullmq';

/**
 * The queue's ceiling: `jobs` no-op jobs added in bulk to a fresh queue, then drained by one
 * plain BullMQ Worker at `concurrency` (the process queue's). Jobs/s from the worker's start to
 * the last completion.
 */
export async function noopDrain(input: {
  redisUrl: string;
  prefix: string;
  jobs: number;
  concurrency: number;
}): Promise<{ jobsPerSecond: number; seconds: number }> {
  const producer = createRedis(input.redisUrl, 'producer');
  const connection = createRedis(input.redisUrl, 'worker');
  const queue = new Queue('noop', { connection: producer, prefix: input.prefix });
  try {
    for (let low = 0; low < input.jobs; low += 1_000) {
      const count = Math.min(1_000, input.jobs - low);
      await queue.addBulk(
        Array.from({ length: count }, (_, n) => ({
          name: 'noop',
          data: { n: low + n },
          opts: { removeOnComplete: true, removeOnFail: true },
        })),
      );
    }
    let done = 0;
    let finish: () => void = () => undefined;
    const drained = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const began = performance.now();
    const worker = new Worker('noop', async () => undefined, {
      connection,
      prefix: input.prefix,
      concurrency: input.concurrency,
    });
    worker.on('completed', () => {
      done += 1;
      if (done === input.jobs) finish();
    });
    await drained;
    const seconds = (performance.now() - began) / 1000;
    await worker.close();
    return { jobsPerSecond: input.jobs / seconds, seconds };
  } finally {
    await queue.close();
    await producer.quit().catch(() => producer.disconnect());
    await connection.quit().catch(() => connection.disconnect());
    await deletePrefix(input.prefix);
  }
}
