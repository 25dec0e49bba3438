import { createTestDatabase, type TestDatabase } from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeItem, storeItems } from '../src/index.ts';
import { addSource, makeItem } from './factories.ts';

// Issue 4: same item, near-duplicate and same story, through the real database.
let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase('cluster');
  const { db } = test.database;
  await addSource(db, { id: 'ico', name: 'ICO', kind: 'regulator', jurisdictions: ['GB'] });
  await addSource(db, { id: 'register', name: 'The Register', kind: 'press', jurisdictions: [] });
  await addSource(db, { id: 'record', name: 'The Record', kind: 'press', jurisdictions: [] });
  await addSource(db, { id: 'wire', name: 'Wire copy', kind: 'press', jurisdictions: [] });
  await addSource(db, { id: 'agency', name: 'News agency', kind: 'press', jurisdictions: [] });
  await addSource(db, { id: 'register-db', name: 'Incident register', kind: 'incident-db', jurisdictions: [] });
  await addSource(db, { id: 'cnil', name: 'CNIL', kind: 'regulator', jurisdictions: ['FR'] });
});
afterAll(() => test.drop());

let serial = 0;
function article(sourceId: string, title: string, summary: string, published: string) {
  serial += 1;
  return makeItem(
    { guid: `${sourceId}-${serial}`, link: `https://${sourceId}.example/${serial}`, title, summary, published },
    sourceId,
  );
}

async function story(storyId: string | null) {
  const result = await test.database.db.execute<{
    primary_item_id: string;
    item_count: number;
    title: string;
    merged_into_id: string | null;
  }>(
    sql`select primary_item_id::text, item_count, title, merged_into_id::text from stories where id = ${storyId}::bigint`,
  );
  return result.rows[0];
}

describe('clustering in storeItem', () => {
  it('folds a syndicated copy from another outlet into the item it copies, as an alternate', async () => {
    const { db } = test.database;
    const summary =
      'The Information Commissioner fined the genetic testing company after a 2023 cyber attack exposed the ' +
      'personal data of 155,592 UK users, saying it failed to protect highly sensitive information.';
    const original = await storeItem(
      db,
      article('register', 'ICO fines 23andMe £2.31m over genetic data breach', summary, '2025-06-17T09:00:00Z'),
      { jurisdictions: [] },
    );
    const copy = await storeItem(
      db,
      article(
        'wire',
        'UPDATE 1-ICO fines 23andMe £2.31m over genetic data breach',
        summary.replace('saying it failed', 'and said it had failed'),
        '2025-06-17T11:30:00Z',
      ),
      { jurisdictions: [] },
    );
    expect(original.outcome).toBe('inserted');
    expect(copy).toEqual({
      outcome: 'linked',
      itemId: original.itemId,
      storyId: original.storyId,
      dedup: 'near-duplicate',
    });
    const alternates = await db.execute<{ url: string }>(
      sql`select url from entries where item_id = ${original.itemId}::bigint order by url`,
    );
    expect(alternates.rows.map((row) => row.url)).toHaveLength(2);
  });

  it('folds the same text reached under another URL and source into one item (same text key)', async () => {
    const { db } = test.database;
    const title = 'Regulator publishes guidance on biometric access control at work';
    const summary =
      'Employers that use fingerprint or face scanners to let staff into buildings must first consider ' +
      'less intrusive options, the guidance says, and must explain the processing to every worker.';
    const first = await storeItem(db, article('register', title, summary, '2025-02-20T09:00:00Z'), {
      jurisdictions: [],
    });
    const again = await storeItem(db, article('record', title.toUpperCase(), `${summary}  `, '2025-04-20T09:00:00Z'), {
      jurisdictions: [],
    });
    // Two months apart: outside the near-duplicate window, so only the text key can match.
    expect(again).toEqual({ outcome: 'linked', itemId: first.itemId, storyId: first.storyId, dedup: 'same-text' });
  });

  it('issue 11: keeps one source’s entries with different guids and links as items, however alike their boilerplate', async () => {
    const { db } = test.database;
    // The Garante's decisions of one day: the same page header but for their numbers.
    const decision = (docweb: string, register: number) =>
      makeItem(
        {
          guid: `https://garante.example/docweb/${docweb}`,
          link: `https://garante.example/docweb/${docweb}`,
          title: `Provvedimento del 28 maggio 2026 [${docweb}]`,
          summary:
            `[doc. web n. ${docweb}] Provvedimento del 28 maggio 2026 Registro dei provvedimenti n. ${register} del ` +
            '28 maggio 2026 IL GARANTE PER LA PROTEZIONE DEI DATI PERSONALI NELLA riunione odierna, alla quale han[...]',
          published: '2026-05-28T10:00:00Z',
        },
        'cnil',
      );
    const stored = [];
    for (const [docweb, register] of [
      ['10259701', 419],
      ['10259916', 382],
      ['10262588', 383],
    ] as const) {
      stored.push(await storeItem(db, decision(docweb, register), { jurisdictions: ['FR'] }));
    }
    expect(stored.map((result) => result.outcome)).toEqual(['inserted', 'inserted', 'inserted']);
    expect(new Set(stored.map((result) => result.itemId)).size).toBe(3);

    // Same title and a body of boilerplate longer than the summary: one text key, two texts.
    const boilerplate =
      'Ce document est publié par la Commission nationale de l’informatique et des libertés dans le cadre de sa ' +
      'mission d’information du public et des professionnels sur la protection des données personnelles.';
    const notice = (n: number, summary: string) =>
      makeItem(
        {
          guid: `cnil-notice-${n}`,
          link: `https://cnil.example/notice-${n}`,
          title: 'Informations publiques',
          summary,
          content: boilerplate,
          published: '2026-04-01T10:00:00Z',
        },
        'cnil',
      );
    const march = await storeItem(db, notice(1, 'Les délibérations de mars.'), { jurisdictions: ['FR'] });
    const april = await storeItem(db, notice(2, 'Les délibérations d’avril.'), { jurisdictions: ['FR'] });
    expect(april.outcome).toBe('inserted');
    expect(april.itemId).not.toBe(march.itemId);
  });

  it('keeps two short items with the same headline apart: too little text to know they are one article', async () => {
    const { db } = test.database;
    const one = await storeItem(db, article('register', 'Weekly privacy roundup', '', '2025-01-10T09:00:00Z'), {
      jurisdictions: [],
    });
    const two = await storeItem(db, article('record', 'Weekly privacy roundup', '', '2025-03-10T09:00:00Z'), {
      jurisdictions: [],
    });
    expect(one.outcome).toBe('inserted');
    expect(two.outcome).toBe('inserted');
    expect(two.itemId).not.toBe(one.itemId);
  });

  it('puts different articles about one event in one story, the regulator’s notice primary even when later', async () => {
    const { db } = test.database;
    const press = await storeItem(
      db,
      article(
        'record',
        'Ireland’s DPC hits TikTok with €530 million fine over data transfers to China',
        'The Data Protection Commission said TikTok failed to guarantee that European users’ data sent to China was protected.',
        '2025-05-02T08:00:00Z',
      ),
      { jurisdictions: [] },
    );
    const notice = await storeItem(
      db,
      article(
        'ico',
        'DPC announces €530 million fine of TikTok',
        'The Data Protection Commission has fined TikTok Technology Limited €530 million over transfers of EEA users’ personal data to China.',
        '2025-05-02T10:00:00Z',
      ),
      { jurisdictions: ['IE'] },
    );
    expect(notice.outcome).toBe('inserted');
    expect(notice.storyId).toBe(press.storyId);
    expect(await story(notice.storyId)).toMatchObject({
      primary_item_id: notice.itemId,
      item_count: 2,
      title: 'DPC announces €530 million fine of TikTok',
    });
  });

  it('keeps unrelated events apart, and the same company a month later apart', async () => {
    const { db } = test.database;
    const first = await storeItem(
      db,
      article(
        'register',
        'CNIL fines Google €325 million over Gmail ads and cookies',
        'Cookie consent.',
        '2025-09-03T08:00:00Z',
      ),
      { jurisdictions: [] },
    );
    const unrelated = await storeItem(
      db,
      article(
        'record',
        'Hospital ransomware attack exposes patient records',
        'Patients notified.',
        '2025-09-03T09:00:00Z',
      ),
      { jurisdictions: [] },
    );
    const later = await storeItem(
      db,
      article('register', 'Google appeals CNIL cookie fine', 'Google said it would appeal.', '2025-10-20T08:00:00Z'),
      { jurisdictions: [] },
    );
    expect(new Set([first.storyId, unrelated.storyId, later.storyId]).size).toBe(3);
  });

  it('finds the story through the new item’s own keys even when a busier week of other news came after it', async () => {
    const { db } = test.database;
    const first = await storeItem(
      db,
      article(
        'register',
        'Quorvane Health fined over leaked vaccination records',
        'Quorvane Health exposed vaccination records of 40,000 patients.',
        '2026-05-04T08:00:00Z',
      ),
      { jurisdictions: [] },
    );
    // More unrelated items in the window than one key lookup reads (50), all more recent.
    for (let n = 0; n < 60; n += 1) {
      await storeItem(
        db,
        article(
          'record',
          `Unrelated bulletin ${n} ${'xyz'.repeat((n % 5) + 1)}${n}`,
          '',
          `2026-05-04T1${n % 10}:00:00Z`,
        ),
        { jurisdictions: [] },
      );
    }
    const second = await storeItem(
      db,
      article(
        'wire',
        'Regulator penalises Quorvane Health for vaccination records leak',
        'Vaccination records of Quorvane Health patients were exposed.',
        '2026-05-04T09:30:00Z',
      ),
      { jurisdictions: [] },
    );
    expect(second.outcome).toBe('inserted');
    expect(second.storyId).toBe(first.storyId);
  });

  it('merges two early stories of one event when an item joins both; the absorbed story points at the survivor', async () => {
    const { db } = test.database;
    // One name in common: too little to join each other, so the event starts as two stories.
    const a = await storeItem(db, article('register', 'Kettleworks fined by ICO', '', '2026-03-01T08:00:00Z'), {
      jurisdictions: [],
    });
    const b = await storeItem(db, article('record', 'Kettleworks app leak', '', '2026-03-01T08:30:00Z'), {
      jurisdictions: [],
    });
    expect(a.storyId).not.toBe(b.storyId);
    const bridge = await storeItem(
      db,
      article('wire', 'ICO fines Kettleworks after app leak', '', '2026-03-01T12:00:00Z'),
      { jurisdictions: [] },
    );
    const survivor = bridge.storyId;
    const absorbed = survivor === a.storyId ? b.storyId : a.storyId;
    expect([a.storyId, b.storyId]).toContain(survivor);
    expect(await story(absorbed)).toMatchObject({ merged_into_id: survivor, item_count: 0 });
    expect(await story(survivor)).toMatchObject({ item_count: 3, merged_into_id: null });
  });

  it('merges within a batch: an item after the merge joins the survivor, and the absorbed story keeps nothing (issue 15)', async () => {
    const { db } = test.database;
    const a = await storeItem(db, article('register', 'Brindlecote fined by ICO', '', '2026-03-08T08:00:00Z'), {
      jurisdictions: [],
    });
    const b = await storeItem(db, article('record', 'Brindlecote app leak', '', '2026-03-08T08:30:00Z'), {
      jurisdictions: [],
    });
    expect(a.storyId).not.toBe(b.storyId);
    // The bridge and a later article in one batch: the later one must see the merge the bridge made.
    const [bridge, later] = await storeItems(db, [
      { item: article('wire', 'ICO fines Brindlecote after app leak', '', '2026-03-08T12:00:00Z'), jurisdictions: [] },
      {
        item: article('agency', 'Brindlecote to appeal ICO fine after app leak', '', '2026-03-08T15:00:00Z'),
        jurisdictions: [],
      },
    ]);
    const survivor = bridge?.storyId ?? null;
    const absorbed = survivor === a.storyId ? b.storyId : a.storyId;
    expect(bridge?.clustering).toBe('merged');
    expect(later).toMatchObject({ outcome: 'inserted', storyId: survivor, clustering: 'joined' });
    expect(await story(absorbed)).toMatchObject({ merged_into_id: survivor, item_count: 0 });
    expect(await story(survivor)).toMatchObject({ item_count: 4, merged_into_id: null });
    const members = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from items where story_id = ${survivor}::bigint`,
    );
    expect(members.rows[0]?.n).toBe(4);
  });

  it('does not merge two events because one roundup item mentions both', async () => {
    const { db } = test.database;
    const a = await storeItem(
      db,
      article(
        'register',
        'Alpha Widgets recalls smart kettles',
        'Alpha Widgets recalls smart kettles.',
        '2026-04-01T08:00:00Z',
      ),
      { jurisdictions: [] },
    );
    const b = await storeItem(
      db,
      article(
        'record',
        'Beta Gadgets sued over doorbell cameras',
        'Beta Gadgets sued over doorbell cameras.',
        '2026-04-01T09:00:00Z',
      ),
      { jurisdictions: [] },
    );
    const roundup = await storeItem(
      db,
      article(
        'wire',
        'Alpha Widgets recalls smart kettles as Beta Gadgets sued over doorbell cameras',
        'Alpha Widgets recalls smart kettles; Beta Gadgets sued over doorbell cameras.',
        '2026-04-01T10:00:00Z',
      ),
      { jurisdictions: [] },
    );
    expect([a.storyId, b.storyId]).toContain(roundup.storyId);
    expect(await story(a.storyId)).toMatchObject({ merged_into_id: null });
    expect(await story(b.storyId)).toMatchObject({ merged_into_id: null });
  });

  it('never folds two entries of an incident register into one story, though they share words and a date', async () => {
    const { db } = test.database;
    // The register gives years, not dates: both entries are dated when first seen.
    const seen = new Date('2026-07-01T10:00:00Z');
    const entry = (guid: string, title: string) =>
      makeItem({ guid, link: `https://register.example/${guid}`, title }, 'register-db', seen);
    const one = await storeItem(db, entry('r1', 'Pentagon uses Anthropic Claude to plan Iran airstrikes'), {
      jurisdictions: [],
    });
    const two = await storeItem(db, entry('r2', 'Pentagon uses Anthropic Claude to capture Venezuela president'), {
      jurisdictions: [],
    });
    expect(one.outcome).toBe('inserted');
    expect(two.outcome).toBe('inserted');
    expect(two.storyId).not.toBe(one.storyId);
  });

  it('asks more of two notices of one regulator than of two outlets: the regulator’s own name is no evidence', async () => {
    const { db } = test.database;
    const first = await storeItem(
      db,
      article(
        'cnil',
        'La CNIL publie ses recommandations sur le vote électronique',
        'La CNIL publie des recommandations.',
        '2026-06-23T08:00:00Z',
      ),
      { jurisdictions: ['FR'] },
    );
    const second = await storeItem(
      db,
      article(
        'cnil',
        'La CNIL publie son rapport sur les violations de données',
        'La CNIL publie un rapport.',
        '2026-06-24T08:00:00Z',
      ),
      { jurisdictions: ['FR'] },
    );
    expect(second.storyId).not.toBe(first.storyId);
    // The enforcement notice and the penalty notice of one case, same day, same title: one story.
    const notice = await storeItem(
      db,
      article('ico', 'TMAC Ltd', 'Enforcement notice issued to TMAC Ltd.', '2026-02-12T09:00:00Z'),
      {
        jurisdictions: ['GB'],
      },
    );
    const penalty = await storeItem(
      db,
      article('ico', 'TMAC Ltd', 'Monetary penalty notice issued to TMAC Ltd.', '2026-02-12T09:00:00Z'),
      {
        jurisdictions: ['GB'],
      },
    );
    expect(penalty.outcome).toBe('inserted');
    expect(penalty.storyId).toBe(notice.storyId);
  });

  it('keeps the profile of a story in its row, counting each item once', async () => {
    const { db } = test.database;
    const one = await storeItem(
      db,
      article(
        'register',
        'Lumora Bank fined for tracking customers',
        'Lumora Bank tracked customers.',
        '2026-08-01T08:00:00Z',
      ),
      { jurisdictions: [] },
    );
    const two = await storeItem(
      db,
      article(
        'record',
        'Lumora Bank penalised over customer tracking',
        'Customers of Lumora Bank were tracked.',
        '2026-08-01T09:00:00Z',
      ),
      { jurisdictions: [] },
    );
    expect(two.storyId).toBe(one.storyId);
    const profile = await db.execute<{ items: number; terms: string[] }>(
      sql`select (profile->>'items')::int as items, array(select jsonb_array_elements_text(profile->'terms')) as terms
          from stories where id = ${one.storyId}::bigint`,
    );
    expect(profile.rows[0]?.items).toBe(2);
    expect(profile.rows[0]?.terms).toEqual(expect.arrayContaining(['lumora', 'bank']));
  });

  it('makes one story of two articles of a new story stored at the same time', async () => {
    const { db } = test.database;
    // Ten rounds, each two articles of one new event stored concurrently on separate connections.
    for (let round = 0; round < 10; round += 1) {
      // A week apart: outside each other's time window, so rounds cannot interact.
      const day = new Date(Date.UTC(2026, 3, 1) + round * 7 * 86_400_000).toISOString().slice(0, 10);
      const company = `Company${round}x`;
      const [one, two] = await Promise.all([
        storeItem(
          db,
          article(
            'register',
            `${company} fined £4m by ICO over facial recognition`,
            `${company} used facial recognition on shoppers.`,
            `${day}T08:00:00Z`,
          ),
          { jurisdictions: [] },
        ),
        storeItem(
          db,
          article(
            'record',
            `ICO fines ${company} £4m for facial recognition in shops`,
            `The ICO said ${company} scanned shoppers.`,
            `${day}T08:05:00Z`,
          ),
          { jurisdictions: [] },
        ),
      ]);
      expect(one.outcome, `round ${round}`).toBe('inserted');
      expect(two.outcome, `round ${round}`).toBe('inserted');
      expect(one.storyId, `round ${round}`).toBe(two.storyId);
    }
  });
});
