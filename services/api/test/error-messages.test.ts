import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from './build.ts';

// Issue 16: every 400 says in plain words what was wrong and what is accepted, in one line,
// never in the validator's words.
let test: TestDatabase;
let api: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => {
  test = await createTestDatabase('apierrors');
  api = await buildTestApp(test.database);
});
afterAll(async () => {
  await api.close();
  await test.drop();
});

const filters = 'cursor, expand, jurisdiction, kind, limit, platform, q, since, source, topic, until';
const feedFilters = 'expand, jurisdiction, kind, limit, platform, q, since, source, topic, until';
const wholeNumber = (name: string) => `query parameter "${name}" must be a whole number from 1 to 100`;
const dates = 'a date such as 2024-09-13 or an instant with its offset such as 2024-09-13T08:00:00Z';

/** [request, the sentence]: every /v1 and feed route, each kind of bad parameter. */
const table: [string, string][] = [
  ['/v1/items?limit=0', wholeNumber('limit')],
  ['/v1/items?limit=ten', wholeNumber('limit')],
  ['/v1/items?limit=2.5', wholeNumber('limit')],
  ['/v1/items?foo=1', `unknown query parameter "foo"; accepted: ${filters}`],
  ['/v1/items?since=yesterday', `query parameter "since" must be ${dates}, not "yesterday"`],
  ['/v1/items?until=2024-09-13T08:00:00', `query parameter "until" must be ${dates}, not "2024-09-13T08:00:00"`],
  [`/v1/items?since=${'2'.repeat(41)}`, `query parameter "since" must be ${dates}`],
  [
    '/v1/items?jurisdiction=G%20B',
    'query parameter "jurisdiction" must be jurisdiction codes such as GB,US-CA,EU (see /v1/jurisdictions), comma-separated without spaces',
  ],
  ['/v1/items?expand=maybe', 'query parameter "expand" must be true or false'],
  ['/v1/items?q=', 'query parameter "q" must be search words, 1 to 200 characters'],
  ['/v1/items?q=%00', 'query parameter "q" must not contain a NUL character (%00)'],
  [
    `/v1/items?cursor=${'a'.repeat(201)}`,
    'query parameter "cursor" must be the nextCursor of the previous page, unchanged',
  ],
  ['/v1/items/abc', 'path parameter "id" must be an item id: digits, such as 17102'],
  [
    '/v1/stories?topic=kids;drop',
    'query parameter "topic" must be topic ids such as children,biometrics (see /v1/topics), comma-separated without spaces',
  ],
  ['/v1/stories?limit=101', wholeNumber('limit')],
  [
    '/v1/stories?platform=meta&platform=x',
    'query parameter "platform" must be platform ids such as meta,linkedin (see /v1/platforms), comma-separated without spaces',
  ],
  ['/v1/stories/abc', 'path parameter "id" must be a story id: digits, such as 17102'],
  ['/v1/stories/abc/items', 'path parameter "id" must be a story id: digits, such as 17102'],
  ['/v1/stories/1/items?limit=0', wholeNumber('limit')],
  ['/v1/stories/1/items?since=2024-01-01', 'unknown query parameter "since"; accepted: cursor, limit'],
  ['/v1/digest?week=2024-38', 'query parameter "week" must be an ISO week such as 2024-W38'],
  [
    '/v1/digest?week=2024-W60',
    'query parameter "week" must be an ISO week that exists, such as 2024-W38, not "2024-W60"',
  ],
  [
    '/v1/digest?week=2024-W38&since=2024-09-16',
    'query parameter "week" cannot be combined with "since" or "until": give a week or a period',
  ],
  [
    '/v1/digest?since=2024-09-16',
    'query parameter "until" is missing: a period needs both "since" and "until" (or give "week", or neither for the last complete week)',
  ],
  ['/v1/digest?since=2024-01-01&until=2024-12-01', 'query parameter "until" must be at most 92 days after "since"'],
  ['/v1/digest?outreach=perhaps', 'query parameter "outreach" must be true or false'],
  ['/v1/digest?limit=0', wholeNumber('limit')],
  [
    '/v1/digest?kind=regulator&colour=red',
    'unknown query parameter "colour"; accepted: expand, jurisdiction, kind, limit, outreach, platform, q, since, source, topic, until, week',
  ],
  ['/v1/sources?x=1', 'unknown query parameter "x": this route takes none'],
  ['/v1/platforms?x=1', 'unknown query parameter "x": this route takes none'],
  ['/v1/jurisdictions?x=1', 'unknown query parameter "x": this route takes none'],
  ['/v1/topics?x=1', 'unknown query parameter "x": this route takes none'],
  ['/v1/roundups?x=1', 'unknown query parameter "x": this route takes none'],
  ['/v1/roundups/2024-38', 'path parameter "week" must be an ISO week such as 2024-W38'],
  ['/v1/roundups/2021-W53', 'path parameter "week" must be an ISO week that exists, such as 2024-W38, not "2021-W53"'],
  ['/feeds/stories.rss?limit=500', wholeNumber('limit')],
  ['/feeds/items.atom?bar=1', `unknown query parameter "bar"; accepted: ${feedFilters}`],
  ['/feeds/stories.json?since=soon', `query parameter "since" must be ${dates}, not "soon"`],
  [
    '/feeds/items.html?kind=a%20b',
    'query parameter "kind" must be source kinds: regulator, incident-db or press, comma-separated without spaces',
  ],
  ['/feeds/items.rss?expand=1&jurisdiction=EU&expand=0', 'query parameter "expand" must be true or false'],
  ['/feeds/opml?x=1', 'unknown query parameter "x": this route takes none'],
];

/** What the validator says and a person should never read. */
const jargon = /must (match|have|NOT)|required property|querystring|params parameter|>=|<=|pattern|integer|boolean/;

describe('the words of a 400', () => {
  it.each(table)('%s', async (url, sentence) => {
    const response = await api.app.inject(url);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('invalid_parameter');
    expect(error.message).toBe(sentence);
    expect(error.message).not.toMatch(jargon);
    expect(error.message).not.toContain('\n');
  });

  it('in a JSON body too', async () => {
    const cases: [unknown, string][] = [
      [
        { email: 'dpo@example.org', colour: 'blue' },
        'unknown body field "colour"; accepted: email, expand, jurisdiction, kind, platform, topic',
      ],
      [{}, 'body field "email" is missing: it must be an email address such as dpo@example.org'],
      [{ email: 'dpo@example.org', expand: 'yes' }, 'body field "expand" must be true or false'],
      ['"just text"', 'the request body must be a JSON object'],
    ];
    for (const [body, sentence] of cases) {
      const response = await api.app.inject({
        method: 'POST',
        url: '/v1/subscriptions',
        headers: { 'content-type': 'application/json' },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.message).toBe(sentence);
    }
  });
});
