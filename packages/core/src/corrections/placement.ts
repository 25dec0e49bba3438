/**
 * Which stories an automatic merge may absorb when a new item matched several. A story an
 * editor arranged (moved an item into or out of) is never merged automatically, either way:
 * re-clustering must not put back together what the editor took apart. New items still join it.
 */
export function automaticMerges(
  joined: string,
  alsoMatched: readonly string[],
  isEditorPlaced: (storyId: string) => boolean,
): string[] {
  if (isEditorPlaced(joined)) return [];
  return alsoMatched.filter((storyId) => !isEditorPlaced(storyId));
}
