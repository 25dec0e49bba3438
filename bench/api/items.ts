import type { TextChain } from './corpus.ts';
import type { ArchivePlan } from './plan.ts';
import { seededRandom } from './random.ts';
import { itemTags, type TagSet } from './tags.ts';

/** One seeded item as the items table stores it (what the processing step would have written). */
export interface SeededItem extends TagSet {
  id: number;
  sourceId: string;
  url: string;
  title: string;
  summary: string;
  content: string;
  language: string;
  publishedAt: number;
  storyIndex: number;
}

function between(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .split('-')
      .slice(0, 8)
      .join('-') || 'item'
  );
}

/**
 * Item `id` of the plan, drawn from its own seed. Items of one story share its headline (the
 * primary item's is the headline itself, the others reword about a quarter of it) when they are
 * in the primary item's language, as outlets retelling one event share its names and phrases.
 */
export function seededItem(plan: ArchivePlan, chains: ReadonlyMap<string, TextChain>, id: number): SeededItem {
  const index = id - 1;
  const storyIndex = plan.itemStory[index] as number;
  const story = plan.stories[storyIndex];
  const source = plan.sources[plan.itemSource[index] as number];
  const primarySource = story && plan.sources[plan.itemSource[story.primaryItemId - 1] as number];
  if (!story || !source || !primarySource) throw new Error(`item ${id} is not in the plan`);
  const chainFor = (language: string) => chains.get(language) ?? (chains.get('en') as TextChain);
  const chain = chainFor(source.language);
  const random = seededRandom(Math.imul(id, 2_654_435_761) ^ 0x5bd1e995);

  let title: string;
  if (source.language === primarySource.language) {
    const headlineRandom = seededRandom(story.seed);
    const headline = chainFor(primarySource.language).words(headlineRandom, between(headlineRandom, 7, 13));
    title = (
      id === story.primaryItemId ? headline : headline.map((word) => (random() < 0.25 ? chain.word(random) : word))
    ).join(' ');
  } else {
    title = chain.words(random, between(random, 7, 13)).join(' ');
  }
  const summary = chain
    .words(random, between(random, 25, 60))
    .join(' ')
    .slice(0, 1000);
  const content = `${summary} ${chain.words(random, between(random, 40, 120)).join(' ')}`;
  const publishedAt = plan.itemAt[index] as number;
  const month = new Date(publishedAt).toISOString().slice(0, 7).replace('-', '/');
  return {
    id,
    sourceId: source.id,
    url: `${new URL(source.homepage).origin}/${month}/${slug(title)}-${id}`,
    title,
    summary,
    content,
    language: source.language,
    publishedAt,
    storyIndex,
    ...itemTags(random, story.theme, source.jurisdictions),
  };
}
