import { signRoundupToken, type TokenPurpose } from '@regwatch/core';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';
import { editionContent, storeEdition, subscriberByEmail, testRoundupSecret } from './roundup-fixtures.ts';

// Issue 13: the confirm, manage and unsubscribe pages reached by the emails' signed links.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  test = await createTestDatabase('apisubpages');
  api = await buildTestApp(test.database, {
    config: { ROUNDUP_SECRET: testRoundupSecret, SUBSCRIBE_CLIENT_RATE: 1_000, SUBSCRIBE_DOMAIN_RATE: 1_000 },
  });
});
afterAll(async () => {
  await api.close();
  await test.drop();
});

let counter = 0;
/** A subscriber signed up through the API, in `status`. */
async function subscriber(status: 'pending' | 'active' = 'pending', preferences: Record<string, unknown> = {}) {
  counter += 1;
  const email = `page.user${counter}@example.org`;
  const response = await api.app.inject({
    method: 'POST',
    url: '/v1/subscriptions',
    payload: { email, ...preferences },
  });
  expect(response.statusCode).toBe(202);
  const row = await subscriberByEmail(test.database.db, email);
  if (status === 'active') await setStatus(row.id, 'active');
  return row.id;
}

const setStatus = (id: string, status: string) =>
  test.database.db.execute(sql`update subscribers set status = ${status} where id = ${id}::bigint`);
const statusOf = async (id: string) => {
  const result = await test.database.db.execute<{ status: string }>(
    sql`select status from subscribers where id = ${id}::bigint`,
  );
  return result.rows[0]?.status;
};

function link(purpose: TokenPurpose, subscriberId: string, options: { issuedAt?: number; secret?: string } = {}) {
  const token = signRoundupToken(options.secret ?? testRoundupSecret, {
    subscriberId,
    purpose,
    issuedAt: options.issuedAt ?? Date.now(),
  });
  return `/subscriptions/${purpose}?token=${encodeURIComponent(token)}`;
}

/** Every form control (but buttons and hidden fields) has a `<label for>` naming its id; the page has one `<main>`. */
function expectAccessiblePage(body: string) {
  expect(body).toMatch(/^<!doctype html>\n<html lang="en">/);
  expect(body.match(/<main>/g)).toHaveLength(1);
  const controls = [...body.matchAll(/<(input|select|textarea)\b([^>]*)>/g)].filter(
    ([, , attributes]) => !/type="(hidden|submit)"/.test(attributes ?? ''),
  );
  for (const [control, , attributes] of controls) {
    const id = /\bid="([^"]+)"/.exec(attributes ?? '')?.[1];
    expect(id, control).toBeDefined();
    expect(body, control).toContain(`<label for="${id}">`);
  }
  expect(Buffer.byteLength(body)).toBeLessThan(100 * 1024);
  return controls.length;
}

describe('the pages', () => {
  it('have a label for every control, a <main>, a CSP allowing only their own style, and stay under 100 KB', async () => {
    await storeEdition(test.database.db, editionContent('2024-W38'));
    const id = await subscriber('active');
    const pages = ['/subscribe', link('confirm', await subscriber()), link('manage', id), link('unsubscribe', id)];
    for (const url of pages) {
      const page = await api.app.inject(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control'], url).toBe('no-store');
      const csp = String(page.headers['content-security-policy']);
      expect(csp, url).toMatch(/^default-src 'none';style-src 'sha256-[A-Za-z0-9+/]+=*';form-action 'self'/);
      expect(csp, url).not.toContain('unsafe');
      expect(page.body, url).not.toContain('<script');
      expectAccessiblePage(page.body);
    }
    const form = await api.app.inject('/subscribe');
    expect(expectAccessiblePage(form.body)).toBeGreaterThan(20);
    expect(form.body).toContain('<option value="GB">United Kingdom (GB)</option>');
    expect(form.body).toContain('name="kind" value="regulator"');
  });
});

describe('confirming', () => {
  it('GET shows a button and changes nothing; POST confirms; a second POST answers "already confirmed"', async () => {
    const id = await subscriber();
    const url = link('confirm', id);
    const page = await api.app.inject(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post" action="/subscriptions/confirm?token=');
    expect(page.body).toContain('Confirm my subscription</button>');
    expect(await statusOf(id)).toBe('pending');

    const confirmed = await api.app.inject({ method: 'POST', url });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('Subscription confirmed');
    expect(confirmed.body).toMatch(/href="\/subscriptions\/manage\?token=manage\./);
    expect(await statusOf(id)).toBe('active');

    const again = await api.app.inject({ method: 'POST', url });
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Already confirmed');
    expect(await statusOf(id)).toBe('active');
  });

  it('refuses an expired, forged or other-purpose token, and one of an erased subscriber, changing nothing', async () => {
    const id = await subscriber();
    const eightDaysAgo = Date.now() - 8 * 24 * 60 * 60 * 1_000;
    // The row's links must predate the expired token for it to be judged by its age alone.
    await test.database.db.execute(
      sql`update subscribers set tokens_valid_after = now() - interval '9 days' where id = ${id}::bigint`,
    );
    const refused = [
      link('confirm', id, { issuedAt: eightDaysAgo }),
      link('confirm', id, { secret: 'another-secret-of-at-least-32-characters' }),
      link('manage', id).replace('/manage?', '/confirm?'),
      link('unsubscribe', id).replace('/unsubscribe?', '/confirm?'),
      '/subscriptions/confirm?token=confirm.1.abc.AAAA',
      '/subscriptions/confirm',
      link('confirm', '999999'),
    ];
    for (const url of refused) {
      for (const method of ['GET', 'POST'] as const) {
        const response = await api.app.inject({ method, url });
        expect(response.statusCode, `${method} ${url}`).toBe(400);
        expect(response.body).toContain('This link has expired: sign up again at http://localhost:80/subscribe');
        expectAccessiblePage(response.body);
      }
    }
    expect(await statusOf(id)).toBe('pending');
  });

  it('kills the links sent before an unsubscribed address signs up again', async () => {
    const id = await subscriber('active');
    await test.database.db.execute(
      sql`update subscribers set tokens_valid_after = now() - interval '1 day' where id = ${id}::bigint`,
    );
    const oldManage = link('manage', id, { issuedAt: Date.now() - 60_000 });
    expect((await api.app.inject(oldManage)).statusCode).toBe(200);
    await setStatus(id, 'unsubscribed');
    const response = await api.app.inject({
      method: 'POST',
      url: '/v1/subscriptions',
      payload: { email: (await emailOf(id)) ?? '' },
    });
    expect(response.statusCode).toBe(202);
    expect((await api.app.inject(oldManage)).statusCode).toBe(400);
  });
});

async function emailOf(id: string) {
  const result = await test.database.db.execute<{ email: string }>(
    sql`select email from subscribers where id = ${id}::bigint`,
  );
  return result.rows[0]?.email;
}

describe('managing', () => {
  it('shows the choices pre-filled and what the latest edition would have held', async () => {
    await storeEdition(test.database.db, editionContent('2024-W39'));
    const id = await subscriber('active', { jurisdiction: 'GB', topic: 'enforcement' });
    const page = await api.app.inject(link('manage', id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<option value="GB" selected>United Kingdom (GB)</option>');
    expect(page.body).toContain('id="topic-enforcement" name="topic" value="enforcement" checked');
    expect(page.body).toContain('What the latest edition would have held for you');
    expect(page.body).toContain('of <a href="/roundups/2024-W39">2024-W39</a>');
    expect(page.body).toContain('ICO fines a retailer');
    expect(page.body).not.toContain('LinkedIn and the DPC');
    expect(page.body).toMatch(/<form method="post" action="\/subscriptions\/unsubscribe\?token=unsubscribe\./);
  });

  it('saves on POST and shows the same page with a "saved" notice', async () => {
    const id = await subscriber('active', { topic: 'enforcement' });
    const url = link('manage', id);
    const saved = await api.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'platform=linkedin&kind=press',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('Saved: from the next edition you receive LinkedIn · Trade press.');
    expect(saved.body).toContain('<option value="linkedin" selected>LinkedIn</option>');
    expect(saved.body).toContain('LinkedIn and the DPC');
    const result = await test.database.db.execute<{ preferences: unknown }>(
      sql`select preferences from subscribers where id = ${id}::bigint`,
    );
    expect(result.rows[0]?.preferences).toEqual({ platform: 'linkedin', kind: 'press' });

    const bad = await api.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'jurisdiction=UK',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('form field &quot;jurisdiction&quot;');
  });

  it('says when no edition matched, and tells an unsubscribed subscriber to sign up again', async () => {
    const id = await subscriber('active', { platform: 'tiktok' });
    const page = await api.app.inject(link('manage', id));
    expect(page.body).toMatch(/Nothing in the latest edition \(<a href="\/roundups\/2024-W\d\d">/);
    await setStatus(id, 'unsubscribed');
    const ended = await api.app.inject(link('manage', id));
    expect(ended.body).toContain('This subscription has ended');
  });
});

describe('unsubscribing', () => {
  it('GET shows a button and changes nothing', async () => {
    const id = await subscriber('active');
    const page = await api.app.inject(link('unsubscribe', id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Unsubscribe</button>');
    expect(await statusOf(id)).toBe('active');
  });

  it('POST without cookies unsubscribes at once, whatever the body, and again answers the same', async () => {
    const id = await subscriber('active');
    const url = link('unsubscribe', id);
    // RFC 8058's one-click POST, as a mail client sends it: no cookie, no CSRF token.
    const first = await api.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('You are unsubscribed');
    expect(first.headers['set-cookie']).toBeUndefined();
    expect(await statusOf(id)).toBe('unsubscribed');
    const multipart = await api.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
    });
    expect(multipart.statusCode).toBe(200);
    expect(multipart.body).toBe(first.body);
    const bare = await api.app.inject({ method: 'POST', url });
    expect(bare.statusCode).toBe(200);
    expect(await statusOf(id)).toBe('unsubscribed');
  });

  it('refuses a forged or other-purpose token, changing nothing', async () => {
    const id = await subscriber('active');
    for (const url of [
      link('unsubscribe', id, { secret: 'another-secret-of-at-least-32-characters' }),
      link('manage', id).replace('/manage?', '/unsubscribe?'),
    ]) {
      const response = await api.app.inject({ method: 'POST', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.body).toContain('This link has expired');
    }
    expect(await statusOf(id)).toBe('active');
  });

  it('keeps the token out of the request log, and the keys-in-URL refusal everywhere else', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const logged = await buildTestApp(test.database, { config: { ROUNDUP_SECRET: testRoundupSecret }, logger });
    try {
      const id = await subscriber('active');
      const url = link('unsubscribe', id);
      const token = decodeURIComponent(url.split('token=')[1] ?? '');
      expect((await logged.app.inject({ method: 'POST', url })).statusCode).toBe(200);
      expect(lines.join('\n')).toContain('/subscriptions/unsubscribe?token=[redacted]');
      expect(lines.join('\n')).not.toContain(token.split('.')[3]);
    } finally {
      await logged.close();
    }
    expect((await api.app.inject('/v1/items?token=abc')).statusCode).toBe(400);
    const withKey = await api.app.inject(`/subscriptions/unsubscribe?token=rwk_abcdefgh_${'a'.repeat(43)}`);
    expect(withKey.statusCode).toBe(400);
    expect(withKey.body).toContain('looks like an API key');
  });
});
