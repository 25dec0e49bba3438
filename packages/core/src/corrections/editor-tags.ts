import type { TagDimension } from './correction.ts';

/** One tag an editor added to or removed from a story: the evidence says who and when. */
export interface EditorTag {
  dimension: TagDimension;
  id: string;
  change: 'add' | 'remove';
  /** `editor:EMAIL` or `cli`, as the audit log names the actor. */
  editor: string;
  /** ISO 8601. */
  at: string;
}

/**
 * A story's editor tags after one more change: the latest word on a (dimension, tag) replaces
 * the earlier one, so removing a tag an editor added takes it out, and adding it back re-adds it.
 */
export function withEditorTag(current: readonly EditorTag[], next: EditorTag): EditorTag[] {
  const others = current.filter((tag) => tag.dimension !== next.dimension || tag.id !== next.id);
  return [...others, next];
}

/**
 * A story's tags in one dimension: its items' tags, plus what editors added, less what they
 * removed (an editor's word wins over the taggers, whatever a retag or a new item brings).
 */
export function correctedTags(
  fromItems: readonly string[],
  editorTags: readonly EditorTag[],
  dimension: TagDimension,
): string[] {
  const mine = editorTags.filter((tag) => tag.dimension === dimension);
  const removed = new Set(mine.filter((tag) => tag.change === 'remove').map((tag) => tag.id));
  const added = mine.filter((tag) => tag.change === 'add').map((tag) => tag.id);
  return [...new Set([...fromItems, ...added])].filter((tag) => !removed.has(tag)).sort();
}
