import { type EditionContent, editionPeriod } from '@regwatch/core';
import type { Db } from '@regwatch/db';
import { sql } from 'drizzle-orm';

/** The secret the subscription tests sign links with. */
export const testRoundupSecret = 'test-roundup-secret-0123456789abcdef';

function story(id: string, overrides: Partial<EditionContent['sections'][number]['stories'][number]>) {
  return {
    id,
    title: `Story ${id}`,
    summary: `Summary of story ${id}.`,
    newsKind: 'action' as const,
    publisherCount: 1,
    platforms: [],
    jurisdictions: [],
    topics: [],
    sourceKinds: ['regulator' as const],
    firstPublishedAt: '2024-09-16T10:00:00.000Z',
    lastPublishedAt: '2024-09-16T10:00:00.000Z',
    links: [
      {
        title: `Story ${id}`,
        url: `https://regulator.example/news/${id}`,
        source: { id: 'ico', name: 'ICO', kind: 'regulator' as const },
        publishedAt: '2024-09-16T10:00:00.000Z',
        language: 'en',
      },
    ],
    ...overrides,
  };
}

/** An edition of two sections: an ICO fine (GB, enforcement) and a LinkedIn story (IE, press). */
export function editionContent(week = '2024-W38'): EditionContent {
  const { since, until } = editionPeriod(week);
  return {
    week,
    since: since.toISOString(),
    until: until.toISOString(),
    builtAt: until.toISOString(),
    storyCount: 2,
    outreachLeftOut: 0,
    sections: [
      {
        jurisdiction: 'GB',
        stories: [story('101', { title: 'ICO fines a retailer', jurisdictions: ['GB'], topics: ['enforcement'] })],
      },
      {
        jurisdiction: 'IE',
        stories: [
          story('102', {
            title: 'LinkedIn and the DPC',
            jurisdictions: ['IE', 'EU'],
            platforms: ['linkedin'],
            topics: ['cookies-adtech'],
            sourceKinds: ['press'],
          }),
        ],
      },
    ],
  };
}

/** Stores an edition as the roundup service would (its HTML a recognisable stand-in). */
export async function storeEdition(db: Db, content: EditionContent, status = 'sent'): Promise<string> {
  const html = `<!doctype html><html lang="en"><body><h1>Roundup ${content.week}</h1></body></html>`;
  await db.execute(sql`
    insert into roundup_editions (week, period_start, period_end, status, content, html, text, story_count, built_at)
    values (${content.week}, ${content.since}, ${content.until}, ${status}, ${JSON.stringify(content)}::jsonb,
      ${html}, ${'text'}, ${content.storyCount}, ${content.builtAt})`);
  return html;
}

export interface SubscriberRow {
  id: string;
  email: string;
  status: string;
  preferences: Record<string, unknown>;
  confirmation_requested_at: Date | null;
  tokens_valid_after: Date;
  updated_at: Date;
}

export async function subscriberRows(db: Db): Promise<SubscriberRow[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    select id::text as id, email, status, preferences, confirmation_requested_at, tokens_valid_after, updated_at
    from subscribers order by id`);
  return result.rows.map((row) => ({
    ...(row as unknown as SubscriberRow),
    confirmation_requested_at: row.confirmation_requested_at ? new Date(row.confirmation_requested_at as string) : null,
    tokens_valid_after: new Date(row.tokens_valid_after as string),
    updated_at: new Date(row.updated_at as string),
  }));
}

export async function subscriberByEmail(db: Db, email: string): Promise<SubscriberRow> {
  const row = (await subscriberRows(db)).find((candidate) => candidate.email.toLowerCase() === email.toLowerCase());
  if (!row) throw new Error(`no subscriber ${email}`);
  return row;
}
