import { type EditionContent, editionFor, newsFilter } from '@regwatch/core';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderRoundupEmail } from '../src/index.ts';
import { fortyStoryEdition, publishedLinks, sampleEdition, subscriberLinks } from './email-fixtures.ts';

/** Gmail clips a message whose HTML is larger than 102 KB behind "View entire message". */
const gmailClipBytes = 102 * 1024;

const editions: [string, EditionContent][] = [
  ['the recorded sample week', sampleEdition],
  ['the 40-story edition', fortyStoryEdition],
];

describe.each(editions)('renderRoundupEmail on %s', (_name, edition) => {
  const email = renderRoundupEmail(edition, subscriberLinks);
  const document = new JSDOM(email.html).window.document;
  const anchors = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));

  it('links every outlet of every story straight to its source, unchanged', () => {
    const outletUrls = edition.sections.flatMap((s) => s.stories.flatMap((story) => story.links.map((l) => l.url)));
    expect(outletUrls.length).toBeGreaterThanOrEqual(edition.storyCount);
    const textLines = email.text.split('\n').map((line) => line.trim());
    for (const url of outletUrls) {
      expect(anchors).toContain(url);
      expect(textLines).toContain(url);
    }
    const ours = Object.values(subscriberLinks).filter((url) => url !== null);
    expect(new Set(anchors)).toEqual(
      new Set([...outletUrls, ...ours].filter((url) => url !== subscriberLinks.subscribeUrl)),
    );
  });

  it('shows every story once, under its section heading', () => {
    expect(document.querySelectorAll('h3')).toHaveLength(edition.storyCount);
    expect(document.querySelectorAll('h2')).toHaveLength(edition.sections.length);
  });

  it('keeps the subject under 100 characters and the text part within 78 columns', () => {
    expect(email.subject.length).toBeLessThanOrEqual(100);
    expect(email.subject).toMatch(/^Regwatch roundup, week \d+: .+ and \d+ more$/);
    for (const line of email.text.split('\n')) {
      if (!/^\s*https?:\/\/\S+$/.test(line)) expect([...line].length, line).toBeLessThanOrEqual(78);
    }
  });

  it('has no image and no resource from the network', () => {
    expect(email.html).not.toMatch(/<img|<link|@import|url\(/i);
  });
});

describe('the size of a 40-story edition', () => {
  it('stays under the 102 KB Gmail clips at, for a subscriber and as published', () => {
    expect(fortyStoryEdition.storyCount).toBe(40);
    for (const links of [subscriberLinks, publishedLinks]) {
      expect(Buffer.byteLength(renderRoundupEmail(fortyStoryEdition, links).html, 'utf8')).toBeLessThan(gmailClipBytes);
    }
  });
});

describe('a subscriber’s part of the edition', () => {
  it('holds only the stories their preferences select', () => {
    const part = editionFor(fortyStoryEdition, newsFilter({ jurisdiction: 'CA' }));
    expect(part).not.toBeNull();
    if (part === null) return;
    const email = renderRoundupEmail(part, subscriberLinks);
    const headings = [...new JSDOM(email.html).window.document.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toContain('Canada');
    expect(headings).not.toContain('France');
    expect(email.subject).toMatch(part.storyCount > 1 ? new RegExp(`and ${part.storyCount - 1} more$`) : /week \d+: /);
  });
});
