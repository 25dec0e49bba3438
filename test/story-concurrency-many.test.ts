import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manyWorkerFeeds } from './support/many-worker-feeds.ts';
import { type RunOutcome, runWorkers, stopEverything } from './support/many-worker-run.ts';

// Issue 15, "Correct with many workers": two, four and eight ingest processes over one shared
// set of feeds make exactly the stories, items and alternates one process makes. Each run has
// its own database and queue prefix; every feed is imported at once into a paused queue, let go
// when all is in, so an event's entries (side by side in one feed, across feeds and sources,
// copies among them) reach different workers together and only the advisory locks keep them
// one story and one item per copy.
const events = 32;
const feeds = manyWorkerFeeds(events);
let one: RunOutcome;

beforeAll(async () => {
  one = await runWorkers(1, feeds);
}, 120_000);
afterAll(stopEverything, 30_000);

describe('stories under many ingest processes', () => {
  it('one process makes one story per event and one item per copy', () => {
    expect(one).toEqual({
      items: feeds.expected.items.length,
      stories: events,
      itemEntries: feeds.expected.items,
      storyEntries: feeds.expected.stories,
      itemsInMergedStories: 0,
    });
  });

  it.each([2, 4, 8])(
    '%i processes make exactly what one makes',
    async (workers) => {
      const many = await runWorkers(workers, feeds);
      expect(many).toEqual(one);
    },
    120_000,
  );
});
