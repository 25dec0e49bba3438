import Type from 'typebox';
import { NewsFilterParams } from './news-filter.ts';

export const FeedQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50, description: 'Entries in the feed' })),
    ...NewsFilterParams,
  },
  { additionalProperties: false },
);

/** Short but real documents for the OpenAPI examples (what a reader receives, trimmed to one entry). */
const feedExamples: Record<string, string> = {
  'RSS 2.0':
    '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>' +
    '<title>Regwatch stories: United Kingdom (GB)</title><link>https://regwatch.example.org/feeds/stories.html?jurisdiction=GB</link>' +
    '<description>The merged regulatory newsfeed</description>' +
    '<atom:link href="https://regwatch.example.org/feeds/stories.rss?jurisdiction=GB" rel="self" type="application/rss+xml"/>' +
    '<item><title>ICO fines 23andMe £2.31m over 2023 data breach</title><link>https://ico.org.uk/…</link>' +
    '<guid isPermaLink="false">tag:regwatch.example.org,2026:story/17102</guid><pubDate>Tue, 17 Jun 2025 09:00:00 GMT</pubDate></item>' +
    '</channel></rss>',
  'Atom 1.0':
    '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>tag:regwatch.example.org,2026:feeds/stories</id>' +
    '<title>Regwatch stories</title><updated>2025-06-17T14:30:00Z</updated>' +
    '<entry><id>tag:regwatch.example.org,2026:story/17102</id><title>ICO fines 23andMe £2.31m over 2023 data breach</title>' +
    '<updated>2025-06-17T14:30:00Z</updated><link rel="alternate" href="https://ico.org.uk/…"/></entry></feed>',
  'JSON Feed 1.1':
    '{"version":"https://jsonfeed.org/version/1.1","title":"Regwatch stories","items":[{"id":"tag:regwatch.example.org,2026:story/17102",' +
    '"title":"ICO fines 23andMe £2.31m over 2023 data breach","date_published":"2025-06-17T09:00:00Z"}]}',
  HTML:
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Regwatch stories: United Kingdom (GB)</title>\n' +
    '<link rel="alternate" type="application/rss+xml" title="RSS" href="https://regwatch.example.org/feeds/stories.rss?jurisdiction=GB">\n' +
    '</head>\n<body>\n<header>\n<h1>Regwatch stories: United Kingdom (GB)</h1>\n</header>\n<main>\n<article lang="en">\n' +
    '<h2><a href="https://ico.org.uk/…">ICO fines 23andMe £2.31m over 2023 data breach</a></h2>\n</article>\n</main>\n</body>\n</html>',
  'OPML 2.0':
    '<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0"><head><title>Regwatch: stories by jurisdiction</title></head>' +
    '<body><outline text="Countries" title="Countries"><outline type="rss" text="United Kingdom (GB)" title="United Kingdom (GB)" ' +
    'xmlUrl="https://regwatch.example.org/feeds/stories.rss?jurisdiction=GB"/></outline></body></opml>',
};

/** A 200 whose body is a document of `mediaType` (the OpenAPI document names the type; the body is not JSON). */
export function feedResponse(mediaType: string, name: string) {
  return {
    description: `${name} document`,
    content: {
      [mediaType.split(';')[0] ?? mediaType]: {
        schema: Type.String(),
        example: feedExamples[name] ?? '',
      },
    },
  };
}

export const NotModified = Type.Null({ description: 'Not modified since the ETag or date the reader sent: no body' });
