import { allConfigFields, loadConfig } from '@regwatch/config';
import { migrateDatabase, saveSource } from '@regwatch/db';
import { pollNow } from '@regwatch/queue';
import { demoSources } from '../demo/demo-sources.ts';
import { startRecordedServer } from '../demo/recorded-server.ts';
import type { Io } from '../io.ts';
import { migrationsFolder } from '../paths.ts';
import { createLogger, openDatabase } from '../runtime.ts';
import { runUntilSignal, startParts } from './start.ts';

export const demoHelp = `regwatch demo
  Runs Regwatch with no network: serves every demo source's recorded responses from a local
  HTTP server, points those sources at it, starts the API and the workers, and polls them.`;

/** `regwatch demo`: the whole service on recorded data, for a first look and for offline machines. */
export async function demoCommand(env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const config = loadConfig(allConfigFields, env);
  const recorded = await startRecordedServer(
    demoSources.map(({ source, recorded }) => ({ ...recorded, path: `/${source.id}` })),
  );
  try {
    await migrateDatabase(config.DATABASE_URL, migrationsFolder);
    const database = openDatabase(config.DATABASE_URL, 'regwatch-demo', createLogger('warn'));
    try {
      for (const { source } of demoSources)
        await saveSource(database.db, { ...source, url: `${recorded.url}/${source.id}` });
    } finally {
      await database.close();
    }
    const running = await startParts(config, ['api', 'ingest'], { migrate: false });
    const ingest = running.ingest;
    if (ingest) for (const { source } of demoSources) await pollNow(ingest.queues.poll, source.id);
    const api = running.api?.url ?? '';
    io.out(
      [
        `regwatch demo: ${demoSources.length} sources served from recorded responses at ${recorded.url}`,
        `API: ${api}`,
        `  ${api}/v1/items?limit=5`,
        `  ${api}/v1/items?source=${demoSources[0]?.source.id ?? ''}`,
        `  ${api}/v1/sources`,
        `  ${api}/openapi.json`,
        'Stop with Ctrl-C.',
      ].join('\n'),
    );
    return await runUntilSignal(running, config, io);
  } finally {
    await recorded.close();
  }
}
