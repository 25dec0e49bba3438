import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertSource } from '@regwatch/db';
import {
  createTestDatabase,
  deletePrefix,
  type TestDatabase,
  testEnv,
  testSource,
  uniquePrefix,
} from '@regwatch/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';

// Issue 5: tags flow through the queue into PostgreSQL: a feed imported with `regwatch import`
// is tagged by the processing worker, item by item and rolled up per story.
let test: TestDatabase;
const prefix = uniquePrefix('e2etags');
const feedFile = join(tmpdir(), `${prefix}.xml`);

beforeAll(async () => {
  test = await createTestDatabase('e2etags');
  await insertSource(test.database.db, testSource('press', { name: 'Press', pollIntervalSeconds: 86_400 }));
  writeFileSync(
    feedFile,
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Press</title><link>https://press.example/</link>
<item><title>Ireland's DPC fines Meta €91m over Facebook passwords stored in plain text</title>
<link>https://press.example/meta-passwords</link><guid>meta-passwords</guid><pubDate>Fri, 27 Sep 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;The Data Protection Commission said Meta breached the GDPR.&lt;/p&gt;&lt;p&gt;Related reading: Apple and Amazon news.&lt;/p&gt;</description></item>
<item><title>Clearview AI fined by Dutch regulator over facial recognition database</title>
<link>https://press.example/clearview</link><guid>clearview</guid><pubDate>Tue, 03 Sep 2024 09:00:00 GMT</pubDate>
<description>The Autoriteit Persoonsgegevens said Clearview built an illegal database of billions of photos of faces.</description></item>
</channel></rss>`,
  );
});
afterAll(async () => {
  await deletePrefix(prefix);
  await test.drop();
});

describe('tagging in the processing step', () => {
  it('stores each item’s platforms, jurisdictions and topics with their evidence, and the story’s union', async () => {
    const env = testEnv({ databaseUrl: test.url, prefix });
    const imported = await runCli(['import', '--source', 'press', feedFile], env, 90_000);
    expect(imported.code, imported.stderr).toBe(0);
    const rows = await test.database.db.execute<{
      guid: string;
      platforms: string[];
      jurisdictions: string[];
      topics: string[];
      evidence_rules: string[];
      story_platforms: string[];
    }>(sql`
      select i.guid, i.platforms, i.jurisdictions, i.topics,
        array(select e->>'rule' from jsonb_array_elements(i.tag_evidence->'platforms') t,
                                     jsonb_array_elements(t->'evidence') e) as evidence_rules,
        s.platforms as story_platforms
      from items i join stories s on s.id = i.story_id order by i.guid`);
    const [clearview, meta] = rows.rows;
    expect(meta?.platforms).toEqual(expect.arrayContaining(['facebook', 'meta']));
    // Named only in a "related reading" line: not what the item is about.
    expect(meta?.platforms).not.toContain('apple');
    expect(meta?.platforms).not.toContain('amazon');
    expect(meta?.jurisdictions).toEqual(expect.arrayContaining(['IE', 'EU']));
    expect(meta?.evidence_rules).toContain('name');
    expect(meta?.story_platforms).toEqual(expect.arrayContaining(['facebook', 'meta']));
    expect(clearview?.platforms).toContain('clearview-ai');
    expect(clearview?.jurisdictions).toContain('NL');
    expect(clearview?.topics).toContain('biometrics');

    // Tagging again with unchanged lexicons changes nothing.
    const retagged = await runCli(['retag'], env, 60_000);
    expect(retagged.code, retagged.stderr).toBe(0);
    expect(retagged.stdout).toMatch(/^retagged 2 items: 0 changed, in [\d.]+ s$/m);
  });
});
