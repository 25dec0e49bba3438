import { randomBytes } from 'node:crypto';
import { hashPassword } from '@regwatch/core';
import { type Db, insertEditor, recordAudit, setEditorPassword } from '@regwatch/db';

/** The demo's editor account: its address is fixed, its password new on every run. */
export const demoEditorEmail = 'editor@demo.regwatch.invalid';

/**
 * Gives the demo's editor a fresh password (made for this run, printed in the banner) so a
 * newcomer can open the console at once. Audited like `regwatch editor password`.
 */
export async function prepareDemoEditor(db: Db): Promise<{ email: string; password: string }> {
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const existing = await setEditorPassword(tx, demoEditorEmail, passwordHash);
    const editor = existing ?? (await insertEditor(tx, { email: demoEditorEmail, passwordHash }));
    if (!editor) return;
    await recordAudit(tx, {
      actor: { kind: 'cli' },
      action: existing ? 'editor.password' : 'editor.add',
      subject: `editor:${editor.id}`,
      after: { email: editor.email, demo: true },
    });
  });
  return { email: demoEditorEmail, password };
}
