import type { EditionLink } from '@regwatch/core';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderRoundupEmail, roundupSubject } from '../src/index.ts';
import { edition, editionStory, publishedLinks, subscriberLinks } from './email-fixtures.ts';

const parse = (html: string) => new JSDOM(html).window.document;
const hrefs = (html: string) => [...parse(html).querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '');

function outlet(id: string, url: string | null): EditionLink {
  return {
    title: `${id} report`,
    url,
    source: { id, name: `Outlet ${id}`, kind: 'press' },
    publishedAt: '2024-09-18T10:00:00.000Z',
    language: 'en',
  };
}

describe('renderRoundupEmail: escaping and links', () => {
  it('escapes titles, summaries and outlet names from sources', () => {
    const hostile = 'ICO fines <script>alert(1)</script> &amp; "Co" %%FOOTER%%';
    const story = editionStory({
      title: hostile,
      summary: 'A <b>bold</b> claim & <img src=https://tracker.example/p.gif>',
      links: [{ ...outlet('a', 'https://a.example/1'), source: { id: 'a', name: '<i>Outlet</i>', kind: 'press' } }],
    });
    const { html } = renderRoundupEmail(
      edition({ sections: [{ jurisdiction: 'GB', stories: [story] }] }),
      subscriberLinks,
    );
    expect(html).not.toMatch(/<script|<b>|<i>|<img/i);
    const document = parse(html);
    expect(document.querySelector('h3')?.textContent).toBe(hostile);
    expect(document.body.textContent).toContain('A <b>bold</b> claim & <img src=https://tracker.example/p.gif>');
    expect(document.body.textContent).toContain('Reported by <i>Outlet</i>');
    // The title's %%FOOTER%% stays text: the footer appears once.
    expect(html.match(/No tracking:/g)).toHaveLength(1);
  });

  it('links only http(s) URLs: other schemes leave the outlet named, unlinked', () => {
    const story = editionStory({
      links: [
        outlet('js', 'javascript:alert(1)'),
        outlet('data', 'data:text/html,<script>alert(1)</script>'),
        outlet('mail', 'mailto:press@example.org'),
        outlet('none', null),
        outlet('web', 'https://web.example/story?id=1'),
      ],
    });
    const email = renderRoundupEmail(
      edition({ sections: [{ jurisdiction: 'GB', stories: [story] }] }),
      subscriberLinks,
    );
    for (const href of hrefs(email.html)) expect(href).toMatch(/^https?:\/\//);
    expect(hrefs(email.html)).toContain('https://web.example/story?id=1');
    const reported = parse(email.html).body.textContent ?? '';
    for (const name of ['Outlet js', 'Outlet data', 'Outlet mail', 'Outlet none']) expect(reported).toContain(name);
    expect(email.text).not.toMatch(/javascript:|data:text|mailto:/);
    // The primary outlet's URL is not http(s): the title is not a link.
    expect(parse(email.html).querySelector('h3 a')).toBeNull();
  });

  it('links every outlet straight to its source, unchanged, and the title to the primary outlet', () => {
    const links = [
      outlet('ico', 'https://ico.org.uk/action-weve-taken/enforcement/tmac-ltd/'),
      outlet('reg', 'https://www.theregister.com/2024/09/18/ico_fine/?td=rt-3a&x=1'),
      outlet('dpa', 'https://example.de/pressemitteilung/2024/09/b%C3%BC%C3%9Fgeld.html'),
    ];
    const email = renderRoundupEmail(
      edition({ sections: [{ jurisdiction: 'GB', stories: [editionStory({ links })] }] }),
      subscriberLinks,
    );
    const found = hrefs(email.html);
    for (const link of links) {
      expect(found).toContain(link.url);
      expect(email.text.split('\n').map((line) => line.trim())).toContain(link.url);
    }
    expect(parse(email.html).querySelector('h3 a')?.getAttribute('href')).toBe(links[0]?.url);
    const outletLinks = found.filter((href) => !href.startsWith('https://regwatch.example.org/'));
    expect(new Set(outletLinks)).toEqual(new Set(links.map((link) => link.url)));
  });

  it('loads nothing from the network: no images, stylesheets, fonts or pixels', () => {
    const { html } = renderRoundupEmail(edition(), subscriberLinks);
    expect(html).not.toMatch(/<img|<link|@import|url\(|<script|<iframe|<video|<audio|<object/i);
    const document = parse(html);
    expect([...document.querySelectorAll('[src], [srcset], [background]')]).toHaveLength(0);
  });
});

describe('renderRoundupEmail: the footer', () => {
  it('gives a subscriber the web edition, their preferences and one-click unsubscribe', () => {
    const email = renderRoundupEmail(edition(), subscriberLinks);
    const document = parse(email.html);
    const footer = [...document.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(footer).toContainEqual(['Read on the web', subscriberLinks.editionUrl]);
    expect(footer).toContainEqual(['Change what you receive', subscriberLinks.manageUrl]);
    expect(footer).toContainEqual(['Unsubscribe', subscriberLinks.unsubscribeUrl]);
    expect(footer.map(([text]) => text)).not.toContain('Subscribe');
    expect(document.body.textContent).toContain('you subscribed');
    expect(document.body.textContent).toContain(
      'No tracking: this email has no pixels and its links go straight to the sources.',
    );
    for (const url of [subscriberLinks.editionUrl, subscriberLinks.manageUrl, subscriberLinks.unsubscribeUrl]) {
      expect(email.text.split('\n')).toContain(url);
    }
  });

  it('gives the published edition a sign-up link instead of anyone’s preferences', () => {
    const email = renderRoundupEmail(edition(), publishedLinks);
    const footer = [...parse(email.html).querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(footer).toContainEqual(['Read on the web', publishedLinks.editionUrl]);
    expect(footer).toContainEqual(['Subscribe', publishedLinks.subscribeUrl]);
    expect(footer.map(([text]) => text)).not.toContain('Unsubscribe');
    expect(footer.map(([text]) => text)).not.toContain('Change what you receive');
    expect(email.text).toContain(`Subscribe:\n${publishedLinks.subscribeUrl}`);
    expect(email.text).not.toMatch(/Unsubscribe|token=/);
  });
});

describe('renderRoundupEmail: layout and words', () => {
  const email = renderRoundupEmail(
    edition({
      sections: [
        { jurisdiction: 'GB', stories: [editionStory()] },
        { jurisdiction: 'CA-QC', stories: [editionStory({ id: '8', newsKind: 'news', topics: [] })] },
        { jurisdiction: null, stories: [editionStory({ id: '9' })] },
      ],
    }),
    subscriberLinks,
  );
  const document = parse(email.html);

  it('heads the email with the week and its dates, and sections with jurisdictions in words', () => {
    expect(document.documentElement.getAttribute('lang')).toBe('en');
    expect(document.body.textContent).toContain('Week 38 · 13–20 September 2024');
    expect([...document.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'United Kingdom',
      'Québec (Canada)',
      'International',
    ]);
    expect([...document.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'United Kingdom: 1 story',
      'Québec (Canada): 1 story',
      'International: 1 story',
    ]);
    expect(document.body.textContent).toContain('3 stories this week from 2 outlets.');
    expect(document.body.textContent).toContain('Fine/decision · 17 Sept · LinkedIn');
  });

  it('has a hidden preheader, a 600 px layout that stacks on phones, and dark-mode hints', () => {
    const preheader = document.body.querySelector('div[style*="display:none"]');
    expect(preheader?.textContent).toBe('Week 38 · 13–20 September 2024: 3 stories this week from 2 outlets.');
    expect(email.html).toContain('max-width:600px');
    expect(email.html).toMatch(/@media only screen and \(min-width:480px\)/);
    expect(email.html).toContain('<meta name="color-scheme" content="light dark"');
    expect(email.html).toContain('prefers-color-scheme: dark');
  });

  it('renders an edition of no stories (a quiet week, as published) without sections', () => {
    const email = renderRoundupEmail(edition({ sections: [] }), publishedLinks);
    const quiet = parse(email.html);
    expect(quiet.querySelectorAll('h2, h3, li')).toHaveLength(0);
    expect(quiet.body.textContent).toContain('No stories this week.');
    expect(email.text).toContain('No stories this week.');
    expect(email.subject).toBe('Regwatch roundup, week 38: no stories this week');
  });

  it('spells the period across months and years', () => {
    const across = (since: string, until: string) =>
      parse(renderRoundupEmail(edition({ since, until }), subscriberLinks).html).body.textContent;
    expect(across('2024-08-30T07:00:00.000Z', '2024-09-06T07:00:00.000Z')).toContain('30 August – 6 September 2024');
    expect(across('2026-12-25T08:00:00.000Z', '2027-01-01T08:00:00.000Z')).toContain(
      '25 December 2026 – 1 January 2027',
    );
  });
});

describe('renderRoundupEmail: subject and text part', () => {
  it('puts the week and the top story in a subject of at most 100 characters', () => {
    const long = `ICO fines TMAC Ltd £1.2m ${'for failing to protect patient records '.repeat(8)}`;
    const many = edition({
      sections: [
        {
          jurisdiction: 'GB',
          stories: [
            editionStory({ title: long }),
            ...Array.from({ length: 11 }, (_, i) => editionStory({ id: `s${i}` })),
          ],
        },
      ],
    });
    const subject = roundupSubject(many);
    expect(subject.length).toBeLessThanOrEqual(100);
    expect(subject).toMatch(/^Regwatch roundup, week 38: ICO fines TMAC Ltd £1\.2m for .*… and 11 more$/);
    expect(roundupSubject(edition())).toBe('Regwatch roundup, week 38: ICO fines Example Ltd £1m over data breach');
    expect(roundupSubject(edition({ sections: [] }))).toBe('Regwatch roundup, week 38: no stories this week');
    expect(renderRoundupEmail(many, subscriberLinks).subject).toBe(subject);
  });

  it('wraps the text part at 78 columns but never breaks a URL', () => {
    const longUrl = `https://example.org/${'very-long-path-segment/'.repeat(6)}?q=1`;
    const story = editionStory({
      title: 'A title long enough to need wrapping because it goes on and on about a fine and an order',
      summary: `${'Words words words in a summary that runs well past the width of a line. '.repeat(6)}\n\nA second paragraph.`,
      links: [outlet('long', longUrl)],
    });
    const { text } = renderRoundupEmail(
      edition({ sections: [{ jurisdiction: 'EU', stories: [story] }] }),
      subscriberLinks,
    );
    const lines = text.split('\n');
    for (const line of lines) {
      if (!/^\s*https?:\/\/\S+$/.test(line)) expect([...line].length, line).toBeLessThanOrEqual(78);
    }
    expect(lines).toContain(`    ${longUrl}`);
    expect(text).toContain('European Union\n==============');
    expect(text).toContain('Week 38 · 13–20 September 2024');
    expect(text).toContain('A second paragraph.');
  });
});
