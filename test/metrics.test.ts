import { type Running, startParts } from '@regwatch/cli';
import { allConfigFields, loadConfig } from '@regwatch/config';
import { upsertActiveSubscriber } from '@regwatch/db';
import { createMailer, type Mailer, sendEdition } from '@regwatch/roundup';
import { createMetrics } from '@regwatch/runtime';
import {
  createTestDatabase,
  deletePrefix,
  type FixtureServer,
  feedHandler,
  rssFeed,
  type SmtpReceiver,
  startFixtureServer,
  startSmtpReceiver,
  type TestDatabase,
  testEnv,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';
import { parsePrometheus, sampleSum } from './support/prometheus.ts';
import {
  capturedLogger,
  roundupConfig,
  roundupEnv,
  sampleEdition,
  storeAndStartSending,
  testContext,
} from './support/roundup.ts';

// Issue 14: /metrics in Prometheus text, after real activity (a feed polled through the real
// ingest, API requests, a roundup send), one registry for the three services of `regwatch start`.
let test: TestDatabase;
let server: FixtureServer;
let receiver: SmtpReceiver;
let mailer: Mailer;
let running: Running;
let apiUrl: string;
const metrics = createMetrics();
const prefix = uniquePrefix('metrics');

beforeAll(async () => {
  test = await createTestDatabase('metrics');
  server = await startFixtureServer();
  server.route(
    '/feed.xml',
    feedHandler(() => rssFeed({ count: 3 })),
  );
  receiver = await startSmtpReceiver({
    onRcpt: (address) => (address === 'gone@example.org' ? { code: 550, message: 'No such user' } : undefined),
  });
  const env = testEnv({ databaseUrl: test.url, prefix });
  running = await startParts(loadConfig(allConfigFields, env), ['api', 'ingest'], { migrate: false, metrics });
  apiUrl = running.api?.url ?? '';

  const added = await runCli(
    ['sources', 'add', '--id', 'local', '--url', `${server.url}/feed.xml`, '--name', 'Local'],
    env,
  );
  expect(added.code, added.stderr).toBe(0);
  await waitFor(
    async () => {
      const response = await fetch(`${apiUrl}/v1/items?limit=10`);
      return ((await response.json()) as { data: unknown[] }).data.length === 3 || undefined;
    },
    { what: 'three items stored' },
  );
  const first = ((await (await fetch(`${apiUrl}/v1/items?limit=1`)).json()) as { data: { id: string }[] }).data[0];
  expect((await fetch(`${apiUrl}/v1/items/${first?.id}`)).status).toBe(200);
  expect((await fetch(`${apiUrl}/v1/items/999999999`)).status).toBe(404);
  expect((await fetch(`${apiUrl}/no/such/page`)).status).toBe(404);

  // A roundup send, recorded into the same registry (as the roundup service of `regwatch start` would).
  const config = roundupConfig(
    // A generous SMTP timeout: on a busy machine a slow answer must not turn a send into `uncertain`.
    roundupEnv({ databaseUrl: test.url, prefix, smtpPort: receiver.port, extra: { SMTP_TIMEOUT_MS: '15000' } }),
  );
  const db = test.database.db;
  await upsertActiveSubscriber(db, 'all@example.org', {});
  await upsertActiveSubscriber(db, 'gone@example.org', {});
  await storeAndStartSending(db, sampleEdition('2024-W38'));
  mailer = createMailer(config) as Mailer;
  const sent = await sendEdition(
    testContext(config, db, { mailer, log: capturedLogger().logger, metrics }),
    '2024-W38',
    mailer,
  );
  expect(sent.status).toBe('sent');
});

afterAll(async () => {
  mailer?.close();
  await running?.stop();
  await server?.close();
  await receiver?.close();
  await deletePrefix(prefix);
  await test?.drop();
});

async function scrape(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return parsePrometheus(await response.text());
}

describe('/metrics', () => {
  it('counts the poll, the entries parsed and the items stored, by source and outcome', async () => {
    const families = await scrape(`${apiUrl}/metrics`);
    expect(sampleSum(families.get('regwatch_ingest_fetches_total'), { source: 'local', outcome: 'fetched' })).toBe(1);
    expect(sampleSum(families.get('regwatch_ingest_entries_parsed_total'), { source: 'local' })).toBe(3);
    expect(sampleSum(families.get('regwatch_ingest_items_total'), { outcome: 'inserted' })).toBe(3);
    expect(sampleSum(families.get('regwatch_ingest_clustering_total'))).toBe(3);
  });

  it('counts API requests by route pattern and status, with latency buckets from 1 ms to 2.5 s', async () => {
    const families = await scrape(`${apiUrl}/metrics`);
    const requests = families.get('regwatch_api_requests_total');
    const routes = new Set(requests?.metrics.map((sample) => sample.labels?.route));
    expect(routes).toContain('/v1/items');
    expect(routes).toContain('/v1/items/:id');
    expect(routes).toContain('unmatched');
    expect([...routes].some((route) => route?.includes('999999999'))).toBe(false);
    expect(sampleSum(requests, { route: '/v1/items/:id', status: '404' })).toBe(1);
    const histogram = families.get('regwatch_api_request_duration_seconds');
    expect(histogram?.type).toBe('HISTOGRAM');
    const buckets = Object.keys(histogram?.metrics[0]?.buckets ?? {});
    expect(buckets).toContain('0.001');
    expect(buckets).toContain('2.5');
  });

  it('counts roundup sends by outcome', async () => {
    const families = await scrape(`${apiUrl}/metrics`);
    const sends = families.get('regwatch_roundup_sends_total');
    const byOutcome = Object.fromEntries(
      sends?.metrics.map((sample) => [sample.labels?.outcome, Number(sample.value)]) ?? [],
    );
    expect(byOutcome).toEqual({ sent: 1, bounced: 1 });
  });

  it('reads queue depths on scrape, per queue and state', async () => {
    const families = await scrape(`${apiUrl}/metrics`);
    const depth = families.get('regwatch_queue_jobs');
    const queues = new Set(depth?.metrics.map((sample) => sample.labels?.queue));
    expect(queues).toContain('poll');
    expect(queues).toContain('process');
    expect(new Set(depth?.metrics.map((sample) => sample.labels?.state))).toEqual(
      new Set(['waiting', 'prioritized', 'active', 'delayed', 'failed']),
    );
    expect(families.has('regwatch_queue_oldest_waiting_seconds')).toBe(true);
    expect(families.has('regwatch_process_cpu_seconds_total')).toBe(true);
  });

  it('serves the same registry on the ingest health server', async () => {
    const families = await scrape(`${running.ingest?.healthUrl}/metrics`);
    expect(sampleSum(families.get('regwatch_ingest_fetches_total'), { source: 'local' })).toBe(1);
  });
});
