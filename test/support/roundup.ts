import { Writable } from 'node:stream';
import { loadConfig, type RoundupConfig, roundupConfigFields } from '@regwatch/config';
import type { EditionContent, EditionStory, EditionWeek, RoundupPreferences } from '@regwatch/core';
import { editionPeriod, normaliseEntry } from '@regwatch/core';
import { type Db, insertEdition, insertSource, startSending, upsertActiveSubscriber } from '@regwatch/db';
import { storeItem } from '@regwatch/ingest';
import { type RoundupContext, renderPublished } from '@regwatch/roundup';
import { testRedisUrl } from '@regwatch/testing';
import pino, { type Logger } from 'pino';

export const testSecret = 'roundup-test-secret-0123456789abcdef';

/** The environment of a roundup process under test, mailing to a receiver on `smtpPort`. */
export function roundupEnv(options: {
  databaseUrl: string;
  prefix: string;
  smtpPort: number;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: testRedisUrl,
    QUEUE_PREFIX: options.prefix,
    LOG_LEVEL: 'info',
    ROUNDUP_SECRET: testSecret,
    PUBLIC_URL: 'https://regwatch.example.org',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(options.smtpPort),
    SMTP_TLS: 'none',
    SMTP_FROM: 'Regwatch roundup <roundup@regwatch.example.org>',
    SMTP_TIMEOUT_MS: '1000',
    ROUNDUP_SEND_CONCURRENCY: '2',
    ROUNDUP_HEALTH_PORT: '0',
    WORKER_LOCK_MS: '2000',
    WORKER_STALLED_INTERVAL_MS: '1000',
    SHUTDOWN_TIMEOUT_MS: '10000',
    ...options.extra,
  };
}

export function roundupConfig(env: Record<string, string>): RoundupConfig {
  return loadConfig(roundupConfigFields, env);
}

/** A logger whose lines the test can read (to check no address is in them). */
export function capturedLogger(): { logger: Logger; lines: () => string } {
  let text = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines: () => text };
}

export function testContext(
  config: RoundupConfig,
  db: Db,
  parts: Pick<RoundupContext, 'mailer' | 'log'> & Partial<RoundupContext>,
): RoundupContext {
  return { config, db, queue: undefined, now: () => new Date(), retryBaseMs: 50, ...parts };
}

function story(id: string, title: string, jurisdictions: string[], platforms: string[]): EditionStory {
  return {
    id,
    title,
    summary: `${title}: what happened.`,
    newsKind: 'action',
    publisherCount: 1,
    platforms,
    jurisdictions,
    topics: [],
    sourceKinds: ['regulator'],
    firstPublishedAt: '2024-09-16T09:00:00.000Z',
    lastPublishedAt: '2024-09-16T09:00:00.000Z',
    links: [
      {
        title,
        url: `https://regulator.example/${id}`,
        source: { id: 'ico', name: 'ICO', kind: 'regulator' },
        publishedAt: '2024-09-16T09:00:00.000Z',
        language: 'en',
      },
    ],
  };
}

/** An edition of two sections (GB, IE) with platform tags, as composeEdition would give. */
export function sampleEdition(week: EditionWeek): EditionContent {
  const { since, until } = editionPeriod(week);
  const gb = [story('101', 'ICO fines a retailer', ['GB'], ['tiktok']), story('102', 'ICO guidance on AI', ['GB'], [])];
  const ie = [story('201', 'DPC decision on Meta', ['IE', 'EU'], ['facebook'])];
  return {
    week,
    since: since.toISOString(),
    until: until.toISOString(),
    builtAt: until.toISOString(),
    sections: [
      { jurisdiction: 'GB', stories: gb },
      { jurisdiction: 'IE', stories: ie },
    ],
    storyCount: 3,
    outreachLeftOut: 0,
  };
}

/** Stores an edition and freezes its audience (every active subscriber). */
export async function storeAndStartSending(db: Db, content: EditionContent): Promise<number> {
  const rendered = renderPublished('https://regwatch.example.org', content);
  await insertEdition(db, { content, html: rendered.html, text: rendered.text });
  return (await startSending(db, content.week)).audience;
}

export async function addSubscribers(
  db: Db,
  count: number,
  label: string,
  preferences: RoundupPreferences = {},
): Promise<string[]> {
  const emails: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const email = `${label}-${index}@example.org`;
    await upsertActiveSubscriber(db, email, preferences);
    emails.push(email);
  }
  return emails;
}

/** A regulator source `ico` (GB) for stories stored with `storeStory`. */
export async function addIcoSource(db: Db): Promise<void> {
  await insertSource(db, {
    id: 'ico',
    name: 'ICO',
    kind: 'regulator',
    url: 'https://ico.example/feed',
    jurisdictions: ['GB'],
    pollIntervalSeconds: 900,
  });
}

/** Stores one ICO item (its own story) through the ingest's storeItem. */
export async function storeStory(db: Db, key: string, title: string, published: string): Promise<void> {
  const result = normaliseEntry(
    { guid: key, link: `https://ico.example/${key}`, title, published },
    { sourceId: 'ico', baseUrl: null, now: new Date(published) },
  );
  if (!result.ok) throw new Error(result.reason);
  await storeItem(db, result.item, { jurisdictions: ['GB'] });
}
