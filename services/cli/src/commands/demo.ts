import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { allConfigFields, loadConfig, type RegwatchConfig } from '@regwatch/config';
import { listSources, migrateDatabase, saveSource } from '@regwatch/db';
import { pollNow } from '@regwatch/queue';
import { sourceCatalog, testdataDir } from '@regwatch/sources';
import { catalogRow } from '../catalog-rows.ts';
import { refuseRealSources } from '../demo/database-guard.ts';
import { prepareDemoEditor } from '../demo/demo-editor.ts';
import { demoRoundup, demoSubscriber, untilIngested } from '../demo/demo-roundup.ts';
import { startDemoMailReceiver } from '../demo/mail-receiver.ts';
import { startRecordedServer } from '../demo/recorded-server.ts';
import type { Io } from '../io.ts';
import { demoDataDir, migrationsFolder } from '../paths.ts';
import { createLogger, openDatabase } from '../runtime.ts';
import { startParts, stopSignals } from './start.ts';

/**
 * The demo's environment: the caller's, so the demo and the other commands share one database
 * and queue prefix, plus loopback allowed for the fetcher, because the replay server is on
 * loopback. A real instance's database is protected by `refuseRealSources`, not by a name.
 */
export function demoEnv(env: NodeJS.ProcessEnv, smtpPort?: number): NodeJS.ProcessEnv {
  return {
    ...env,
    FETCH_ALLOW_ADDRESSES: env.FETCH_ALLOW_ADDRESSES ?? '127.0.0.1/32',
    // The roundup mails the demo's own SMTP receiver; links are signed with a secret of this run unless one is set.
    ...(smtpPort === undefined ? {} : { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), SMTP_TLS: 'none' }),
    ROUNDUP_SECRET: env.ROUNDUP_SECRET || randomBytes(24).toString('base64url'),
    // The console's cookies likewise: an editor made with `regwatch editor add` can sign in to the demo.
    CONSOLE_SECRET: env.CONSOLE_SECRET || randomBytes(24).toString('base64url'),
    ROUNDUP_HEALTH_PORT: env.ROUNDUP_HEALTH_PORT ?? '0',
  };
}

/** `regwatch demo`: the whole service on recorded data, for a first look and for offline machines. */
export async function demoCommand(env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const mailDir = join(demoDataDir, 'mail');
  const mail = await startDemoMailReceiver(mailDir);
  const config = loadConfig(allConfigFields, demoEnv(env, mail.port));
  const recorded = await startRecordedServer(
    sourceCatalog.map((source) => ({
      path: `/${source.id}`,
      file: join(testdataDir, source.recorded.file),
      contentType: source.recorded.contentType,
      methods: [source.request?.method ?? 'GET'],
    })),
  );
  let editor: { email: string; password: string } | undefined;
  try {
    await migrateDatabase(config.DATABASE_URL, migrationsFolder);
    const database = openDatabase(config.DATABASE_URL, 'regwatch-demo', createLogger('warn'));
    try {
      refuseRealSources(await listSources(database.db), databaseName(config.DATABASE_URL));
      for (const source of sourceCatalog) await saveSource(database.db, catalogRow(source, recorded.url));
      editor = await prepareDemoEditor(database.db);
    } finally {
      await database.close();
    }
    const running = await startParts(config, ['api', 'ingest', 'roundup'], { migrate: false, signals: stopSignals });
    if (running.ingest) for (const source of sourceCatalog) await pollNow(running.ingest.queues.poll, source.id);
    const api = running.api?.url ?? '';
    io.out(
      [
        `regwatch demo: ${sourceCatalog.length} sources replayed from recorded responses at ${recorded.url}`,
        `The newsfeed, to read in a browser: ${api}/   (stories, filters, feeds; /sources, /roundups)`,
        `API: ${api}`,
        `  ${api}/v1/items?limit=5`,
        `  ${api}/v1/stories?jurisdiction=CA`,
        `  ${api}/v1/items?platform=meta,tiktok&jurisdiction=EU&expand=true`,
        `  ${api}/v1/items?q=facial%20recognition`,
        `  ${api}/v1/digest?since=2026-01-01&until=2026-03-31`,
        `  ${api}/v1/platforms   /v1/jurisdictions   /v1/topics   /v1/sources`,
        `  ${api}/feeds/stories.rss?jurisdiction=GB   (RSS; also .atom, .json, .html to read in a browser)`,
        `  ${api}/feeds/opml   /feeds/opml/topics   /feeds/opml/platforms   (ready-made feeds to import into a reader)`,
        `  ${api}/openapi.json`,
        `  ${api}/docs   (interactive documentation)`,
        `The editor's console: ${api}/console   (sign in as ${editor?.email} with the password ${editor?.password}, made for this run)`,
        `The operator's view: ${api}/metrics, ${api}/console/queues, and \`npx regwatch status\` in another shell`,
        'Stop with Ctrl-C.',
        'The Friday roundup follows once the recorded sources are stored…',
      ].join('\n'),
    );
    try {
      io.out((await roundupOfDemo(running, config, mailDir, api, mail.files)).join('\n'));
    } catch (error) {
      io.err(
        `regwatch demo: the roundup could not be sent (${(error as Error).message}); the rest of the demo runs on`,
      );
    }
    // Last, so the log lines of start-up do not bury where to look.
    io.out(`regwatch demo is running: open ${api}/ in a browser (the API: ${api}/v1/items?limit=5; Ctrl-C stops it)`);
    return await running.stopped;
  } finally {
    await recorded.close();
    await mail.close();
  }
}

/** The demo's roundup: once the recordings are stored, their week's edition sent to the demo subscriber. */
async function roundupOfDemo(
  running: Awaited<ReturnType<typeof startParts>>,
  config: RegwatchConfig,
  mailDir: string,
  api: string,
  files: readonly string[],
): Promise<string[]> {
  if (!running.ingest) return [];
  await untilIngested(running.ingest.queues);
  const logger = createLogger('warn');
  const database = openDatabase(config.DATABASE_URL, 'regwatch-demo', logger);
  try {
    const sent = await demoRoundup(database.db, config, logger);
    if (!sent) return ['Roundup: no stories were stored, so no edition was built.'];
    return [
      `Roundup: the recordings are dated in the past, so the demo built the edition of their newest week, ${sent.week} (${sent.stories} stories),`,
      `  and sent it to ${demoSubscriber} through a local SMTP receiver (${sent.counts.sent} sent, ${sent.counts.empty} empty).`,
      `  The published edition: ${api}/roundups/${sent.week}`,
      `  The same week ranked for newsletters (JSON): ${api}/v1/digest?week=${sent.week}`,
      `  The messages received (.eml and .html) are in ${mailDir}: ${files.filter((file) => file.endsWith('.html')).join(', ') || 'none'}`,
    ];
  } finally {
    await database.close();
  }
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}
