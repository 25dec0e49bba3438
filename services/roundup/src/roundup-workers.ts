import { queueNames, roundupJobValidator } from '@regwatch/queue';
import { defineWorker, type WorkerDefinition } from '@regwatch/runtime';
import type { RoundupContext } from './context.ts';
import { buildTask, checkTask, confirmTask, sendTask } from './roundup-tasks.ts';

/** The roundup's one worker: its jobs only point at PostgreSQL, which says what is left to do. */
export const roundupWorkers: readonly WorkerDefinition<RoundupContext>[] = [
  defineWorker({
    queue: queueNames.roundup,
    payload: roundupJobValidator,
    concurrency: () => 2,
    why: 'a send job runs ROUNDUP_SEND_CONCURRENCY messages itself; two at once lets a confirmation or a check pass a long send',
    // Each task logs through the job's own logger (queue and jobId on every line).
    process: async (shared, data, { log }) => {
      const context: RoundupContext = { ...shared, log };
      switch (data.task) {
        case 'build':
          return buildTask(context, data.week);
        case 'send':
          return sendTask(context, data.week);
        case 'confirm':
          return confirmTask(context, data.subscriberId);
        case 'check':
          return checkTask(context);
      }
    },
  }),
];
