import { describe, expect, it } from 'vitest';
import { feedTitle } from '../src/feeds/feed-title.ts';

// What a feed reader's sidebar shows: the filters in words, not codes.
describe('feedTitle', () => {
  it('names jurisdictions, platforms and topics from the catalogs', () => {
    expect(feedTitle('stories', { jurisdiction: 'GB' })).toBe('Regwatch stories: United Kingdom (GB)');
    expect(
      feedTitle('stories', { jurisdiction: 'EU,US-CA', expand: true, platform: 'meta', topic: 'enforcement' }),
    ).toBe(
      'Regwatch stories: European Union (EU), California (US-CA) with member states; platform Meta; topic Enforcement and fines',
    );
  });

  it('keeps a value it has no name for as it is, and quotes a search', () => {
    expect(feedTitle('items', { platform: 'no-such-platform', q: 'facial recognition' })).toBe(
      'Regwatch items: platform no-such-platform; search “facial recognition”',
    );
    expect(feedTitle('items', {})).toBe('Regwatch items');
  });
});
