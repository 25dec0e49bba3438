import { type IngestConfig, ingestConfigFields, loadConfig } from '@regwatch/config';
import { revokeApiKey } from '@regwatch/db';
import { createFetchDispatcher, dispatchWebhookEvents, runWebhookTick } from '@regwatch/ingest';
import { type FixtureServer, startFixtureServer, waitFor } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../services/api/test/build.ts';
import { bearer, createTestKey } from '../services/api/test/keys.ts';
import { type CorrectionsPipeline, type FeedEntry, startCorrectionsPipeline } from './support/corrections-pipeline.ts';

// Issue 16: partner push. Stories come through the real poll → queue → processing step; webhooks
// are registered and read through the API; the ingest's tick (dispatcher + sender) POSTs through
// the fetcher's SSRF-guarded client to a receiver on loopback, which verifies every signature.
let pipeline: CorrectionsPipeline;
let api: Awaited<ReturnType<typeof buildTestApp>>;
let strictApi: Awaited<ReturnType<typeof buildTestApp>>;
let receiver: FixtureServer;
let keyA: string;
let keyB: string;
let keyBId: number;
let config: IngestConfig;
const dispatcher = createFetchDispatcher({ allow: ['127.0.0.0/8', '::1/128'] });
const log = pino({ level: 'silent' });

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  status: number;
}
const received: Received[] = [];
/** Statuses the receiver answers next, per path (then 200). */
const scripted = new Map<string, number[]>();

beforeAll(async () => {
  pipeline = await startCorrectionsPipeline('webhooks');
  await pipeline.addFeed('ico', 'regulator', []);
  await pipeline.addFeed('wire', 'press', []);
  receiver = await startFixtureServer();
  for (const path of ['/hooks/regulators', '/hooks/incidents', '/hooks/flaky', '/hooks/gone', '/hooks/revoked']) {
    receiver.route(path, async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const status = scripted.get(path)?.shift() ?? 200;
      received.push({
        path,
        headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)])),
        body: Buffer.concat(chunks).toString('utf8'),
        status,
      });
      response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    });
  }
  // The API checks URLs with the fetcher's own exemptions: loopback allowed here, as in tests.
  api = await buildTestApp(pipeline.test.database, { config: { FETCH_ALLOW_ADDRESSES: ['127.0.0.0/8', '::1/128'] } });
  strictApi = await buildTestApp(pipeline.test.database);
  keyA = (await createTestKey(pipeline.db, { name: 'partner A' })).key;
  const partnerB = await createTestKey(pipeline.db, { name: 'partner B' });
  keyB = partnerB.key;
  keyBId = partnerB.id;
  config = loadConfig(ingestConfigFields, {
    DATABASE_URL: pipeline.test.url,
    WEBHOOK_RETRY_BASE_MS: '1',
    WEBHOOK_TIMEOUT_MS: '3000',
    FETCH_ALLOW_ADDRESSES: '127.0.0.0/8,::1/128',
  });
});
afterAll(async () => {
  await api?.close();
  await strictApi?.close();
  await receiver?.close();
  await dispatcher.close();
  await pipeline?.close();
});

let serial = 0;
function entry(source: string, title: string, summary: string): FeedEntry {
  serial += 1;
  return {
    guid: `${source}-${serial}`,
    title,
    summary,
    link: `https://${source}.example/a/${serial}`,
    published: new Date(Date.UTC(2026, 10, serial)).toISOString(),
  };
}

async function register(key: string, body: Record<string, unknown>, app = api) {
  return app.app.inject({ method: 'POST', url: '/v1/webhooks', headers: bearer(key), payload: body });
}

const tick = () => runWebhookTick({ config, db: pipeline.db, dispatcher, log });

/** Runs ticks until `count` requests reached `path` (a retry is due a millisecond after its failure). */
async function ticksUntil(path: string, count: number): Promise<Received[]> {
  return waitFor(
    async () => {
      await tick();
      const at = received.filter((request) => request.path === path);
      return at.length >= count ? at : undefined;
    },
    { what: `${count} deliveries to ${path}` },
  );
}

interface Delivery {
  id: string;
  messageId: string;
  eventType: string;
  storyId: string;
  status: string;
  nextAttemptAt: string | null;
  attempts: { statusCode: number | null; error: string | null }[];
}

async function deliveries(id: string, key = keyA): Promise<Delivery[]> {
  const response = await api.app.inject({ url: `/v1/webhooks/${id}/deliveries`, headers: bearer(key) });
  expect(response.statusCode).toBe(200);
  return response.json<{ deliveries: Delivery[] }>().deliveries;
}

const webhooks: Record<string, { id: string; secret: string }> = {};

describe('issue 16: webhooks for partners', () => {
  it('registers with a key: 201, a whsec_ secret shown once, listed without it', async () => {
    for (const [name, filter] of [
      ['regulators', { kind: 'regulator' }],
      ['incidents', { kind: 'incident-db' }],
    ] as const) {
      const response = await register(keyA, {
        url: `${receiver.url}/hooks/${name}`,
        filter,
        description: `${name} desk`,
      });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<{ id: string; secret: string; status: string; filter: unknown }>();
      expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(body).toMatchObject({ status: 'active', filter });
      expect(response.headers.location).toBe(`/v1/webhooks/${body.id}`);
      webhooks[name] = { id: body.id, secret: body.secret };
    }
    const listed = await api.app.inject({ url: '/v1/webhooks', headers: bearer(keyA) });
    expect(listed.statusCode).toBe(200);
    const list = listed.json<{ webhooks: { id: string }[] }>().webhooks;
    expect(list.map((webhook) => webhook.id)).toEqual([webhooks.regulators?.id, webhooks.incidents?.id]);
    expect(listed.body).not.toContain('whsec_');
  });

  it('delivers a new story from a polled feed, signed: the receiver verifies it with standardwebhooks', async () => {
    pipeline.serve('ico', [
      entry('ico', 'ICO fines Kettleworks £2m over leaked customer records', 'The ICO fined Kettleworks.'),
    ]);
    pipeline.serve('wire', [
      entry('wire', 'Startup Zephyrlane launches a password manager', 'Zephyrlane ships a password manager.'),
    ]);
    await pipeline.poll('ico');
    await pipeline.poll('wire');
    const [request] = await ticksUntil('/hooks/regulators', 1);
    if (!request) throw new Error('no delivery');
    const payload = new Webhook(webhooks.regulators?.secret ?? '').verify(request.body, request.headers) as {
      type: string;
      timestamp: string;
      data: { story: { id: string; title: string; items: { source: { id: string } }[]; itemsUrl: string } };
    };
    expect(payload.type).toBe('story.created');
    expect(payload.data.story.title).toBe('ICO fines Kettleworks £2m over leaked customer records');
    expect(payload.data.story.items.map((item) => item.source.id)).toEqual(['ico']);
    expect(payload.data.story.itemsUrl).toBe(`/v1/stories/${payload.data.story.id}/items`);
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(request.headers['content-type']).toBe('application/json');
    // Signed with another webhook's secret, the same request does not verify.
    expect(() => new Webhook(webhooks.incidents?.secret ?? '').verify(request.body, request.headers)).toThrow();
    // The press story did not match "regulator"; nothing matched "incident-db".
    await tick();
    expect(received.filter((entry) => entry.path === '/hooks/regulators')).toHaveLength(1);
    expect(received.filter((entry) => entry.path === '/hooks/incidents')).toHaveLength(0);
    expect(await deliveries(webhooks.incidents?.id ?? '')).toEqual([]);
    const [delivery] = await deliveries(webhooks.regulators?.id ?? '');
    expect(delivery).toMatchObject({ status: 'delivered', eventType: 'story.created', nextAttemptAt: null });
    expect(delivery?.attempts.map((attempt) => attempt.statusCode)).toEqual([200]);
    expect(delivery?.messageId).toBe(request.headers['webhook-id']);
  });

  it('a rerun of the dispatcher, even from the start, creates no second delivery', async () => {
    const id = webhooks.regulators?.id ?? '';
    const before = await deliveries(id);
    expect((await dispatchWebhookEvents(pipeline.db, log)).deliveries).toBe(0);
    await pipeline.db.execute(
      sql`update webhooks set cursor_updated_at = created_at, cursor_story_id = 0 where id = ${id}::bigint`,
    );
    expect((await dispatchWebhookEvents(pipeline.db, log)).deliveries).toBe(0);
    expect(await deliveries(id)).toEqual(before);
  });

  it('a story rewritten with nothing changed is not delivered again', async () => {
    const id = webhooks.regulators?.id ?? '';
    const before = await deliveries(id);
    await pipeline.db.execute(sql`update stories set updated_at = now()`);
    await waitFor(
      async () => {
        await tick();
        const cursor = await pipeline.db.execute<{ behind: boolean }>(
          sql`select cursor_updated_at < (select max(updated_at) from stories) as behind from webhooks where id = ${id}::bigint`,
        );
        return cursor.rows[0]?.behind === false;
      },
      { what: 'the cursor to pass the rewritten stories' },
    );
    expect(await deliveries(id)).toEqual(before);
  });

  it('a changed story is delivered as story.updated', async () => {
    pipeline.serve('ico', [
      {
        ...entry('ico', 'ICO fines Kettleworks £2m over leaked customer records', 'x'),
        guid: 'ico-1',
        link: 'https://ico.example/a/1',
        published: new Date(Date.UTC(2026, 10, 1)).toISOString(),
        title: 'ICO fines Kettleworks £2.5m over leaked customer records',
      },
    ]);
    await pipeline.poll('ico');
    const requests = await ticksUntil('/hooks/regulators', 2);
    const payload = new Webhook(webhooks.regulators?.secret ?? '').verify(
      requests[1]?.body ?? '',
      requests[1]?.headers ?? {},
    ) as { type: string; data: { story: { title: string } } };
    expect(payload.type).toBe('story.updated');
    expect(payload.data.story.title).toBe('ICO fines Kettleworks £2.5m over leaked customer records');
  });

  it('a 500 then a 200 is retried with the same webhook-id and delivered once, attempts listed', async () => {
    const response = await register(keyA, { url: `${receiver.url}/hooks/flaky`, filter: { source: 'wire' } });
    expect(response.statusCode, response.body).toBe(201);
    const flaky = response.json<{ id: string; secret: string }>();
    scripted.set('/hooks/flaky', [500]);
    pipeline.serve('wire', [
      entry('wire', 'Breach at Orvanta exposes 40,000 patient files', 'Orvanta confirmed a breach of patient files.'),
    ]);
    await pipeline.poll('wire');
    const requests = await ticksUntil('/hooks/flaky', 2);
    expect(requests.map((request) => request.status)).toEqual([500, 200]);
    expect(requests[0]?.headers['webhook-id']).toBe(requests[1]?.headers['webhook-id']);
    for (const request of requests)
      expect(() => new Webhook(flaky.secret).verify(request.body, request.headers)).not.toThrow();
    await tick();
    expect(received.filter((request) => request.path === '/hooks/flaky')).toHaveLength(2);
    const [delivery] = await deliveries(flaky.id);
    expect(delivery).toMatchObject({ status: 'delivered', nextAttemptAt: null });
    expect(delivery?.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 200]);
    const shown = await api.app.inject({ url: `/v1/webhooks/${flaky.id}`, headers: bearer(keyA) });
    expect(shown.json()).toMatchObject({ status: 'active', consecutiveFailures: 0 });
  });

  it('a 410 Gone disables the webhook, visible in GET', async () => {
    const response = await register(keyA, { url: `${receiver.url}/hooks/gone`, filter: { source: 'wire' } });
    const gone = response.json<{ id: string }>();
    scripted.set('/hooks/gone', [410]);
    pipeline.serve('wire', [
      entry('wire', 'Court halts Velmora facial recognition rollout', 'A court halted the rollout.'),
    ]);
    await pipeline.poll('wire');
    await ticksUntil('/hooks/gone', 1);
    const shown = await api.app.inject({ url: `/v1/webhooks/${gone.id}`, headers: bearer(keyA) });
    expect(shown.json()).toMatchObject({ status: 'disabled', disabledReason: 'the receiver answered 410 Gone' });
    const [delivery] = await deliveries(gone.id);
    expect(delivery).toMatchObject({ status: 'failed', nextAttemptAt: null });
    expect(delivery?.attempts.map((attempt) => attempt.statusCode)).toEqual([410]);
    // Disabled: nothing more is sent to it.
    pipeline.serve('wire', [entry('wire', 'Regulator opens probe into Quillspark ad tracking', 'A probe opens.')]);
    await pipeline.poll('wire');
    await ticksUntil('/hooks/flaky', 3);
    expect(received.filter((request) => request.path === '/hooks/gone')).toHaveLength(1);
  });

  it('gives up after the last attempt, disables after failures in a row, records a timeout in one line', async () => {
    receiver.route('/hooks/down', (_request, response) => {
      received.push({ path: '/hooks/down', headers: {}, body: '', status: 503 });
      response.writeHead(503).end();
    });
    // Another origin: the fetcher's 2 connections per host would otherwise queue /hooks/down behind it.
    const silent = await startFixtureServer();
    silent.route('/hooks/slow', () => undefined); // never answers
    const ids: string[] = [];
    for (const url of [`${receiver.url}/hooks/down`, `${silent.url}/hooks/slow`]) {
      const response = await register(keyA, { url, filter: { source: 'wire' } });
      ids.push(response.json<{ id: string }>().id);
    }
    pipeline.serve('wire', [
      entry('wire', 'Harbourline fined for tracking riders without consent', 'Harbourline was fined.'),
      entry('wire', 'Data broker Ostrava Lists ordered to delete profiles', 'Ostrava Lists must delete profiles.'),
    ]);
    await pipeline.poll('wire');
    const strict = { ...config, WEBHOOK_MAX_ATTEMPTS: 2, WEBHOOK_DISABLE_AFTER_FAILURES: 3, WEBHOOK_TIMEOUT_MS: 300 };
    const shown = async (id: string) =>
      (await api.app.inject({ url: `/v1/webhooks/${id}`, headers: bearer(keyA) })).json<{
        status: string;
        disabledReason: string | null;
      }>();
    await waitFor(
      async () => {
        await runWebhookTick({ config: strict, db: pipeline.db, dispatcher, log });
        return (await Promise.all(ids.map(shown))).every((webhook) => webhook.status === 'disabled');
      },
      { what: 'both failing webhooks disabled' },
    );
    for (const id of ids) {
      expect(await shown(id)).toMatchObject({ disabledReason: '3 attempts failed in a row' });
      const listed = await deliveries(id);
      expect(listed.map((delivery) => delivery.status)).toEqual(['failed', 'failed']);
      const attempts = listed.flatMap((delivery) => delivery.attempts);
      // Disabled at the third failure in a row; an attempt already in flight then still ends (4 at most).
      expect(attempts.length).toBeGreaterThanOrEqual(3);
      // No delivery was tried more than WEBHOOK_MAX_ATTEMPTS times.
      for (const delivery of listed) expect(delivery.attempts.length).toBeLessThanOrEqual(2);
    }
    const [down, slow] = await Promise.all(ids.map((id) => deliveries(id)));
    const downStatuses = down?.flatMap((delivery) => delivery.attempts.map((attempt) => attempt.statusCode));
    expect(new Set(downStatuses)).toEqual(new Set([503]));
    for (const attempt of slow?.flatMap((delivery) => delivery.attempts) ?? []) {
      expect(attempt).toMatchObject({ statusCode: null, error: 'fetch_timeout: no complete response within 300 ms' });
    }
    await silent.close();
  });

  it('refuses hostile URLs at registration with one line each', async () => {
    const cases: [typeof api, string, RegExp][] = [
      [api, 'http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254.*public addresses only/],
      [strictApi, 'http://127.0.0.1:9/hook', /127\.0\.0\.1.*public addresses only/],
      [strictApi, 'http://[::1]:9/hook', /::1.*public addresses only/],
      [api, 'file:///etc/passwd', /must be an http or https URL, not file:/],
      [api, 'https://user:pass@partner.example/hook', /must not carry a user name or password/],
    ];
    for (const [app, url, message] of cases) {
      const response = await register(keyA, { url }, app);
      expect(response.statusCode, url).toBe(400);
      const error = response.json<{ error: { code: string; message: string } }>().error;
      expect(error.code).toBe('invalid_parameter');
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
    }
    const badFilter = await register(keyA, { url: `${receiver.url}/hooks/x`, filter: { jurisdiction: 'UK' } });
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().error.message).toMatch(/^body field "filter.jurisdiction"/);
  });

  it('another key cannot see or delete a webhook; anonymous callers get 401', async () => {
    const id = webhooks.regulators?.id ?? '';
    const listed = await api.app.inject({ url: '/v1/webhooks', headers: bearer(keyB) });
    expect(listed.json()).toEqual({ webhooks: [] });
    for (const [method, url] of [
      ['GET', `/v1/webhooks/${id}`],
      ['GET', `/v1/webhooks/${id}/deliveries`],
      ['DELETE', `/v1/webhooks/${id}`],
    ] as const) {
      const response = await api.app.inject({ method, url, headers: bearer(keyB) });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    // With the instance's response cache on (by URL), one key's list is never served to another.
    const cached = await buildTestApp(pipeline.test.database, { config: { API_RESPONSE_CACHE_SECONDS: 60 } });
    try {
      const first = await cached.app.inject({ url: '/v1/webhooks', headers: bearer(keyA) });
      expect(first.json<{ webhooks: unknown[] }>().webhooks.length).toBeGreaterThan(0);
      const second = await cached.app.inject({ url: '/v1/webhooks', headers: bearer(keyB) });
      expect(second.json()).toEqual({ webhooks: [] });
      expect(second.headers.etag).toBeUndefined();
    } finally {
      await cached.close();
    }
    const anonymous = await api.app.inject({ url: '/v1/webhooks' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="regwatch"');
    const deleted = await api.app.inject({ method: 'DELETE', url: `/v1/webhooks/${id}`, headers: bearer(keyA) });
    expect(deleted.statusCode).toBe(204);
    const after = await api.app.inject({ url: `/v1/webhooks/${id}`, headers: bearer(keyA) });
    expect(after.statusCode).toBe(404);
  });

  it('revoking a key disables its webhooks: nothing more is sent to them', async () => {
    const response = await register(keyB, { url: `${receiver.url}/hooks/revoked`, filter: { source: 'wire' } });
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json<{ id: string }>();
    await revokeApiKey(pipeline.db, { id: keyBId }, new Date());
    const row = await pipeline.db.execute<{ status: string; disabled_reason: string }>(
      sql`select status, disabled_reason from webhooks where id = ${id}::bigint`,
    );
    expect(row.rows[0]).toEqual({ status: 'disabled', disabled_reason: 'its API key was revoked' });
    pipeline.serve('wire', [entry('wire', 'Watchdog fines Brightmoor over spam calls', 'Brightmoor was fined.')]);
    await pipeline.poll('wire');
    const before = received.filter((request) => request.path === '/hooks/flaky').length;
    await ticksUntil('/hooks/flaky', before + 1);
    expect(received.filter((request) => request.path === '/hooks/revoked')).toHaveLength(0);

    // A pending delivery of a disabled webhook (a race with disabling) first in the due index
    // is failed by the claim that finds it, and sending goes on behind it.
    await pipeline.db.execute(sql`
      insert into webhook_deliveries (webhook_id, story_id, story_version, event_type, message_id, payload, next_attempt_at)
      select ${id}::bigint, id, updated_at, 'story.updated', 'msg_orphan', '{}'::jsonb, now() - interval '1 day'
      from stories order by id limit 1`);
    pipeline.serve('wire', [entry('wire', 'Court orders Pellucid to stop selling location data', 'A court order.')]);
    await pipeline.poll('wire');
    await ticksUntil('/hooks/flaky', before + 2);
    const orphan = await pipeline.db.execute<{ status: string }>(
      sql`select status from webhook_deliveries where message_id = 'msg_orphan'`,
    );
    expect(orphan.rows[0]?.status).toBe('failed');
    expect(received.filter((request) => request.path === '/hooks/revoked')).toHaveLength(0);
  });
});
