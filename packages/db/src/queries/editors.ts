import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { editors } from '../schema/index.ts';

/** An account as the CLI lists it and the console checks it (the hash only where a sign-in needs it). */
export interface EditorView {
  id: string;
  email: string;
  createdAt: Date;
  sessionsValidAfter: Date;
  disabledAt: Date | null;
}

const view = {
  id: editors.id,
  email: editors.email,
  createdAt: editors.createdAt,
  sessionsValidAfter: editors.sessionsValidAfter,
  disabledAt: editors.disabledAt,
};

const toView = <T extends { id: bigint }>(row: T) => ({ ...row, id: String(row.id) });
const sameAddress = (email: string) => sql`lower(${editors.email}) = lower(${email.trim()})`;

/** Adds an account; null when the address is taken (case-insensitively: the unique index decides). */
export async function insertEditor(
  db: DbOrTx,
  account: { email: string; passwordHash: string },
): Promise<EditorView | null> {
  const [row] = await db
    .insert(editors)
    .values({ email: account.email.trim(), passwordHash: account.passwordHash })
    .onConflictDoNothing()
    .returning(view);
  return row ? toView(row) : null;
}

export async function listEditors(db: DbOrTx): Promise<EditorView[]> {
  const rows = await db
    .select(view)
    .from(editors)
    .orderBy(asc(sql`lower(${editors.email})`));
  return rows.map(toView);
}

export async function findEditorById(db: DbOrTx, id: string): Promise<EditorView | null> {
  const [row] = await db
    .select(view)
    .from(editors)
    .where(eq(editors.id, BigInt(id)));
  return row ? toView(row) : null;
}

/** The account a sign-in names, with its password hash. */
export async function findEditorForSignIn(
  db: DbOrTx,
  email: string,
): Promise<(EditorView & { passwordHash: string }) | null> {
  const [row] = await db
    .select({ ...view, passwordHash: editors.passwordHash })
    .from(editors)
    .where(sameAddress(email));
  return row ? toView(row) : null;
}

/** Deletes an account (its audit entries keep its address); null when there was none. */
export async function deleteEditor(db: DbOrTx, email: string): Promise<EditorView | null> {
  const [row] = await db.delete(editors).where(sameAddress(email)).returning(view);
  return row ? toView(row) : null;
}

/** A new password, which also ends every session signed before now. Null when there is no such account. */
export async function setEditorPassword(db: DbOrTx, email: string, passwordHash: string): Promise<EditorView | null> {
  const [row] = await db
    .update(editors)
    .set({ passwordHash, sessionsValidAfter: sql`now()`, updatedAt: sql`now()` })
    .where(sameAddress(email))
    .returning(view);
  return row ? toView(row) : null;
}
