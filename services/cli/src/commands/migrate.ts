import { commonFields, loadConfig, redactUrl } from '@regwatch/config';
import { migrateDatabase } from '@regwatch/db';
import type { Io } from '../io.ts';
import { migrationsFolder } from '../paths.ts';

export async function migrateCommand(env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const config = loadConfig(commonFields, env);
  const result = await migrateDatabase(config.DATABASE_URL, migrationsFolder);
  io.out(
    `${redactUrl(config.DATABASE_URL)}: ${result.createdDatabase ? 'database created; ' : ''}` +
      `${result.applied} migration(s) applied, ${result.total} in all`,
  );
  return 0;
}
