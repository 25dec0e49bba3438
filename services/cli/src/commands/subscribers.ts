import { loadConfig, roundupConfigFields } from '@regwatch/config';
import { RegwatchError } from '@regwatch/core';
import { eraseSubscriber } from '@regwatch/db';
import { type Io, UsageError } from '../io.ts';
import { createLogger, withDatabase } from '../runtime.ts';

/** `regwatch subscribers erase EMAIL`: the row goes, its deliveries with it (every link it had dies). */
export async function subscribersCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [action, email, ...rest] = args;
  if (action !== 'erase') {
    throw new UsageError(action ? `unknown subscribers command "${action}"` : 'subscribers needs a command: erase');
  }
  if (!email || rest.length > 0) throw new UsageError('subscribers erase takes one email address');
  const config = loadConfig(roundupConfigFields, env);
  const erased = await withDatabase(config.DATABASE_URL, 'regwatch-cli', createLogger('warn'), (database) =>
    eraseSubscriber(database.db, email),
  );
  if (!erased) throw new RegwatchError('not_found', 'no subscriber has that address');
  io.out(
    `erased subscriber ${erased.subscriberId} (${erased.status}) and its ${erased.deliveries} delivery records; its links no longer work`,
  );
  return 0;
}
