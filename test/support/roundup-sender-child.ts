// A roundup sender in a process of its own (the kill and concurrency tests SIGKILL it): sends
// the edition named by its argument until every delivery is settled, then prints the counts.
import { loadConfig, roundupConfigFields } from '@regwatch/config';
import { createDatabase } from '@regwatch/db';
import { createMailer, sendEdition } from '@regwatch/roundup';
import pino from 'pino';

const config = loadConfig(roundupConfigFields, process.env);
const week = process.argv[2] ?? '';
const database = createDatabase({
  url: config.DATABASE_URL,
  applicationName: 'roundup-child',
  onConnectionLost: () => undefined,
});
const mailer = createMailer(config);
if (!mailer) throw new Error('SMTP_HOST is required');
const log = pino({ level: config.LOG_LEVEL }, pino.destination(2));
for (;;) {
  const result = await sendEdition(
    { config, db: database.db, queue: undefined, mailer, log, now: () => new Date(), retryBaseMs: 50 },
    week,
    mailer,
  );
  if (result.status !== 'waiting') {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    break;
  }
}
mailer.close();
await database.close();
