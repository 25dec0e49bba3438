import { describe, expect, it } from 'vitest';
import { stripBoilerplate } from '../src/index.ts';

const article = 'The regulator fined the retailer £50,000 for keeping CCTV footage for years.';

describe('stripBoilerplate', () => {
  it('keeps an article that has none', () => {
    expect(stripBoilerplate(`${article}\nThe retailer said it would appeal.`)).toEqual({
      text: `${article}\nThe retailer said it would appeal.`,
      removed: [],
    });
  });

  it('cuts "related reading" lines, whole or inline', () => {
    const result = stripBoilerplate(
      `${article}\nRelated: Meta fined over transfers\nRead more: TikTok appeals | Apple probe\nSee also – EDPB guidance`,
    );
    expect(result.text).toBe(article);
    expect(result.removed.map((r) => r.rule)).toEqual(['related-reading', 'related-reading', 'related-reading']);
    expect(stripBoilerplate(`${article} Read more: TikTok fined by the DPC.`).text).toBe(article);
  });

  it('cuts a trailing section from its heading on', () => {
    const result = stripBoilerplate(`${article}\nRelated articles\nGoogle fined in France\nAmazon probe in Luxembourg`);
    expect(result.text).toBe(article);
    expect(result.removed).toEqual([
      { rule: 'section', text: 'Related articles\nGoogle fined in France\nAmazon probe in Luxembourg' },
    ]);
    expect(stripBoilerplate(`${article}\nNotes to editors\nThe ICO is the UK’s independent authority.`).text).toBe(
      article,
    );
    expect(stripBoilerplate(`${article}\nÀ lire aussi :\nLa CNIL sanctionne Free`).text).toBe(article);
  });

  it('cuts a journalist’s biography, not a person in the story', () => {
    const bio = 'Jane Doe is a freelance journalist who lives in Berlin, Germany. Follow her on Bluesky.';
    expect(stripBoilerplate(`${article}\n${bio}`)).toEqual({
      text: article,
      removed: [{ rule: 'author-bio', text: bio }],
    });
    expect(stripBoilerplate(`${article} Jane Doe is a reporter based in London covering privacy.`).text).toBe(article);
    const story = 'The victim, who lives in Berlin, said the footage was shared without her consent.';
    expect(stripBoilerplate(story).text).toBe(story);
  });

  it('cuts footers and newsletter blurbs, not sentences that merely mention them', () => {
    const footer = '© 2026 Privacy Media Ltd. All rights reserved.';
    const newsletter = 'Sign up for our weekly newsletter to get privacy news delivered to your inbox.';
    const registered = 'Registered in England and Wales with company number 01234567.';
    const result = stripBoilerplate([article, newsletter, footer, registered].join('\n'));
    expect(result.text).toBe(article);
    expect(result.removed.map((r) => r.rule)).toEqual(['newsletter', 'footer', 'footer']);
    const story = 'Users could not unsubscribe from the newsletter, the ICO found.';
    expect(stripBoilerplate(story).text).toBe(story);
  });

  it('cuts feed footers', () => {
    const text = `${article} The post Retailer fined over CCTV appeared first on Privacy News Online.`;
    expect(stripBoilerplate(text).text).toBe(article);
    expect(stripBoilerplate(`${article} Continue reading…`).text).toBe(article);
  });
});
