import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, recordAudit } from '../src/index.ts';
import { editors } from '../src/schema/index.ts';

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('auditlog');
});
afterAll(async () => {
  await test.drop();
});

describe('the audit log (issue 14)', () => {
  it('records who, when, what, before and after, newest first, and keeps the actor after the account goes', async () => {
    const { db } = test.database;
    const [editor] = await db.insert(editors).values({ email: 'ed@example.org', passwordHash: 'x' }).returning();
    const actor = { kind: 'editor' as const, editorId: String(editor?.id), email: 'ed@example.org' };
    await recordAudit(db, {
      actor,
      action: 'story.edit',
      subject: 'story:1',
      before: { title: 'a' },
      after: { title: 'b' },
    });
    await recordAudit(db, { actor: { kind: 'cli' }, action: 'editor.add', subject: 'editor:1' });
    await db.execute(sql`delete from editors`);
    const rows = await listAudit(db, { limit: 10 });
    expect(rows.map((row) => [row.actor, row.action, row.subject])).toEqual([
      ['cli', 'editor.add', 'editor:1'],
      ['editor:ed@example.org', 'story.edit', 'story:1'],
    ]);
    expect(rows[1]).toMatchObject({ before: { title: 'a' }, after: { title: 'b' } });
    expect(rows[1]?.at).toBeInstanceOf(Date);
    expect((await listAudit(db, { subject: 'story:1', limit: 10 })).length).toBe(1);
  });
});
