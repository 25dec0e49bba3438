import { editionPeriod } from '@regwatch/core';
import { getEdition, saveEditionNote } from '@regwatch/db';
import { buildEdition } from '@regwatch/roundup';
import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addIcoSource, storeStory } from './support/roundup.ts';

// Issue 14: the editor's note written in the console is at the top of the edition built for its week.
let test: TestDatabase;
const week = '2024-W38';

beforeAll(async () => {
  test = await createTestDatabase('roundupnote');
  await addIcoSource(test.database.db);
  const { since } = editionPeriod(week);
  await storeStory(
    test.database.db,
    'fine',
    'ICO fines a retailer',
    new Date(since.getTime() + 86_400_000).toISOString(),
  );
});
afterAll(async () => {
  await test?.drop();
});

describe('the editor’s note in a built edition (issue 14)', () => {
  it('is carried by the edition’s JSON, HTML and text, above the stories', async () => {
    await saveEditionNote(test.database.db, {
      week,
      note: 'A quiet week <b>but</b> one fine.\n\nBack to normal next Friday.',
      editorId: null,
    });
    const { edition, built } = await buildEdition(test.database.db, {
      week,
      now: editionPeriod(week).until,
      publicUrl: 'https://regwatch.example.org',
    });
    expect(built).toBe(true);
    const stored = await getEdition(test.database.db, week);
    expect(stored?.content.note).toBe('A quiet week <b>but</b> one fine.\n\nBack to normal next Friday.');
    const htmlPart = edition?.html ?? '';
    expect(htmlPart).toContain('From the editor');
    expect(htmlPart).toContain('A quiet week &lt;b&gt;but&lt;/b&gt; one fine.');
    expect(htmlPart.indexOf('Back to normal')).toBeLessThan(htmlPart.indexOf('<h3'));
    const text = edition?.text ?? '';
    expect(text).toMatch(
      /From the editor:\n {2}A quiet week <b>but<\/b> one fine\.\n\n {2}Back to normal next Friday\./,
    );
    expect(text.indexOf('Back to normal')).toBeLessThan(text.indexOf('ICO fines a retailer'));
  });
});
