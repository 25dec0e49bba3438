import {
  type Correction,
  type CorrectionKind,
  correctionValidator,
  type EditorTag,
  RegwatchError,
  type StoryFeatures,
  storyProfileOf,
  withEditorTag,
} from '@regwatch/core';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.ts';
import { corrections } from '../schema/index.ts';
import { type AuditActor, actorName, recordAudit } from './audit-log.ts';
import { createStory, mergeStoriesInto, setItemStory } from './clustering.ts';
import { textArray } from './sql-arrays.ts';
import { resolveStoryId } from './stories.ts';
import { refreshStoryRollup } from './story-rollup.ts';

/** What a correction changed, as the audit log keeps it. */
export interface CorrectionResult {
  id: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** The audit log's name for each kind of correction. */
const actions: Record<CorrectionKind, string> = {
  'merge-stories': 'story.merge',
  'move-item': 'item.move',
  'change-tag': 'story.tag',
  'write-story-text': 'story.text',
  'take-down-item': 'item.take-down',
  'mark-not-news': 'item.not-news',
};

const subjectOf = (correction: Correction) =>
  'itemId' in correction ? `item:${correction.itemId}` : `story:${correction.storyId}`;

/**
 * Applies an editor's correction (issue 14) in one transaction with its record in `corrections`
 * and its audit row, and returns the state before and after. The corrected state is kept where
 * the pipeline reads it (`items.withdrawn_*`, `stories.editor_*`), so re-ingest, `retag` and
 * re-clustering respect it. Throws RegwatchError (`invalid_parameter`, `not_found`, `conflict`)
 * for a correction that cannot apply.
 */
export async function applyCorrection(db: Db, actor: AuditActor, correction: Correction): Promise<CorrectionResult> {
  if (!correctionValidator.Check(correction)) {
    throw new RegwatchError('invalid_parameter', 'That correction is not well formed: check the ids and fields.');
  }
  return db.transaction(async (tx) => {
    const change = await applyInTransaction(tx, actorName(actor), correction);
    const [row] = await tx
      .insert(corrections)
      .values({
        kind: correction.kind,
        subject: subjectOf(correction),
        correction,
        editorId: actor.kind === 'editor' ? BigInt(actor.editorId) : null,
        actor: actorName(actor),
      })
      .returning({ id: corrections.id });
    await recordAudit(tx, {
      actor,
      action: actions[correction.kind],
      subject: subjectOf(correction),
      before: change.before,
      after: change.after,
    });
    return { id: String(row?.id), ...change };
  });
}

type Change = Omit<CorrectionResult, 'id'>;

async function applyInTransaction(tx: DbOrTx, editor: string, correction: Correction): Promise<Change> {
  switch (correction.kind) {
    case 'merge-stories':
      return mergeStories(tx, correction.storyId, correction.intoStoryId);
    case 'move-item':
      return moveItem(tx, correction.itemId, correction.toStoryId);
    case 'change-tag':
      return changeTag(tx, correction.storyId, {
        dimension: correction.dimension,
        id: correction.tag,
        change: correction.change,
        editor,
        at: new Date().toISOString(),
      });
    case 'write-story-text':
      return writeStoryText(tx, correction.storyId, { title: correction.title, summary: correction.summary });
    case 'take-down-item':
      return withdrawItem(tx, correction.itemId, 'taken-down');
    case 'mark-not-news':
      return withdrawItem(tx, correction.itemId, 'not-news');
  }
}

/** A live story (the survivor of its merges) locked for the transaction, or not_found. */
async function lockLiveStory(tx: DbOrTx, id: string): Promise<{ id: string; title: string; summary: string }> {
  const resolved = await resolveStoryId(tx, id);
  const result = resolved
    ? await tx.execute<{ id: string; title: string; summary: string; emptied: boolean }>(sql`
        select id::text, title, summary, emptied_at is not null as emptied
        from stories where id = ${resolved.id}::bigint for update`)
    : undefined;
  const row = result?.rows[0];
  if (!row || row.emptied) throw new RegwatchError('not_found', `Story ${id} does not exist.`);
  return row;
}

async function memberIds(tx: DbOrTx, storyId: string): Promise<string[]> {
  const result = await tx.execute<{ id: string }>(
    sql`select id::text from items where story_id = ${storyId}::bigint order by id`,
  );
  return result.rows.map((row) => row.id);
}

async function mergeStories(tx: DbOrTx, storyId: string, intoStoryId: string): Promise<Change> {
  // Locked in id order, as clustering locks profiles, so two merges never wait on each other.
  const [first, second] = BigInt(storyId) < BigInt(intoStoryId) ? [storyId, intoStoryId] : [intoStoryId, storyId];
  const a = await lockLiveStory(tx, first);
  const b = await lockLiveStory(tx, second);
  const [absorbed, survivor] = first === storyId ? [a, b] : [b, a];
  if (absorbed.id === survivor.id) throw new RegwatchError('conflict', 'Those two ids are already one story.');
  const before = {
    story: { id: absorbed.id, items: await memberIds(tx, absorbed.id) },
    into: { id: survivor.id, items: await memberIds(tx, survivor.id) },
  };
  // The survivor keeps the absorbed story's arrangement: what an editor took apart stays apart.
  await tx.execute(sql`
    update stories set editor_placed_at = coalesce(editor_placed_at, (
      select editor_placed_at from stories where id = ${absorbed.id}::bigint))
    where id = ${survivor.id}::bigint`);
  await mergeStoriesInto(tx, survivor.id, [absorbed.id]);
  await refreshStoryRollup(tx, survivor.id, { rebuildProfile: true });
  return {
    before,
    after: { story: { id: survivor.id, items: await memberIds(tx, survivor.id) }, absorbed: absorbed.id },
  };
}

interface LockedItem {
  id: string;
  storyId: string | null;
  title: string;
  summary: string;
  publishedAt: string;
  features: StoryFeatures | null;
  withdrawnAs: string | null;
}

async function lockItem(tx: DbOrTx, itemId: string): Promise<LockedItem> {
  const result = await tx.execute<{
    id: string;
    story_id: string | null;
    title: string;
    summary: string;
    published_at: string;
    story_features: StoryFeatures | null;
    withdrawn_as: string | null;
  }>(sql`
    select id::text, story_id::text, title, summary, published_at::text, story_features, withdrawn_as
    from items where id = ${itemId}::bigint for update`);
  const row = result.rows[0];
  if (!row) throw new RegwatchError('not_found', `Item ${itemId} does not exist.`);
  return {
    id: row.id,
    storyId: row.story_id,
    title: row.title,
    summary: row.summary,
    publishedAt: new Date(row.published_at).toISOString(),
    features: row.story_features,
    withdrawnAs: row.withdrawn_as,
  };
}

async function markEditorPlaced(tx: DbOrTx, storyIds: readonly (string | null)[]): Promise<void> {
  const ids = storyIds.filter((id): id is string => id !== null);
  if (ids.length === 0) return;
  await tx.execute(sql`
    update stories set editor_placed_at = now() where id = any(${textArray(ids)}::bigint[])`);
}

/**
 * Locks an item and the stories named, stories first in id order and then the item, as
 * clustering does (story rows, then item rows), so a correction and a worker never deadlock.
 * The item's story is read first and checked again under the lock.
 */
async function lockItemAndStories(
  tx: DbOrTx,
  itemId: string,
  otherStoryId?: string,
): Promise<{ item: LockedItem; other: string | undefined }> {
  const { rows } = await tx.execute<{ story_id: string | null }>(
    sql`select story_id::text from items where id = ${itemId}::bigint`,
  );
  if (rows.length === 0) throw new RegwatchError('not_found', `Item ${itemId} does not exist.`);
  const current = rows[0]?.story_id ?? null;
  const other = otherStoryId === undefined ? undefined : (await resolveStoryId(tx, otherStoryId))?.id;
  if (otherStoryId !== undefined && other === undefined) {
    throw new RegwatchError('not_found', `Story ${otherStoryId} does not exist.`);
  }
  const storyIds = [...new Set([current, other].filter((id): id is string => id !== null && id !== undefined))];
  if (storyIds.length > 0) {
    await tx.execute(sql`
      select id from stories where id = any(${textArray(storyIds)}::bigint[]) order by id for update`);
  }
  const item = await lockItem(tx, itemId);
  if (item.storyId !== current) throw new RegwatchError('conflict', `Item ${itemId} just moved: try again.`);
  return { item, other };
}

async function moveItem(tx: DbOrTx, itemId: string, toStoryId: string | undefined): Promise<Change> {
  const { item, other } = await lockItemAndStories(tx, itemId, toStoryId);
  if (item.withdrawnAs !== null)
    throw new RegwatchError('conflict', `Item ${itemId} was withdrawn: it is in no story.`);
  const from = item.storyId;
  let to: string;
  if (other === undefined) {
    const profile = storyProfileOf(item.features ? [item.features] : []);
    // Out into a story of its own, the item its primary.
    to = await createStory(tx, {
      primaryItemId: item.id,
      title: item.title,
      summary: item.summary,
      publishedAt: item.publishedAt,
      profile,
    });
  } else {
    to = (await lockLiveStory(tx, other)).id;
    if (to === from) throw new RegwatchError('conflict', `Item ${itemId} is already in story ${to}.`);
  }
  await setItemStory(tx, item.id, to);
  // Both sides are the editor's arrangement now: automatic merges leave them apart.
  await markEditorPlaced(tx, [from, to]);
  if (from !== null) await refreshStoryRollup(tx, from, { rebuildProfile: true });
  await refreshStoryRollup(tx, to, { rebuildProfile: true });
  return { before: { itemId: item.id, storyId: from }, after: { itemId: item.id, storyId: to } };
}

async function changeTag(tx: DbOrTx, storyId: string, tag: EditorTag): Promise<Change> {
  const story = await lockLiveStory(tx, storyId);
  const current = await tx.execute<{ editor_tags: EditorTag[]; tags: string[] }>(sql`
    select editor_tags, ${sql.raw(tag.dimension)} as tags from stories where id = ${story.id}::bigint`);
  const row = current.rows[0];
  const editorTags = withEditorTag(row?.editor_tags ?? [], tag);
  await tx.execute(sql`
    update stories set editor_tags = ${JSON.stringify(editorTags)}::jsonb where id = ${story.id}::bigint`);
  await refreshStoryRollup(tx, story.id);
  const after = await tx.execute<{ tags: string[] }>(
    sql`select ${sql.raw(tag.dimension)} as tags from stories where id = ${story.id}::bigint`,
  );
  return {
    before: { storyId: story.id, [tag.dimension]: row?.tags ?? [] },
    after: { storyId: story.id, [tag.dimension]: after.rows[0]?.tags ?? [], evidence: tag },
  };
}

async function writeStoryText(tx: DbOrTx, storyId: string, text: { title: string; summary: string }): Promise<Change> {
  const story = await lockLiveStory(tx, storyId);
  await tx.execute(sql`
    update stories set editor_title = ${text.title}, editor_summary = ${text.summary}, title = ${text.title},
      summary = ${text.summary}, updated_at = now()
    where id = ${story.id}::bigint`);
  return {
    before: { storyId: story.id, title: story.title, summary: story.summary },
    after: { storyId: story.id, ...text },
  };
}

/**
 * Takes an item out of the newsfeed for good. The row stays, out of every list, as the
 * tombstone: the same entry (dedup key), URL (canonical URL) or text (its `x.` cluster key)
 * coming back meets it in the processing step and is linked to it, so it stays out too; a
 * not-news entry is also set aside when its source is read again (`notNewsEntryKeys`).
 */
async function withdrawItem(tx: DbOrTx, itemId: string, as: 'taken-down' | 'not-news'): Promise<Change> {
  const { item } = await lockItemAndStories(tx, itemId);
  if (item.withdrawnAs !== null) throw new RegwatchError('conflict', `Item ${itemId} was already withdrawn.`);
  await tx.execute(sql`
    update items set withdrawn_at = now(), withdrawn_as = ${as}, story_id = null, updated_at = now()
    where id = ${item.id}::bigint`);
  if (item.storyId !== null) await refreshStoryRollup(tx, item.storyId, { rebuildProfile: true });
  return { before: { itemId: item.id, storyId: item.storyId }, after: { itemId: item.id, withdrawnAs: as } };
}

/** Of these entries (dedup keys), those whose item an editor marked as not news: a poll sets them aside. */
export async function notNewsEntryKeys(db: DbOrTx, dedupKeys: readonly string[]): Promise<Set<string>> {
  if (dedupKeys.length === 0) return new Set();
  const result = await db.execute<{ dedup_key: string }>(sql`
    select e.dedup_key from entries e join items i on i.id = e.item_id
    where e.dedup_key = any(${textArray(dedupKeys)})
      and i.withdrawn_as = 'not-news'`);
  return new Set(result.rows.map((row) => row.dedup_key));
}

/** What editors set on a story (for the console's story page): their title, summary, tags and whether they arranged it. */
export interface StoryEditorState {
  editorTitle: string | null;
  editorSummary: string | null;
  editorTags: EditorTag[];
  editorPlaced: boolean;
}

export async function storyEditorState(db: DbOrTx, storyId: string): Promise<StoryEditorState | undefined> {
  const result = await db.execute<{
    editor_title: string | null;
    editor_summary: string | null;
    editor_tags: EditorTag[];
    editor_placed: boolean;
  }>(sql`
    select editor_title, editor_summary, editor_tags, editor_placed_at is not null as editor_placed
    from stories where id = ${storyId}::bigint`);
  const row = result.rows[0];
  return row
    ? {
        editorTitle: row.editor_title,
        editorSummary: row.editor_summary,
        editorTags: row.editor_tags,
        editorPlaced: row.editor_placed,
      }
    : undefined;
}
