import { type SourceDefinition, sourceCatalog } from '@regwatch/sources';
import { seededRandom, weighted, zipf } from './random.ts';
import { storyTheme, type TagSet } from './tags.ts';

/**
 * The shape of the seeded archive, before any text: which items each story has, when each was
 * published and by which source. Text and tags are drawn later, item by item, from seeds, so the
 * plan of a million items stays a few typed arrays.
 */

/** Three years of news, ending at a fixed instant so two seeds are the same. */
export const archiveStart = Date.UTC(2023, 0, 1);
export const archiveEnd = Date.UTC(2026, 0, 1);

const day = 86_400_000;

/**
 * Items a day by source: the trade press publishes most, the big regulators more than the small
 * ones; the incident register steadily. Press outlets get decreasing weights by catalog order.
 */
function sourceWeight(source: SourceDefinition, pressRank: number): number {
  if (source.kind === 'press') return 12 / (1 + pressRank * 0.35);
  if (source.kind === 'incident-db') return 3;
  return ['ico-news', 'ftc', 'cnil', 'edpb', 'opc-news-en'].includes(source.id) ? 1.5 : 0.5;
}

export interface ArchivePlan {
  sources: readonly SourceDefinition[];
  /** Per item, in id order (ids are 1-based: item n is index n - 1), ordered by publication time. */
  itemStory: Int32Array;
  itemAt: Float64Array;
  itemSource: Uint8Array;
  stories: StoryPlan[];
}

export interface StoryPlan {
  /** What its items are about; each item keeps most of it. */
  theme: TagSet;
  /** The primary item's id: the first regulator's notice when there is one, else the earliest item. */
  primaryItemId: number;
  /** Seed of the headline its items share. */
  seed: number;
}

/**
 * Story sizes follow Zipf's law (exponent 1.85, at most 300 items): about 78% of stories have 1 to
 * 3 items, about 5% have 20 or more, 5.3 items a story on average (so 1M items make ~190k stories).
 * Items of a story appear within days of each other (longer for big stories), from sources drawn
 * by their weights; an incident register's entries never share a story.
 */
export function planArchive(itemCount: number): ArchivePlan {
  const random = seededRandom(20260101);
  const sizes = Array.from({ length: 300 }, (_, index) => index + 1);
  const drawSize = zipf(sizes, 1.85);
  let pressRank = 0;
  const weights = sourceCatalog.map((source) => sourceWeight(source, source.kind === 'press' ? pressRank++ : 0));
  const drawSource = weighted(
    sourceCatalog.map((_, index) => index),
    weights,
  );
  const incidentSource = sourceCatalog.findIndex((source) => source.kind === 'incident-db');

  const storyOf = new Int32Array(itemCount);
  const at = new Float64Array(itemCount);
  const sourceOf = new Uint8Array(itemCount);
  const themes: TagSet[] = [];
  let item = 0;
  while (item < itemCount) {
    const story = themes.length;
    themes.push(storyTheme(random));
    const size = Math.min(drawSize(random), itemCount - item);
    const spread = Math.min(3 + size / 4, 20) * day;
    const start = archiveStart + random() * (archiveEnd - archiveStart - spread);
    let hasIncident = false;
    for (let member = 0; member < size; member += 1, item += 1) {
      let source = drawSource(random);
      while (source === incidentSource && hasIncident) source = drawSource(random);
      hasIncident ||= source === incidentSource;
      storyOf[item] = story;
      at[item] = Math.floor(member === 0 ? start : start + random() * spread);
      sourceOf[item] = source;
    }
  }

  // Ids follow publication time, as they roughly do when items are collected as they appear.
  const order = Uint32Array.from({ length: itemCount }, (_, index) => index).sort(
    (a, b) => (at[a] as number) - (at[b] as number) || a - b,
  );
  const itemStory = new Int32Array(itemCount);
  const itemAt = new Float64Array(itemCount);
  const itemSource = new Uint8Array(itemCount);
  order.forEach((from, index) => {
    itemStory[index] = storyOf[from] as number;
    itemAt[index] = at[from] as number;
    itemSource[index] = sourceOf[from] as number;
  });

  const primary = new Int32Array(themes.length).fill(0);
  const primaryIsRegulator = new Uint8Array(themes.length);
  for (let index = 0; index < itemCount; index += 1) {
    const story = itemStory[index] as number;
    const isRegulator = sourceCatalog[itemSource[index] as number]?.kind === 'regulator';
    if (primary[story] === 0 || (isRegulator && primaryIsRegulator[story] === 0)) {
      primary[story] = index + 1;
      primaryIsRegulator[story] = isRegulator ? 1 : 0;
    }
  }
  return {
    sources: sourceCatalog,
    itemStory,
    itemAt,
    itemSource,
    stories: themes.map((theme, index) => ({
      theme,
      primaryItemId: primary[index] as number,
      seed: index * 7919 + 11,
    })),
  };
}
