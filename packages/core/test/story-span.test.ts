import { describe, expect, it } from 'vitest';
import {
  addToStoryProfile,
  assignStory,
  type StoryFeatures,
  type StoryProfile,
  storyDefaults,
  storyFeatures,
} from '../src/index.ts';

// Issue 11: a story must not grow without bound (5,000 items of one source over 173 days were one
// story). A story is bounded in time from its own first item: `storySpanMs`, 7 days by default.
const day = 86_400_000;
const start = Date.UTC(2026, 0, 5, 9);

/** One source's daily item, worded alike day after day, so each day's joins the day before's story. */
const daily = (n: number) =>
  storyFeatures(
    {
      title: 'Data protection authority publishes its daily list of data breach notifications and complaints received',
      publishedAt: start + n * day,
      language: 'en',
      sourceId: 'daily-digest',
    },
    () => 0,
    0,
  );

/** Runs items through `assignStory` one at a time, every earlier item found as a candidate. */
function cluster(items: readonly StoryFeatures[], options = {}) {
  const stories = new Map<string, { members: StoryFeatures[]; profile: StoryProfile }>();
  for (const item of items) {
    const candidates = [...stories].map(([storyId, story]) => ({
      storyId,
      features: story.members,
      profile: story.profile,
    }));
    const { storyId } = assignStory(item, candidates, storyDefaults.threshold, options);
    const id = storyId ?? String(stories.size + 1);
    const story = stories.get(id) ?? { members: [], profile: addToStoryProfile(null, item) };
    if (storyId !== null) story.profile = addToStoryProfile(story.profile, item);
    story.members.push(item);
    stories.set(id, story);
  }
  return [...stories.values()].map((story) => story.members.map((member) => (member.publishedAt - start) / day));
}

describe('issue 11: a story is bounded in time from its first item', () => {
  it('starts a new story once an item falls beyond the span of the story’s first', () => {
    const items = Array.from({ length: 30 }, (_, n) => daily(n));
    // Without a bound, the chain of daily items is one story of 30 days.
    expect(cluster(items, { storySpanMs: 365 * day })).toHaveLength(1);
    const stories = cluster(items);
    expect(stories.map((days) => [days[0], days.at(-1)])).toEqual([
      [0, 7],
      [8, 15],
      [16, 23],
      [24, 29],
    ]);
  });

  it('counts an earlier item (a backfill) against the story’s last item too', () => {
    const stories = cluster([daily(10), daily(8), daily(6), daily(4), daily(2)]);
    expect(stories).toEqual([[10, 8, 6, 4], [2]]);
  });
});
