export { createRedis, type RedisRole, waitForRedis } from './connection.ts';
export {
  MaintenanceJob,
  maintenanceJobValidator,
  NormalisedItemSchema,
  PollJob,
  ProcessJob,
  pollJobValidator,
  processJobValidator,
} from './payloads.ts';
export {
  createQueues,
  enqueueItems,
  jobOptions,
  pollIfDue,
  pollNow,
  pollSchedulerId,
  processJobId,
  type QueueOptions,
  type Queues,
  queueNames,
  scheduledSourceIds,
  schedulePoll,
  unschedulePoll,
} from './queues.ts';
