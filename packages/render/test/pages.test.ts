import type { EditionContent } from '@regwatch/core';
import { describe, expect, it } from 'vitest';
import { renderManagePage, renderSubscribePage } from '../src/index.ts';

// Issue 13: the roundup pages escape what they show (stories come from sources, values from forms).
const hostile = '<script>alert(1)</script>"\'&';

function edition(url: string | null): EditionContent {
  return {
    week: '2024-W38',
    since: '2024-09-13T07:00:00.000Z',
    until: '2024-09-20T07:00:00.000Z',
    builtAt: '2024-09-20T07:00:00.000Z',
    storyCount: 1,
    outreachLeftOut: 0,
    sections: [
      {
        jurisdiction: 'GB',
        stories: [
          {
            id: '1',
            title: hostile,
            summary: hostile,
            newsKind: 'news',
            publisherCount: 1,
            platforms: [],
            jurisdictions: ['GB'],
            topics: [],
            sourceKinds: ['press'],
            firstPublishedAt: '2024-09-16T10:00:00.000Z',
            lastPublishedAt: '2024-09-16T10:00:00.000Z',
            links: [
              {
                title: hostile,
                url,
                source: { id: 'x', name: hostile, kind: 'press' },
                publishedAt: '2024-09-16T10:00:00.000Z',
                language: 'en',
              },
            ],
          },
        ],
      },
    ],
  };
}

const manage = (url: string | null) =>
  renderManagePage({
    actionUrl: '/subscriptions/manage?token=t',
    unsubscribeUrl: '/subscriptions/unsubscribe?token=u',
    preferences: {},
    preview: { kind: 'part', edition: edition(url) },
    pending: false,
  });

describe('the roundup pages', () => {
  it('escape stories’ titles, summaries and outlet names', () => {
    const page = manage(`https://example.org/a?b="${hostile}`);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(page).toContain('href="https://example.org/a?b=&quot;&lt;script&gt;');
  });

  it('link only http and https URLs', () => {
    expect(manage('javascript:alert(1)')).not.toContain('javascript:');
    expect(manage('data:text/html,x')).not.toContain('href="data:');
    expect(manage(null)).toContain('&lt;script&gt;');
  });

  it('escape what a refused form gives back', () => {
    const page = renderSubscribePage({ email: '"><script>x</script>', error: hostile });
    expect(page).not.toContain('<script>');
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });
});
