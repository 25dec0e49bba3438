/** What an editor did to a story that an automatic merge must not undo. */
export interface EditorMarks {
  /** An editor moved an item into or out of it. */
  placed: boolean;
  /** An editor wrote its title and summary or corrected its tags. */
  edited: boolean;
}

/**
 * Which stories an automatic merge may absorb when a new item matched several. A story an
 * editor arranged (moved an item into or out of) is never merged automatically, either way:
 * re-clustering must not put back together what the editor took apart. A story an editor
 * edited may absorb others but is never absorbed (its id would then show another's text and
 * tags). New items still join either.
 */
export function automaticMerges(
  joined: string,
  alsoMatched: readonly string[],
  marksOf: (storyId: string) => EditorMarks,
): string[] {
  if (marksOf(joined).placed) return [];
  return alsoMatched.filter((storyId) => {
    const marks = marksOf(storyId);
    return !marks.placed && !marks.edited;
  });
}
