import { RegwatchError } from '@regwatch/core';
import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { classifyJobError, permanentPrefix } from '../src/job-errors.ts';

const sqlError = (code: string) => Object.assign(new Error(`database error ${code}`), { code });
/** What drizzle throws: no code of its own, the SQL in its message, the driver's error as cause. */
const wrapped = (query: string, cause: Error) => new Error(`Failed query: ${query}\nparams: `, { cause });

describe('classifyJobError (issue 12: one error classification for every worker)', () => {
  it('makes permanent Regwatch errors and data errors unrecoverable', () => {
    for (const error of [
      new RegwatchError('parse_malformed', 'bad'),
      sqlError('22021'),
      sqlError('23502'),
      // As storing raises them: drizzle's wrapper, the SQLSTATE on its cause.
      wrapped('insert into items …', sqlError('22021')),
    ]) {
      const classified = classifyJobError(error);
      expect(classified).toBeInstanceOf(UnrecoverableError);
      expect(classified.message.startsWith(permanentPrefix)).toBe(true);
    }
  });

  it('leaves restarts, lost connections, deadlocks and unknown errors to retry', () => {
    for (const error of [
      new RegwatchError('unavailable', 'down'),
      sqlError('57P01'),
      sqlError('08006'),
      sqlError('40P01'),
      sqlError('53300'),
      new Error('Connection terminated unexpectedly'),
      wrapped('begin', sqlError('57P01')),
      wrapped('select 1', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ]) {
      expect(classifyJobError(error)).toBe(error);
    }
    expect(classifyJobError('a string')).toBeInstanceOf(Error);
  });
});
