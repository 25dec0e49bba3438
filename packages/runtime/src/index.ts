export { CloseList, type CloseReport } from './close-list.ts';
export { type HealthServer, type HealthServerOptions, type Probe, startHealthServer } from './health-server.ts';
export { classifyJobError, isPermanentFailure, permanentFailure, permanentPrefix } from './job-errors.ts';
export { createLogger, type LogFormat, resolveLogFormat } from './logger.ts';
export { createMetrics, type Metrics } from './metrics.ts';
export { metricsAccess, metricsRefusal } from './metrics-access.ts';
export { startProbedHealthServer } from './probed-health.ts';
export { bootAndRecoverRedis, type RedisRecoveryOptions } from './redis-recovery.ts';
export {
  type OpenedService,
  type RunningService,
  type ServiceOptions,
  type ServiceRoom,
  startService,
} from './service.ts';
export { type ShutdownOptions, untilShutdown } from './shutdown.ts';
export {
  createWorkers,
  defineWorker,
  type JobContext,
  type PayloadValidator,
  type WorkerDefinition,
  type WorkerRuntime,
  type Workers,
} from './workers.ts';
