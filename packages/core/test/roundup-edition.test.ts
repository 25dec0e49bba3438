import { describe, expect, it } from 'vitest';
import { composeEdition, type EditionStoryInput, editionFor, editionSectionOf, newsFilter } from '../src/index.ts';

const source = (id: string, kind: 'regulator' | 'press' = 'regulator') => ({ id, name: id.toUpperCase(), kind });

function story(id: string, jurisdictions: string[], items: EditionStoryInput['items']): EditionStoryInput {
  return {
    id,
    title: `Story ${id}`,
    summary: 'A summary.',
    firstPublishedAt: '2024-09-16T09:00:00.000Z',
    lastPublishedAt: '2024-09-17T09:00:00.000Z',
    platforms: id === '2' ? ['meta'] : [],
    jurisdictions,
    topics: [],
    items,
  };
}

const item = (sourceId: string, jurisdictions: string[], kind: 'regulator' | 'press' = 'regulator') => ({
  title: `Item of ${sourceId}`,
  url: `https://${sourceId}.example/1`,
  source: source(sourceId, kind),
  publishedAt: '2024-09-16T09:00:00.000Z',
  language: 'en',
  jurisdictions,
});

describe('an edition of ranked stories', () => {
  const edition = composeEdition({
    week: '2024-W38',
    since: '2024-09-13T07:00:00.000Z',
    until: '2024-09-20T07:00:00.000Z',
    builtAt: '2024-09-20T07:00:01.000Z',
    outreachLeftOut: 0,
    sourceJurisdictions: new Map([
      ['edpb', ['EU']],
      ['dpc', ['IE']],
    ]),
    ranked: [
      // The EDPB's statement adopted in Helsinki: the EU's news, not Finland's.
      { story: story('1', ['EU', 'FI'], [item('edpb', ['EU', 'FI'])]), newsKind: 'news', publisherCount: 1 },
      // A press report of the DPC's fine, with the DPC's notice as primary and the press a second outlet.
      {
        story: story(
          '2',
          ['EU', 'IE'],
          [item('dpc', ['IE', 'EU']), item('press', ['IE', 'EU'], 'press'), item('press', [])],
        ),
        newsKind: 'action',
        publisherCount: 2,
      },
      // Press alone: its most specific jurisdiction.
      { story: story('3', ['EU', 'IE'], [item('wire', ['EU', 'IE'], 'press')]), newsKind: 'news', publisherCount: 1 },
      { story: story('4', [], [item('wire', [], 'press')]), newsKind: 'news', publisherCount: 1 },
    ],
  });

  it('places a regulator notice under its authority, and press under the most specific place', () => {
    expect(edition.sections.map((section) => [section.jurisdiction, section.stories.map((s) => s.id)])).toEqual([
      ['EU', ['1']],
      ['IE', ['2', '3']],
      [null, ['4']],
    ]);
    expect(edition.storyCount).toBe(4);
  });

  it('links each outlet once, primary first', () => {
    const fine = edition.sections[1]?.stories[0];
    expect(fine?.links.map((link) => link.source.id)).toEqual(['dpc', 'press']);
    expect(fine?.sourceKinds).toEqual(['regulator', 'press']);
  });

  it('gives a subscriber the matching part, or nothing', () => {
    const meta = editionFor(edition, newsFilter({ platform: 'meta' }));
    expect(meta?.storyCount).toBe(1);
    expect(meta?.sections.map((section) => section.jurisdiction)).toEqual(['IE']);
    expect(editionFor(edition, newsFilter({ jurisdiction: 'GB' }))).toBeNull();
    // As /v1 matches a kind: a story with any item from such a source.
    expect(editionFor(edition, newsFilter({ kind: 'press' }))?.storyCount).toBe(3);
    expect(editionFor(edition, newsFilter({}))?.storyCount).toBe(4);
  });

  it('falls back to the story’s own jurisdictions', () => {
    expect(editionSectionOf({ jurisdictions: ['US', 'US-CA'], primaryJurisdictions: [] })).toBe('US-CA');
    expect(editionSectionOf({ jurisdictions: [], primaryJurisdictions: [] })).toBeNull();
  });
});
