import { isRegwatchError } from '@regwatch/core';
import { sqlStateOf } from '@regwatch/db';
import { UnrecoverableError } from 'bullmq';

/**
 * Failed reasons that start with this are permanent: the queue does not retry them and the
 * replay of failed jobs leaves them for a person to inspect.
 */
export const permanentPrefix = 'permanent: ';

/** A failure that retrying cannot fix (bad data, an unknown source). */
export function permanentFailure(message: string): UnrecoverableError {
  return new UnrecoverableError(`${permanentPrefix}${message}`);
}

// PostgreSQL SQLSTATE classes that a retry can outlive: connection exceptions (08), operator
// intervention such as a restart (57P0x), insufficient resources (53), and serialisation
// failures or deadlocks (40001, 40P01). Data exceptions (22) and integrity violations (23)
// fail the same way every time.
const transientSqlState = /^(08|53|57P0|40001|40P01)/;
const permanentSqlState = /^(22|23|42)/;

/**
 * One classification for every worker: permanent failures become BullMQ's UnrecoverableError
 * (no retry), everything else is rethrown as transient (retried with backoff). An error we do
 * not recognise is transient: the replay's bound stops a poison job from looping forever.
 */
export function classifyJobError(error: unknown): Error {
  if (error instanceof UnrecoverableError) return error;
  if (isRegwatchError(error)) return error.permanent ? permanentFailure(`${error.code}: ${error.message}`) : error;
  // drizzle wraps the driver's error (DrizzleQueryError, code-less, its SQL in the message): the
  // SQLSTATE is on its cause.
  const sqlState = sqlStateOf(error);
  if (sqlState !== undefined && permanentSqlState.test(sqlState) && !transientSqlState.test(sqlState)) {
    return permanentFailure(`database refused the data (${sqlState})`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Whether retrying cannot fix this failure (the classification every worker uses). */
export function isPermanentFailure(error: unknown): boolean {
  return classifyJobError(error) instanceof UnrecoverableError;
}
