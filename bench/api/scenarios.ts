/**
 * Every load the bench measures, one row each. Placeholders are filled once before the runs:
 * `{deep-cursor}` in a path is a cursor about 100,000 items deep, found by following nextCursor;
 * `{etag}` in a header is the ETag a first GET of the same URL returned; `{api-key}` is a key the
 * bench creates with a budget of 1,000,000 requests a minute.
 *
 * A scenario whose route answers 404 or 400 is reported "not available" (a route or parameter
 * not built yet), not failed: run the bench again once it lands.
 */
export interface Scenario {
  name: string;
  /** `ceiling` is the bare Fastify app; `api` the real API. */
  server: 'ceiling' | 'api';
  path: string;
  headers?: Record<string, string>;
  expect: 200 | 304;
  /** The aim: at least this fraction of the ceiling's requests/s, and p99 under this. */
  aim?: { ratio: number; p99Ms?: number };
  /** A /v1 list whose query the bench explains and times on its own. */
  explain?: boolean;
}

/** Popular values (the seed's most common jurisdiction after US, the most common platform). */
const filtered = 'jurisdiction=GB&platform=meta';
/** Rare values: few items match, so a walk down the date index finds a page late. */
const filteredRare = 'jurisdiction=IE&platform=tiktok';
const filteredAim = { ratio: 0.25, p99Ms: 50 };

export const scenarios: readonly Scenario[] = [
  { name: 'ceiling: bare Fastify', server: 'ceiling', path: '/', expect: 200 },
  { name: 'app floor: /healthz', server: 'api', path: '/healthz', expect: 200 },
  { name: 'plugins floor: /v1/topics (cached)', server: 'api', path: '/v1/topics', expect: 200 },
  { name: 'items, unfiltered', server: 'api', path: '/v1/items', expect: 200, explain: true },
  {
    name: 'items, GB + meta',
    server: 'api',
    path: `/v1/items?${filtered}`,
    expect: 200,
    aim: filteredAim,
    explain: true,
  },
  {
    name: 'items, GB + meta, API key',
    server: 'api',
    path: `/v1/items?${filtered}`,
    headers: { authorization: 'Bearer {api-key}' },
    expect: 200,
    aim: filteredAim,
  },
  {
    name: 'items, IE + tiktok (rare)',
    server: 'api',
    path: `/v1/items?${filteredRare}`,
    expect: 200,
    aim: filteredAim,
    explain: true,
  },
  {
    // An uncommon pair of common values (0.2% of items): walking the date index reads ~25,000 rows
    // for a page, and intersecting the two GIN bitmaps reads ~130,000 entries; both cost ~60 ms.
    name: 'items, tiktok + children (uncommon pair)',
    server: 'api',
    path: '/v1/items?platform=tiktok&topic=children',
    expect: 200,
    aim: filteredAim,
    explain: true,
  },
  {
    name: 'items, full text q',
    server: 'api',
    path: '/v1/items?q=facial%20recognition',
    expect: 200,
    explain: true,
  },
  {
    name: 'items, 100k deep cursor',
    server: 'api',
    path: '/v1/items?cursor={deep-cursor}',
    expect: 200,
    explain: true,
  },
  {
    name: 'items, GB + meta, 304',
    server: 'api',
    path: `/v1/items?${filtered}`,
    headers: { 'if-none-match': '{etag}' },
    expect: 304,
  },
  { name: 'stories, GB + meta', server: 'api', path: `/v1/stories?${filtered}`, expect: 200, explain: true },
  { name: 'feed: stories.rss, GB + meta', server: 'api', path: `/feeds/stories.rss?${filtered}`, expect: 200 },
  {
    name: 'feed: stories.rss, GB + meta, 304',
    server: 'api',
    path: `/feeds/stories.rss?${filtered}`,
    headers: { 'if-none-match': '{etag}' },
    expect: 304,
    aim: { ratio: 0.5 },
  },
  // Measured again at the end: on a shared machine the ceiling moves, and the two say by how much.
  { name: 'ceiling: bare Fastify (again)', server: 'ceiling', path: '/', expect: 200 },
];
