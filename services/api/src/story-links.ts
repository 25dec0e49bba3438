import type { StoryView } from '@regwatch/db';

/** Path of every item of a story, paginated: where a capped `items` list leads. */
export function storyItemsPath(storyId: string): string {
  return `/v1/stories/${storyId}/items`;
}

/** A story as the API serves it: the stored view plus the link to all of its items. */
export function withItemsUrl<T extends StoryView>(story: T): T & { itemsUrl: string } {
  return { ...story, itemsUrl: storyItemsPath(story.id) };
}
