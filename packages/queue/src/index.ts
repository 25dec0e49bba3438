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
  enqueueProcessJobs,
  jobOptions,
  pollIfDue,
  pollNow,
  pollSchedulerId,
  processJobFor,
  processJobId,
  type QueueOptions,
  type Queues,
  queueNames,
  scheduledSourceIds,
  schedulePoll,
  unschedulePoll,
} from './queues.ts';
