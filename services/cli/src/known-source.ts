import { RegwatchError } from '@regwatch/core';
import { type Db, getSource } from '@regwatch/db';

/**
 * Every command taking a source id refuses an unknown one the same way: this error, exit code 1
 * (`exitCodes.failed`), before it touches anything else.
 */
export async function requireSource(db: Db, id: string): Promise<void> {
  if (!(await getSource(db, id))) {
    throw new RegwatchError(
      'not_found',
      `unknown source "${id}": \`regwatch sources list\` shows the sources there are`,
    );
  }
}
