import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig, type RoundupConfig, roundupConfigFields } from '@regwatch/config';
import { currentEditionWeek, type EditionWeek, parseEditionWeek, RegwatchError } from '@regwatch/core';
import { type Db, type DeliveryCounts, deliveryCounts, getEdition, startSending } from '@regwatch/db';
import {
  buildEdition,
  composeWeek,
  createMailer,
  directContext,
  editionUrl,
  renderPublished,
  sendEdition,
} from '@regwatch/roundup';
import type { Io } from '../io.ts';
import { UsageError } from '../io.ts';
import { createLogger, withDatabase } from '../runtime.ts';

/** `regwatch roundup --week W (--preview FILE | --send | --status)`. */
export async function roundupCommand(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      week: { type: 'string' },
      preview: { type: 'string' },
      send: { type: 'boolean', default: false },
      status: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const actions = [values.preview !== undefined, values.send, values.status].filter(Boolean).length;
  if (actions !== 1) throw new UsageError('roundup needs one of --preview FILE, --send or --status');
  const config = loadConfig(roundupConfigFields, env);
  const week = values.week ?? currentEditionWeek(new Date());
  parseEditionWeek(week);
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  return withDatabase(config.DATABASE_URL, 'regwatch-roundup-cli', logger, async ({ db }) => {
    if (values.preview !== undefined) return preview(db, config, week, values.preview, io);
    if (values.send) return send(db, config, week, logger, io);
    return status(db, week, io);
  });
}

async function preview(db: Db, config: RoundupConfig, week: EditionWeek, file: string, io: Io): Promise<number> {
  const stored = await getEdition(db, week);
  const edition = stored
    ? { html: stored.html, text: stored.text, stories: stored.storyCount }
    : await (async () => {
        const content = await composeWeek(db, week, new Date());
        return { ...renderPublished(config.PUBLIC_URL, content), stories: content.storyCount };
      })();
  const textFile = /\.html?$/i.test(file) ? file.replace(/\.html?$/i, '.txt') : `${file}.txt`;
  await writeFile(file, edition.html);
  await writeFile(textFile, edition.text);
  io.out(
    `wrote ${file} and ${textFile}: ${stored ? `the stored edition ${week} (${stored.status})` : `edition ${week} composed now from stored stories, not stored`}, ${edition.stories} stories`,
  );
  return 0;
}

async function send(
  db: Db,
  config: RoundupConfig,
  week: EditionWeek,
  logger: ReturnType<typeof createLogger>,
  io: Io,
): Promise<number> {
  const mailer = createMailer(config);
  if (!mailer || config.ROUNDUP_SECRET === '') {
    throw new RegwatchError('invalid_config', 'set SMTP_HOST and ROUNDUP_SECRET to send a roundup');
  }
  try {
    const now = new Date();
    const { edition, built } = await buildEdition(db, { week, now, publicUrl: config.PUBLIC_URL });
    if (edition === null) {
      io.out(`${week}: no stories were published that week, so there is no edition to send`);
      return 0;
    }
    if (built) io.err(`built edition ${week}: ${edition.storyCount} stories`);
    // The operator asked: a past week is sent too (the service sends only the current one).
    const started = await startSending(db, week);
    if (started.started) io.err(`sending ${week} to ${started.audience} subscribers`);
    else if (edition.status === 'sent') io.err(`edition ${week} was already sent`);
    const context = directContext(config, db, mailer, logger);
    for (;;) {
      const result = await sendEdition(context, week, mailer, { maxWaitMs: Number.POSITIVE_INFINITY });
      if (result.status !== 'waiting') break;
    }
  } finally {
    mailer.close();
  }
  io.out(formatCounts(week, (await getEdition(db, week))?.status ?? 'missing', await deliveryCounts(db, week)));
  io.out(`published at ${editionUrl(config.PUBLIC_URL, week)}`);
  return 0;
}

async function status(db: Db, week: EditionWeek, io: Io): Promise<number> {
  const edition = await getEdition(db, week);
  if (!edition) {
    io.out(`${week}: not built yet`);
    return 0;
  }
  io.out(formatCounts(week, edition.status, await deliveryCounts(db, week)));
  return 0;
}

export function formatCounts(week: EditionWeek, editionStatus: string, counts: DeliveryCounts): string {
  const parts = (['sent', 'empty', 'failed', 'bouncing', 'uncertain', 'skipped', 'pending'] as const).map(
    (key) => `${key} ${counts[key] + (key === 'pending' ? counts.sending : 0)}`,
  );
  return `${week} ${editionStatus}: audience ${counts.audience}, ${parts.join(', ')}`;
}
