/** RSS 2.0 documents for tests: `count` items, newest first, deterministic. */
export function rssFeed(options: { count: number; start?: number; title?: string; link?: string }): string {
  const start = options.start ?? 1;
  const items: string[] = [];
  for (let n = start + options.count - 1; n >= start; n -= 1) {
    // One item per hour going back from a fixed instant, so ordering is predictable.
    const date = new Date(Date.UTC(2026, 9, 1, 12) - (n - 1) * 3_600_000).toUTCString();
    items.push(`<item>
  <title>Item ${n}: regulator issues notice</title>
  <link>https://news.example.org/articles/${n}?utm_source=rss</link>
  <guid isPermaLink="false">article-${n}</guid>
  <pubDate>${date}</pubDate>
  <description><![CDATA[<p>Body of item <b>${n}</b>.</p>]]></description>
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
