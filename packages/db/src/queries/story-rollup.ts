import { choosePrimary, correctedTags, storyProfileOf } from '@regwatch/core';
import type { DbOrTx } from '../client.ts';
import {
  lockStoryProfiles,
  setStoryProfile,
  storyEditorTags,
  storyMembers,
  writeEmptyStory,
  writeStoryRollup,
} from './clustering.ts';

/**
 * Brings a story's rolled-up columns up to date after its items changed: the primary item
 * (core's `choosePrimary`: the regulator's notice first), title, summary, count, span and tags
 * (the items' union as editors corrected it, core's `correctedTags`). With `rebuildProfile`, the
 * profile is rebuilt from its members' features too (their terms changed, or members left, and
 * a profile cannot take an item's terms out). A story left with no item drops out of the lists.
 * The processing step (`refreshStory` in services/ingest) and editors' corrections both call it.
 */
export async function refreshStoryRollup(
  tx: DbOrTx,
  storyId: string,
  options: { rebuildProfile?: boolean } = {},
): Promise<void> {
  const members = await storyMembers(tx, storyId);
  const primary = choosePrimary(members);
  if (!primary) {
    await writeEmptyStory(tx, storyId);
    return;
  }
  if (options.rebuildProfile) {
    await lockStoryProfiles(tx, [storyId]);
    const features = members.flatMap((member) => (member.features ? [member.features] : []));
    await setStoryProfile(tx, storyId, storyProfileOf(features));
  }
  const editorTags = await storyEditorTags(tx, storyId);
  const union = (dimension: 'platforms' | 'jurisdictions' | 'topics') =>
    correctedTags(
      members.flatMap((member) => member[dimension]),
      editorTags,
      dimension,
    );
  await writeStoryRollup(tx, storyId, primary.id, {
    platforms: union('platforms'),
    jurisdictions: union('jurisdictions'),
    topics: union('topics'),
  });
}
