import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { editionNotes } from '../schema/index.ts';

export interface EditionNote {
  week: string;
  note: string;
  updatedAt: Date;
}

/** The editor's note for an ISO week, or null when none was written. */
export async function getEditionNote(db: DbOrTx, week: string): Promise<EditionNote | null> {
  const [row] = await db
    .select({ week: editionNotes.week, note: editionNotes.note, updatedAt: editionNotes.updatedAt })
    .from(editionNotes)
    .where(eq(editionNotes.week, week));
  return row ?? null;
}

/**
 * Writes the week's note (an empty note deletes it); returns the note it replaced, for the audit
 * log's before. Pass the transaction that records the audit entry.
 */
export async function saveEditionNote(
  db: DbOrTx,
  entry: { week: string; note: string; editorId: string | null },
): Promise<{ before: string | null }> {
  const before = await db.execute<{ note: string }>(
    sql`select note from ${editionNotes} where week = ${entry.week} for update`,
  );
  if (entry.note === '') {
    await db.delete(editionNotes).where(eq(editionNotes.week, entry.week));
  } else {
    const editorId = entry.editorId === null ? null : BigInt(entry.editorId);
    await db
      .insert(editionNotes)
      .values({ week: entry.week, note: entry.note, editorId })
      .onConflictDoUpdate({ target: editionNotes.week, set: { note: entry.note, editorId, updatedAt: sql`now()` } });
  }
  return { before: before.rows[0]?.note ?? null };
}
