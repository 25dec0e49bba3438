import { createRedis, createRoundupQueue, waitForRedis } from '@regwatch/queue';
import { createTestDatabase, type TestDatabase, testRedisUrl } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestAppOptions } from './build.ts';
import { subscriberByEmail, subscriberRows, testRoundupSecret } from './roundup-fixtures.ts';

// Issue 13: POST /v1/subscriptions and POST /subscribe.
let test: TestDatabase;
let redis: Redis;
const apps: Awaited<ReturnType<typeof buildTestApp>>[] = [];

beforeAll(async () => {
  test = await createTestDatabase('apisubscriptions');
  redis = createRedis(testRedisUrl, 'client');
  await waitForRedis(redis);
});
afterAll(async () => {
  for (const api of apps) await api.close();
  redis.disconnect();
  await test.drop();
});

async function app(config: TestAppOptions['config'] = {}) {
  const api = await buildTestApp(test.database, {
    config: {
      ROUNDUP_SECRET: testRoundupSecret,
      SUBSCRIBE_CLIENT_RATE: 1_000,
      SUBSCRIBE_DOMAIN_RATE: 1_000,
      ...config,
    },
  });
  apps.push(api);
  return api;
}

const signUp = (api: Awaited<ReturnType<typeof app>>, body: unknown, remoteAddress = '192.0.2.10') =>
  api.app.inject({ method: 'POST', url: '/v1/subscriptions', payload: body as object, remoteAddress });

const accepted = {
  status: 'pending',
  message: 'If this address can subscribe, a confirmation email is on its way. Nothing is sent until it is confirmed.',
};

describe('POST /v1/subscriptions', () => {
  it('answers 202 and the same body for a new, pending, active and unsubscribed address', async () => {
    const api = await app();
    const answers: unknown[] = [];
    const record = async (body: unknown) => {
      const response = await signUp(api, body);
      answers.push([response.statusCode, response.json()]);
    };

    await record({ email: '  Ann.Smith@Example.ORG ', jurisdiction: 'ie,GB', topic: 'enforcement' });
    const created = await subscriberByEmail(test.database.db, 'ann.smith@example.org');
    // Trimmed, the domain lower-cased, the local part as given; preferences in one spelling.
    expect(created.email).toBe('Ann.Smith@example.org');
    expect(created).toMatchObject({ status: 'pending', preferences: { jurisdiction: 'GB,IE', topic: 'enforcement' } });
    expect(created.confirmation_requested_at).not.toBeNull();

    // Pending: preferences replaced, a confirmation asked for again, links kept.
    await record({ email: 'ann.smith@example.org', platform: 'linkedin' });
    const pending = await subscriberByEmail(test.database.db, 'ann.smith@example.org');
    expect(pending).toMatchObject({ id: created.id, status: 'pending', preferences: { platform: 'linkedin' } });
    expect(pending.confirmation_requested_at?.getTime()).toBeGreaterThanOrEqual(
      created.confirmation_requested_at?.getTime() ?? 0,
    );
    expect(pending.tokens_valid_after).toEqual(created.tokens_valid_after);

    // Active: nothing changes.
    await test.database.db.execute(sql`update subscribers set status = 'active' where id = ${created.id}::bigint`);
    const before = await subscriberByEmail(test.database.db, 'ann.smith@example.org');
    await record({ email: 'ANN.SMITH@example.org', topic: 'children' });
    expect(await subscriberByEmail(test.database.db, 'ann.smith@example.org')).toEqual(before);

    // Unsubscribed: back to pending with the new choices; links sent before die.
    await test.database.db.execute(
      sql`update subscribers set status = 'unsubscribed', tokens_valid_after = now() - interval '1 day' where id = ${created.id}::bigint`,
    );
    const left = await subscriberByEmail(test.database.db, 'ann.smith@example.org');
    await record({ email: 'ann.smith@example.org', kind: 'regulator' });
    const back = await subscriberByEmail(test.database.db, 'ann.smith@example.org');
    expect(back).toMatchObject({ id: created.id, status: 'pending', preferences: { kind: 'regulator' } });
    expect(back.tokens_valid_after.getTime()).toBeGreaterThan(left.tokens_valid_after.getTime());

    expect(answers).toEqual(Array.from({ length: 4 }, () => [202, accepted]));
    expect((await subscriberRows(test.database.db)).filter((row) => row.id === created.id)).toHaveLength(1);
  });

  it('adds a confirm job naming the subscriber by id only, and no address anywhere in Redis', async () => {
    const api = await app();
    const email = 'jobs.check@mailbomb-target.example';
    expect((await signUp(api, { email })).statusCode).toBe(202);
    const { id } = await subscriberByEmail(test.database.db, email);
    const queue = createRoundupQueue({ connection: redis, prefix: api.config.QUEUE_PREFIX });
    try {
      const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
      expect(jobs.map((job) => job.data)).toEqual([{ task: 'confirm', subscriberId: id }]);
      expect(jobs[0]?.id).toMatch(new RegExp(`^confirm-${id}-\\d+$`));
    } finally {
      await queue.close();
    }
    // Every key and value under this app's prefix (the job, its lists, the rate-limit counters).
    const keys = await redis.keys(`${api.config.QUEUE_PREFIX}*`);
    expect(keys.length).toBeGreaterThan(0);
    let everything = keys.join('\n');
    for (const key of keys) {
      const type = await redis.type(key);
      if (type === 'string') everything += await redis.get(key);
      if (type === 'hash') everything += JSON.stringify(await redis.hgetall(key));
      if (type === 'list') everything += (await redis.lrange(key, 0, -1)).join();
      if (type === 'zset') everything += (await redis.zrange(key, 0, -1)).join();
      if (type === 'stream') everything += JSON.stringify(await redis.xrange(key, '-', '+'));
    }
    // The job's data is there (the search would find an address), but no address is.
    expect(everything).toContain(`\\"subscriberId\\":\\"${id}\\"`);
    expect(everything).not.toContain('jobs.check');
    expect(everything).not.toContain('mailbomb-target');
  });

  it('adds no job for an active address', async () => {
    const api = await app();
    const email = 'already.active@example.net';
    await signUp(api, { email });
    await test.database.db.execute(sql`update subscribers set status = 'active' where lower(email) = ${email}`);
    const queue = createRoundupQueue({ connection: redis, prefix: api.config.QUEUE_PREFIX });
    try {
      await queue.obliterate({ force: true });
      expect((await signUp(api, { email })).statusCode).toBe(202);
      expect(await queue.getJobCounts('waiting', 'delayed', 'prioritized')).toEqual({
        waiting: 0,
        delayed: 0,
        prioritized: 0,
      });
    } finally {
      await queue.close();
    }
  });

  it('refuses a malformed address or filter value with 400 and one line', async () => {
    const api = await app();
    const cases: [unknown, RegExp][] = [
      [{ email: 'not-an-address' }, /^"email" is not an email address/],
      [{ email: 'a@b' }, /^"email" is not an email address/],
      [{ email: 'line\nbreak@example.org' }, /^"email" is not an email address/],
      [{ email: `${'a'.repeat(250)}@example.org` }, /^"email" is not an email address/],
      [{ email: 'x@example.org', jurisdiction: 'UK' }, /^body field "jurisdiction" /],
      [{ email: 'x@example.org', platform: 'no-such-platform' }, /^body field "platform" names an unknown platform/],
      [
        { email: 'x@example.org', colour: 'blue' },
        /^unknown body field "colour"; accepted: email, expand, jurisdiction, kind, platform, topic$/,
      ],
      [{}, /"email"/],
    ];
    for (const [body, message] of cases) {
      const response = await signUp(api, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('invalid_parameter');
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
    }
    expect(await subscriberRows(test.database.db)).not.toContainEqual(
      expect.objectContaining({ email: 'x@example.org' }),
    );
  });

  it('answers 503 when ROUNDUP_SECRET is empty, and stores nothing', async () => {
    const api = await app({ ROUNDUP_SECRET: '' });
    const response = await signUp(api, { email: 'closed@example.org' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: { code: 'unavailable', message: 'sign-ups are not open on this instance' },
    });
    const form = await api.app.inject({ url: '/subscribe' });
    expect(form.statusCode).toBe(503);
    expect(form.body).toContain('sign-ups are not open on this instance');
    expect(await subscriberRows(test.database.db)).not.toContainEqual(
      expect.objectContaining({ email: 'closed@example.org' }),
    );
  });
});

describe('access', () => {
  it('is a /v1 route like the others: a key is needed when anonymous access is off, never on the form', async () => {
    const api = await app({ API_ANONYMOUS_ACCESS: false });
    expect((await signUp(api, { email: 'keyless@example.org' })).statusCode).toBe(401);
    const form = await api.app.inject({
      method: 'POST',
      url: '/subscribe',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=keyless%40example.org',
    });
    expect(form.statusCode).toBe(202);
  });
});

describe('with Redis down', () => {
  it('still signs up (the row alone is enough) with the same answer, unlimited as the other limits are', async () => {
    const api = await buildTestApp(test.database, {
      redisUrl: 'redis://127.0.0.1:1',
      config: { ROUNDUP_SECRET: testRoundupSecret, SUBSCRIBE_CLIENT_RATE: 1 },
    });
    apps.push(api);
    for (const email of ['redis.down1@example.org', 'redis.down2@example.org']) {
      const response = await signUp(api, { email });
      expect(response.statusCode, email).toBe(202);
      expect(response.json()).toEqual(accepted);
      expect(await subscriberByEmail(test.database.db, email)).toMatchObject({ status: 'pending' });
    }
  });
});

describe('sign-up limits', () => {
  it('allow SUBSCRIBE_CLIENT_RATE sign-ups per client address an hour, then 429 with Retry-After', async () => {
    const api = await app({ SUBSCRIBE_CLIENT_RATE: 2 });
    expect((await signUp(api, { email: 'c1@one.example' }, '198.51.100.1')).statusCode).toBe(202);
    expect((await signUp(api, { email: 'c2@two.example' }, '198.51.100.1')).statusCode).toBe(202);
    const limited = await signUp(api, { email: 'c3@three.example' }, '198.51.100.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: expect.stringMatching(/^too many sign-ups from this address; retry in \d+ minutes$/),
      },
    });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(60);
    expect(retryAfter).toBeLessThanOrEqual(3_600);
    expect(await subscriberRows(test.database.db)).not.toContainEqual(
      expect.objectContaining({ email: 'c3@three.example' }),
    );
    // Another client is not limited by it.
    expect((await signUp(api, { email: 'c3@three.example' }, '198.51.100.2')).statusCode).toBe(202);
  });

  it('allow SUBSCRIBE_DOMAIN_RATE sign-ups per mail domain an hour from all clients, then 429', async () => {
    const api = await app({ SUBSCRIBE_DOMAIN_RATE: 2 });
    expect((await signUp(api, { email: 'd1@victim.example' }, '203.0.113.1')).statusCode).toBe(202);
    expect((await signUp(api, { email: 'd2@VICTIM.example' }, '203.0.113.2')).statusCode).toBe(202);
    const limited = await signUp(api, { email: 'd3@victim.example' }, '203.0.113.3');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toMatch(/^too many sign-ups for addresses at this mail domain; retry in/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signUp(api, { email: 'd3@elsewhere.example' }, '203.0.113.3')).statusCode).toBe(202);
  });

  it('limit the form too, as a page', async () => {
    const api = await app({ SUBSCRIBE_CLIENT_RATE: 1 });
    const post = (email: string) =>
      api.app.inject({
        method: 'POST',
        url: '/subscribe',
        remoteAddress: '198.51.100.9',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ email }).toString(),
      });
    expect((await post('f1@form.example')).statusCode).toBe(202);
    const limited = await post('f2@form.example');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^text\/html/);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.body).toContain('too many sign-ups from this address');
  });
});

describe('POST /subscribe (the form)', () => {
  it('signs up with repeated fields joined into the filter language, answering the check-your-inbox page', async () => {
    const api = await app();
    const form = new URLSearchParams();
    form.append('email', 'form.user@example.com');
    form.append('jurisdiction', 'FR');
    form.append('jurisdiction', 'EU');
    form.append('expand', 'true');
    form.append('topic', 'children');
    form.append('topic', 'ai');
    const response = await api.app.inject({
      method: 'POST',
      url: '/subscribe',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form.toString(),
    });
    expect(response.statusCode).toBe(202);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('Check your inbox');
    expect(response.body).toContain(accepted.message);
    expect(await subscriberByEmail(test.database.db, 'form.user@example.com')).toMatchObject({
      status: 'pending',
      preferences: { jurisdiction: 'EU,FR', expand: true, topic: 'ai,children' },
    });
  });

  it('shows the form again with the problem and what was entered on a bad address', async () => {
    const api = await app();
    const response = await api.app.inject({
      method: 'POST',
      url: '/subscribe',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=nobody&topic=ai',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('role="alert"');
    expect(response.body).toContain('is not an email address');
    expect(response.body).toContain('value="nobody"');
    expect(response.body).toMatch(/id="topic-ai" name="topic" value="ai" checked/);
  });
});
