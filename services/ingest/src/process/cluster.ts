import {
  addToStoryProfile,
  assignStory,
  automaticMerges,
  mergeStoryProfiles,
  type NormalisedItem,
  type StoryFeatures,
  storyProfileOf,
} from '@regwatch/core';
import {
  createStory,
  type DbOrTx,
  indexClusterKeys,
  lockStoryProfiles,
  mergeStoriesInto,
  refreshStoryRollup,
  setItemStory,
  setStoryProfile,
  storyCandidates,
  storyFacts,
} from '@regwatch/db';
import { type ClusterPlan, candidateWindow } from './plan.ts';

/**
 * Step 5, cluster: puts a freshly inserted item in a story. The candidates are the stories of
 * items stored under its keys (db); core's `assignStory` decides whether it joins the best one,
 * merges others that matched as well into it (the absorbed rows keep their ids, pointing at the
 * survivor), or starts a new story. Then the item is indexed under its keys.
 */
export async function assignToStory(
  tx: DbOrTx,
  itemId: string,
  item: NormalisedItem,
  plan: ClusterPlan,
): Promise<{ storyId: string; clustering: 'new-story' | 'joined' | 'merged' }> {
  const candidates = await storyCandidates(tx, plan.features.candidateKeys, candidateWindow(item.publishedAt), itemId);
  const byStory = new Map<string, StoryFeatures[]>();
  for (const row of candidates) {
    const members = byStory.get(row.storyId) ?? [];
    members.push(row.features);
    byStory.set(row.storyId, members);
  }
  const facts = await storyFacts(tx, [...byStory.keys()]);
  const assigned = assignStory(
    plan.features,
    [...byStory].map(([storyId, features]) => ({
      storyId,
      features,
      profile: facts.get(storyId)?.profile ?? null,
      sourceIds: facts.get(storyId)?.sourceIds,
    })),
  );
  // What an editor arranged is never merged back automatically (core's `automaticMerges`).
  const decision =
    assigned.storyId === null
      ? assigned
      : {
          ...assigned,
          alsoMatched: automaticMerges(assigned.storyId, assigned.alsoMatched, (id) => ({
            placed: facts.get(id)?.editorPlaced ?? false,
            edited: facts.get(id)?.editorEdited ?? false,
          })),
        };

  let storyId = decision.storyId;
  if (storyId === null) {
    storyId = await createStory(tx, {
      primaryItemId: itemId,
      title: item.title,
      summary: item.summary,
      publishedAt: item.publishedAt,
      profile: addToStoryProfile(null, plan.features),
    });
  } else {
    await addToProfiles(tx, storyId, decision.alsoMatched, plan.features, byStory);
  }
  await setItemStory(tx, itemId, storyId);
  await mergeStoriesInto(tx, storyId, decision.alsoMatched);
  await indexClusterKeys(tx, itemId, plan.keys, item.publishedAt);
  await refreshStory(tx, storyId);
  const clustering = decision.storyId === null ? 'new-story' : decision.alsoMatched.length > 0 ? 'merged' : 'joined';
  return { storyId, clustering };
}

/**
 * Counts the item into the profile of the story it joins, and the absorbed stories' profiles
 * into it, under row locks (db). A story stored before profiles existed gets one built from the
 * members found.
 */
async function addToProfiles(
  tx: DbOrTx,
  storyId: string,
  absorbed: readonly string[],
  item: StoryFeatures,
  found: ReadonlyMap<string, StoryFeatures[]>,
): Promise<void> {
  const locked = await lockStoryProfiles(tx, [storyId, ...absorbed]);
  const profileOf = (id: string) => locked.get(id) ?? storyProfileOf(found.get(id) ?? []);
  let profile = addToStoryProfile(profileOf(storyId), item);
  for (const id of absorbed) {
    const other = profileOf(id);
    if (other) profile = mergeStoryProfiles(profile, other);
  }
  await setStoryProfile(tx, storyId, profile);
}

/** Brings a story's rolled-up columns up to date after one of its items changed (db's `refreshStoryRollup`). */
export const refreshStory = refreshStoryRollup;
