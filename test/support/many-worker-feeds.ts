/**
 * The shared set of feeds for the many-worker story test (issue 15): four sources, two feeds
 * each. Every event starts with two rewrites side by side in one feed (a, b: they may share a
 * batch or straddle two) and a word-for-word copy of b (e: an alternate of b). Two kinds:
 * - narrow events (odd): e right after b in the same feed, the outlet's second edition. Nothing
 *   comes later to join what a race split, so a missing lock leaves two stories or two items;
 * - wide events (even): a third rewrite in another source's feed (c), an edited, syndicated copy
 *   of a in a third (d: near-duplicate, alternate of a), and e in a fourth: across feeds, so
 *   clustering and its story merges meet entries of other workers.
 * Events are a week apart, outside one another's time window, so the right answer is known
 * whatever the order of processing: one story per event, items a(+d), b+e (and c).
 */
export const manySources = ['wire', 'daily', 'weekly', 'blog'] as const;
const feedsPerSource = 2;
const cities = ['Leeds', 'Bristol', 'Cardiff', 'Glasgow', 'Belfast', 'Norwich', 'Exeter', 'Dundee'];

export interface FeedEntry {
  sourceId: string;
  guid: string;
  title: string;
  link: string;
  description: string;
  publishedAt: Date;
}

export interface ManyWorkerFeeds {
  /** One feed document per (source, feed), in the order events happen. */
  feeds: { sourceId: string; name: string; xml: string }[];
  /** What one correct run makes: per story, per item, the entries as `source/guid`, sorted. */
  expected: { entries: number; stories: string[][]; items: string[][] };
}

function eventEntries(n: number): { entries: (FeedEntry & { feed: string })[]; items: string[][] } {
  // Dates stay in the past of the machine's clock: January 2026 onwards, a week apart.
  const at = Date.UTC(2026, 0, 5) + n * 7 * 86_400_000;
  const company = `Zentrox${String.fromCharCode(97 + (n % 26))}${n}`;
  const city = cities[n % cities.length];
  const thousands = 10 + n;
  const source = (shift: number) => manySources[(n + shift) % manySources.length] as string;
  // Each source's events alternate between its feeds in runs of four, so every feed holds a mix.
  const feedOf = (sourceId: string) => `${sourceId}-${Math.floor(n / manySources.length) % feedsPerSource}`;
  const lead =
    `The Information Commissioner's Office has fined ${company} £4m after the retailer used live facial ` +
    `recognition cameras on shoppers in its ${city} stores without telling them. The regulator said ` +
    `${company} kept images of ${thousands} thousand customers for months and shared watch lists with ` +
    `other shops in the city. ${company} said it would appeal the penalty and had paused the cameras.`;
  const rewrite =
    `${company}, the ${city} retail chain, must pay a £4m penalty, the ICO announced. Investigators found ` +
    `that its cameras scanned the faces of every shopper and matched them against a watch list of ` +
    `suspected shoplifters. The company plans to appeal against the fine.`;
  const make = (sourceId: string, suffix: string, title: string, description: string, minutes: number) => ({
    feed: feedOf(sourceId),
    sourceId,
    guid: `e${n}-${suffix}`,
    title,
    link: `https://${sourceId}.example/${n}-${suffix}`,
    description,
    publishedAt: new Date(at + minutes * 60_000),
  });
  const a = make(source(0), 'a', `${company} fined £4m by ICO over facial recognition`, lead, 0);
  const b = make(source(0), 'b', `ICO fines ${company} £4m for facial recognition in shops`, rewrite, 5);
  const key = (entry: FeedEntry) => `${entry.sourceId}/${entry.guid}`;
  if (n % 2 === 1) {
    const e = make(source(0), 'e', b.title, rewrite, 7);
    return { entries: [a, b, e], items: [[key(a)], [key(b), key(e)]] };
  }
  const c = make(
    source(1),
    'c',
    `${company} hit with £4m UK privacy penalty over face scanning`,
    `Britain's data protection regulator penalised ${company} £4m over the face scanning of customers in ` +
      `its ${city} shops, saying the chain broke data protection law by keeping the images.`,
    40,
  );
  const d = make(
    source(2),
    'd',
    a.title,
    `${lead.replace('The regulator said', 'The regulator stated')} Reporting by the newsroom.`,
    90,
  );
  const e = make(source(3), 'e', b.title, rewrite, 120);
  return {
    entries: [a, b, c, d, e],
    items: [[key(a), key(d)], [key(b), key(e)], [key(c)]],
  };
}

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function rss(title: string, entries: FeedEntry[]): string {
  const items = entries
    .map(
      (entry) => `<item>
  <title>${escapeXml(entry.title)}</title>
  <link>${entry.link}</link>
  <guid isPermaLink="false">${entry.guid}</guid>
  <pubDate>${entry.publishedAt.toUTCString()}</pubDate>
  <description>${escapeXml(entry.description)}</description>
</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>https://example.org/</link>${items}</channel></rss>`;
}

export function manyWorkerFeeds(events: number): ManyWorkerFeeds {
  const byFeed = new Map<string, { sourceId: string; entries: FeedEntry[] }>();
  for (const sourceId of manySources) {
    for (let feed = 0; feed < feedsPerSource; feed += 1) byFeed.set(`${sourceId}-${feed}`, { sourceId, entries: [] });
  }
  const stories: string[][] = [];
  const items: string[][] = [];
  let entries = 0;
  for (let n = 0; n < events; n += 1) {
    const event = eventEntries(n);
    for (const entry of event.entries) byFeed.get(entry.feed)?.entries.push(entry);
    entries += event.entries.length;
    stories.push(event.items.flat().sort());
    items.push(...event.items.map((keys) => [...keys].sort()));
  }
  return {
    feeds: [...byFeed].map(([name, feed]) => ({ sourceId: feed.sourceId, name, xml: rss(name, feed.entries) })),
    expected: { entries, stories: canonical(stories), items: canonical(items) },
  };
}

/** Groups in a canonical order (each group sorted, groups by their first key) for `toEqual`. */
export function canonical(groups: string[][]): string[][] {
  return groups.map((group) => [...group].sort()).sort((x, y) => (x[0] ?? '').localeCompare(y[0] ?? ''));
}
