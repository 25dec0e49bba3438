import type { RoundupConfig } from '@regwatch/config';
import type { Db } from '@regwatch/db';
import type { RoundupJob } from '@regwatch/queue';
import type { Metrics } from '@regwatch/runtime';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { Mailer } from './mail-transport.ts';

/** What the roundup's tasks share. */
export interface RoundupContext {
  config: RoundupConfig;
  db: Db;
  /** Where a task adds follow-up jobs (send, confirm); absent when a caller runs the tasks itself (the CLI). */
  queue: Queue<RoundupJob> | undefined;
  /** Null when SMTP_HOST is empty: editions are built and stored, nothing is mailed. */
  mailer: Mailer | null;
  log: Logger;
  now: () => Date;
  /** First retry delay of a delivery after a transient SMTP failure (doubling after). */
  retryBaseMs: number;
  /** Where sends and builds are counted (absent when the CLI runs the tasks itself). */
  metrics?: Metrics | undefined;
}

export const defaultRetryBaseMs = 60_000;

/** The context of a caller that runs the tasks itself, without a queue (the CLI's `--send`, the demo). */
export function directContext(config: RoundupConfig, db: Db, mailer: Mailer, log: Logger): RoundupContext {
  return { config, db, queue: undefined, mailer, log, now: () => new Date(), retryBaseMs: defaultRetryBaseMs };
}

/** Whether this instance mails at all: a secret to sign links with and an SMTP server. */
export function canMail(context: Pick<RoundupContext, 'config' | 'mailer'>): boolean {
  return context.config.ROUNDUP_SECRET !== '' && context.mailer !== null;
}

export const sendJobId = (week: string) => `send-${week}`;
