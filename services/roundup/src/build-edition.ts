import type { EditionContent, EditionWeek } from '@regwatch/core';
import {
  composeStoredStories,
  composeWeek,
  type Db,
  editionStoryLimit,
  getEdition,
  insertEdition,
  type StoredEdition,
} from '@regwatch/db';
import { renderRoundupEmail } from '@regwatch/render';
import { editionUrl, publicBase } from './roundup-links.ts';

// The composition lives in packages/db (the console's preview makes the same edition); re-exported
// for this service's callers.
export { composeStoredStories, composeWeek, editionStoryLimit };

/** The published rendering: the whole edition, no subscriber's links. */
export function renderPublished(publicUrl: string, content: EditionContent) {
  return renderRoundupEmail(content, {
    editionUrl: editionUrl(publicUrl, content.week),
    subscribeUrl: `${publicBase(publicUrl)}/subscribe`,
    manageUrl: null,
    unsubscribeUrl: null,
  });
}

/**
 * The stored edition of `week`, built and stored first if there is none. A week without a story
 * has no edition (null): nothing is stored, published or mailed, and the check builds it later if
 * stories of the week arrive before it is over (an instance started after Friday 08:00, before
 * its first polls, must not publish an empty edition for good).
 */
export async function buildEdition(
  db: Db,
  options: { week: EditionWeek; now: Date; publicUrl: string },
): Promise<{ edition: StoredEdition | null; built: boolean }> {
  const existing = await getEdition(db, options.week);
  if (existing) return { edition: existing, built: false };
  const content = await composeWeek(db, options.week, options.now);
  if (content.storyCount === 0) return { edition: null, built: false };
  const rendered = renderPublished(options.publicUrl, content);
  const built = await insertEdition(db, { content, html: rendered.html, text: rendered.text });
  const edition = await getEdition(db, options.week);
  if (!edition) throw new Error(`edition ${options.week} was stored but cannot be read back`);
  return { edition, built };
}
