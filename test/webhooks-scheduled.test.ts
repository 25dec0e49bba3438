import { type Running, startParts } from '@regwatch/cli';
import { allConfigFields, loadConfig } from '@regwatch/config';
import { createRedis } from '@regwatch/queue';
import {
  createTestDatabase,
  deletePrefix,
  type FixtureServer,
  feedHandler,
  feedItemTitle,
  rssFeed,
  startFixtureServer,
  type TestDatabase,
  testEnv,
  testRedisUrl,
  uniquePrefix,
  waitFor,
} from '@regwatch/testing';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKey } from '../services/api/test/keys.ts';
import { runCli } from './support/cli.ts';

// Issue 16: the webhooks tick as `regwatch start` runs it: a job scheduler in the ingest's worker
// registry, no test calling the dispatcher. Redis carries the tick, never a URL or a secret.
let test: TestDatabase;
let feeds: FixtureServer;
let receiver: FixtureServer;
let running: Running;
let env: NodeJS.ProcessEnv;
const prefix = uniquePrefix('e2ehooks');
const received: { headers: Record<string, string>; body: string }[] = [];

beforeAll(async () => {
  test = await createTestDatabase('e2ehooks');
  feeds = await startFixtureServer();
  feeds.route(
    '/feed.xml',
    feedHandler(() => rssFeed({ count: 1 })),
  );
  receiver = await startFixtureServer();
  receiver.route('/hook', async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    received.push({
      headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)])),
      body: Buffer.concat(chunks).toString('utf8'),
    });
    response.writeHead(204).end();
  });
  env = testEnv({ databaseUrl: test.url, prefix, extra: { WEBHOOK_DISPATCH_EVERY_MS: '200' } });
  running = await startParts(loadConfig(allConfigFields, env), ['api', 'ingest'], { migrate: false });
});
afterAll(async () => {
  await running?.stop();
  await feeds?.close();
  await receiver?.close();
  await deletePrefix(prefix);
  await test?.drop();
});

/** Every value under the test's Redis prefix, as text. */
async function redisText(): Promise<string> {
  const redis = createRedis(testRedisUrl, 'worker');
  try {
    const values: string[] = [];
    for (const key of await redis.keys(`${prefix}*`)) {
      const type = await redis.type(key);
      values.push(key);
      if (type === 'string') values.push((await redis.get(key)) ?? '');
      else if (type === 'hash') values.push(...Object.values(await redis.hgetall(key)));
      else if (type === 'list') values.push(...(await redis.lrange(key, 0, -1)));
      else if (type === 'zset' || type === 'set')
        values.push(...(type === 'zset' ? await redis.zrange(key, 0, -1) : await redis.smembers(key)));
      else if (type === 'stream') values.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    }
    return values.join('\n');
  } finally {
    redis.disconnect();
  }
}

describe('issue 16: webhooks under `regwatch start`', () => {
  it('a story from a polled feed reaches a registered receiver, signed, with nothing of the webhook in Redis', async () => {
    const key = (await createTestKey(test.database.db)).key;
    const registered = await fetch(`${running.api?.url}/v1/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${receiver.url}/hook`, filter: { jurisdiction: 'GB' } }),
    });
    expect(registered.status).toBe(201);
    const { secret } = (await registered.json()) as { secret: string };
    const added = await runCli(
      ['sources', 'add', '--id', 'local', '--url', `${feeds.url}/feed.xml`, '--name', 'Local', '--jurisdiction', 'GB'],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    const [delivery] = await waitFor(() => (received.length > 0 ? received : undefined), {
      what: 'a delivery to the receiver',
    });
    const event = new Webhook(secret).verify(delivery?.body ?? '', delivery?.headers ?? {}) as {
      type: string;
      data: { story: { title: string; jurisdictions: string[] } };
    };
    expect(event.type).toBe('story.created');
    expect(event.data.story).toMatchObject({ title: feedItemTitle(1), jurisdictions: ['GB'] });
    const stored = await redisText();
    expect(stored).toContain('webhooks-tick');
    expect(stored).not.toContain(secret.slice('whsec_'.length, 20));
    expect(stored).not.toContain(receiver.url.replace('http://', ''));
  });
});
