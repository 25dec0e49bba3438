const syllables = ['ka', 'lo', 'mi', 'ne', 'pu', 'ra', 'si', 'to', 'vu', 'xe', 'zo', 'be', 'da', 'fi', 'go', 'hu'];

/** A made-up word unique to (n, slot): test items must not look alike, or clustering folds them together. */
function codeWord(n: number, slot: number): string {
  let value = n * 8 + slot + 16;
  let word = '';
  while (value > 0) {
    word += syllables[value % 16];
    value = Math.floor(value / 16);
  }
  return word;
}

/** The title `rssFeed` gives item n. */
export function feedItemTitle(n: number): string {
  return `Item ${n}: ${codeWord(n, 0)} ${codeWord(n, 1)} ${codeWord(n, 2)}`;
}

/** RSS 2.0 documents for tests: `count` items, newest first, deterministic. */
export function rssFeed(options: { count: number; start?: number; title?: string; link?: string }): string {
  const start = options.start ?? 1;
  const items: string[] = [];
  for (let n = start + options.count - 1; n >= start; n -= 1) {
    // One item per hour going back from a fixed instant, so ordering is predictable.
    const date = new Date(Date.UTC(2026, 9, 1, 12) - (n - 1) * 3_600_000).toUTCString();
    items.push(`<item>
  <title>${feedItemTitle(n)}</title>
  <link>https://news.example.org/articles/${n}?utm_source=rss</link>
  <guid isPermaLink="false">article-${n}</guid>
  <pubDate>${date}</pubDate>
  <description><![CDATA[<p>${codeWord(n, 3)} ${codeWord(n, 4)} <b>${codeWord(n, 5)}</b>.</p>]]></description>
</item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>${options.title ?? 'Example feed'}</title>
<link>${options.link ?? 'https://news.example.org/'}</link>
<description>Test feed</description>
${items.join('\n')}
</channel></rss>`;
}
