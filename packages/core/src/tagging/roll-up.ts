import { TagSet } from './evidence.ts';
import type { ItemTags, Tag } from './types.ts';

function rollUp(lists: readonly (readonly Tag[])[]): Tag[] {
  const tags = new TagSet();
  for (const list of lists) for (const tag of list) for (const evidence of tag.evidence) tags.add(tag.id, evidence);
  return tags.toTags();
}

/**
 * A story's tags: every tag of its items (a story is about what any of its articles is about),
 * evidence merged in item order and capped like an item's. Pass the primary item first so its
 * evidence is the one kept.
 */
export function rollUpTags(items: readonly ItemTags[]): ItemTags {
  return {
    platforms: rollUp(items.map((item) => item.platforms)),
    jurisdictions: rollUp(items.map((item) => item.jurisdictions)),
    topics: rollUp(items.map((item) => item.topics)),
  };
}
