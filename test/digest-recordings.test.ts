import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordedPipeline, runRecordedPipeline } from './support/recorded-pipeline.ts';

// Issue 11, digest ranking, on the demo's own recordings run through the whole pipeline: the
// OPC's English/French pair counted as two sources, so bilingual notices outranked stories four
// outlets covered; the BfDI's Girls' Day and school materials reached the top 20 while the EU's
// probe of X over Grok (The Register, 26 January 2026) did not. The period is the README's.
let pipeline: RecordedPipeline;

interface DigestStory {
  id: string;
  title: string;
  newsKind: string;
  publisherCount: number;
  sourceCount: number;
  items: { title: string; url: string; source: { id: string } }[];
}
interface Digest {
  outreachLeftOut: number;
  data: DigestStory[];
}

async function digest(query = ''): Promise<Digest> {
  const response = await fetch(`${pipeline.apiUrl}/v1/digest?since=2026-01-01&until=2026-03-31${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Digest;
}

const findStory = (stories: DigestStory[], url: RegExp) =>
  stories.find((story) => story.items.some((item) => url.test(item.url)));

beforeAll(async () => {
  pipeline = await runRecordedPipeline('e2edigest');
}, 120_000);
afterAll(async () => {
  await pipeline?.stop();
});

describe('issue 11: the digest of the recorded sources', () => {
  it('counts the OPC’s English and French notices as one publisher', async () => {
    const { data } = await digest();
    const loblaw = findStory(data, /priv\.gc\.ca\/en\/opc-news\/news-and-announcements\/2026\//);
    expect(loblaw?.items.map((item) => item.source.id).sort()).toEqual(['opc-news-en', 'opc-news-fr']);
    expect(loblaw).toMatchObject({ publisherCount: 1, sourceCount: 2 });
    for (const story of data) {
      const sources = new Set(story.items.map((item) => item.source.id));
      if ([...sources].every((id) => id.startsWith('opc-'))) expect(story.publisherCount, story.title).toBe(1);
    }
  });

  it('puts the EU’s probe of X over Grok in the top 20, and no Girls’ Day or school materials', async () => {
    const { data, outreachLeftOut } = await digest();
    expect(data.length).toBeLessThanOrEqual(20);
    const probe = findStory(data, /theregister\.com\/2026\/01\/26\/eu_investigates_x_grok/);
    expect(probe?.newsKind).toBe('action');
    const titles = data.flatMap((story) => story.items.map((item) => item.title));
    expect(titles.filter((title) => /Girls.? Day|Was ist Datenschutz/.test(title))).toEqual([]);
    expect(outreachLeftOut).toBeGreaterThanOrEqual(2);
  });

  it('ranks actions above other news of the same coverage', async () => {
    const { data } = await digest();
    const kinds = data.map((story) => `${story.publisherCount}:${story.newsKind}`);
    // Within one coverage count every action comes before any other news.
    for (let index = 1; index < kinds.length; index++) {
      const [before, after] = [data[index - 1], data[index]];
      if (before && after && before.publisherCount === after.publisherCount) {
        expect(before.newsKind === 'news' && after.newsKind === 'action', kinds.join(' ')).toBe(false);
      }
    }
  });

  it('shows the outreach, last, when asked', async () => {
    const { data, outreachLeftOut } = await digest('&outreach=true&limit=100');
    expect(outreachLeftOut).toBe(0);
    const girlsDay = data.findIndex((story) => story.items.some((item) => /Girls.? Day/.test(item.title)));
    expect(girlsDay).toBeGreaterThan(-1);
    expect(data.slice(girlsDay).every((story) => story.newsKind === 'outreach')).toBe(true);
  });
});
