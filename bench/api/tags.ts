import { jurisdictionNames, platformCatalog, topicCatalog } from '@regwatch/core';
import { seededRandom, zipf } from './random.ts';

/**
 * Tags for seeded items, drawn from the real catalogs with Zipf's law so the popular values are
 * common and most are rare. The ranking puts first what a DPO's feed is full of; the rest of each
 * catalog follows in a fixed shuffled order.
 */
const popularJurisdictions = ['US', 'GB', 'EU', 'CA', 'FR', 'DE', 'IE', 'US-CA', 'NL', 'ES', 'IT', 'AU', 'IN', 'BR'];
const popularPlatforms = [
  'meta',
  'google',
  'microsoft',
  'amazon',
  'apple',
  'tiktok',
  'openai',
  'x',
  'facebook',
  'instagram',
  'linkedin',
  'whatsapp',
  'youtube',
  'clearview-ai',
];
const popularTopics = ['enforcement', 'data-breaches', 'ai', 'children', 'legislation', 'security', 'cookies-adtech'];

function ranked(popular: readonly string[], catalog: Iterable<string>, seed: number): string[] {
  const random = seededRandom(seed);
  const all = [...catalog];
  const rest = all.filter((value) => !popular.includes(value));
  for (let index = rest.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [rest[index], rest[other]] = [rest[other] as string, rest[index] as string];
  }
  return [...popular.filter((value) => all.includes(value)), ...rest];
}

const drawJurisdiction = zipf(ranked(popularJurisdictions, jurisdictionNames.keys(), 1), 1.1);
const drawPlatform = zipf(ranked(popularPlatforms, platformCatalog.keys(), 2), 1.05);
const drawTopic = zipf(ranked(popularTopics, topicCatalog.keys(), 3), 0.9);

/** A tag with what the taggers add with it: a state's country (`US-CA` → `US`), a product's owners (`instagram` → `meta`). */
function withImplied(tag: string, kind: 'jurisdiction' | 'platform'): string[] {
  if (kind === 'jurisdiction') {
    const country = tag.split('-')[0] as string;
    return country !== tag && jurisdictionNames.has(country) ? [tag, country] : [tag];
  }
  const chain = [tag];
  for (let parent = platformCatalog.get(tag)?.parent; parent; parent = platformCatalog.get(parent)?.parent) {
    chain.push(parent);
  }
  return chain;
}

export interface TagSet {
  platforms: string[];
  jurisdictions: string[];
  topics: string[];
}

function draws(random: () => number, counts: readonly number[], draw: (random: () => number) => string): string[] {
  const count = counts[Math.floor(random() * counts.length)] ?? 0;
  return Array.from({ length: count }, () => draw(random));
}

/** What a story is about: most name a jurisdiction or two, about half a platform, all a topic or more. */
export function storyTheme(random: () => number): TagSet {
  return {
    jurisdictions: [...new Set(draws(random, [0, 1, 1, 1, 2, 2], drawJurisdiction))],
    platforms: [...new Set(draws(random, [0, 0, 0, 1, 1, 2], drawPlatform))],
    topics: [...new Set(draws(random, [1, 1, 2, 2, 3], drawTopic))],
  };
}

/**
 * One item's tags: most of its story's theme, now and then one more of its own, and its source's
 * default jurisdictions (a regulator's always apply).
 */
export function itemTags(random: () => number, theme: TagSet, sourceJurisdictions: readonly string[]): TagSet {
  const keep = (values: readonly string[]) => values.filter(() => random() < 0.85);
  const extra = (draw: (random: () => number) => string) => (random() < 0.08 ? [draw(random)] : []);
  const jurisdictions = [...keep(theme.jurisdictions), ...extra(drawJurisdiction), ...sourceJurisdictions];
  const platforms = [...keep(theme.platforms), ...extra(drawPlatform)];
  const topics = [...keep(theme.topics), ...extra(drawTopic)];
  return {
    jurisdictions: [...new Set(jurisdictions.flatMap((tag) => withImplied(tag, 'jurisdiction')))].sort(),
    platforms: [...new Set(platforms.flatMap((tag) => withImplied(tag, 'platform')))].sort(),
    topics: [...new Set(topics.length > 0 ? topics : theme.topics)].sort(),
  };
}
