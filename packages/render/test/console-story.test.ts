import { describe, expect, it } from 'vitest';
import { type ConsoleStoryView, renderConsoleStory } from '../src/index.ts';

// Issue 14: the console's story page, its corrections as plain forms with a CSRF token.
const story: ConsoleStoryView = {
  id: '42',
  title: 'ICO fines <Kettleworks>',
  summary: 'A summary.',
  platforms: ['linkedin'],
  jurisdictions: ['GB'],
  topics: [],
  items: [
    {
      id: '7',
      title: 'Kettleworks fined',
      url: 'https://a.example/1',
      sourceName: 'ICO',
      publishedAt: '2026-03-01T08:00:00.000Z',
    },
  ],
  editorTags: [
    {
      dimension: 'platforms',
      id: 'linkedin',
      change: 'add',
      editor: 'editor:ed@example.org',
      at: '2026-03-02T00:00:00.000Z',
    },
    {
      dimension: 'platforms',
      id: 'tiktok',
      change: 'remove',
      editor: 'editor:ed@example.org',
      at: '2026-03-02T00:00:00.000Z',
    },
  ],
  editorText: false,
};

describe('issue 14: the console story page', () => {
  const markup = renderConsoleStory(story, {
    action: '/console/stories/42',
    csrfToken: 'tok"en',
  }).toString();

  it('has a form for every correction, each posting under the story with the CSRF token', () => {
    for (const path of ['/text', '/merge', '/tags', '/items/7/move', '/items/7/take-down', '/items/7/not-news']) {
      expect(markup).toContain(`action="/console/stories/42${path}"`);
    }
    const forms = markup.match(/<form /g)?.length ?? 0;
    const tokens = markup.match(/name="_csrf" value="tok&quot;en"/g)?.length ?? 0;
    expect(tokens).toBe(forms);
  });

  it('shows each tag’s evidence, an editor’s by name and date, and escapes what it shows', () => {
    expect(markup).toContain('added by ed@example.org on 2026-03-02');
    expect(markup).toContain('tiktok removed by ed@example.org');
    expect(markup).toContain('ICO fines &lt;Kettleworks&gt;');
    expect(markup).not.toContain('<Kettleworks>');
  });
});
