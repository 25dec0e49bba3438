import type { EditorTag, TagDimension } from '@regwatch/core';

/** One item of a story as the console shows it. */
export interface ConsoleStoryItem {
  id: string;
  title: string;
  url: string | null;
  sourceName: string;
  /** ISO 8601. */
  publishedAt: string;
}

/** What the console's story page shows: the story, its items, its tags and where each tag came from. */
export interface ConsoleStoryView {
  id: string;
  title: string;
  summary: string;
  platforms: readonly string[];
  jurisdictions: readonly string[];
  topics: readonly string[];
  items: readonly ConsoleStoryItem[];
  /** Tags editors added or removed: the evidence of an editor's tag. */
  editorTags: readonly EditorTag[];
  /** Whether the title and summary are an editor's. */
  editorText: boolean;
}

/** What every form of the page needs: where to post (every form posts under it) and the CSRF token. */
export interface ConsoleFormContext {
  /** `/console/stories/42`. */
  action: string;
  csrfToken: string;
}

export const dimensionNames: Record<TagDimension, string> = {
  platforms: 'Platforms',
  jurisdictions: 'Jurisdictions',
  topics: 'Topics',
};
