import { describe, expect, it } from 'vitest';
import { aiaaicCsvAdapter, firstUrl, headerKey, occurredStart, splitNames, splitTerms } from '../src/aiaaic/adapter.ts';
import { adapterFor } from '../src/registry.ts';
import { aiaaic, normaliseAiaaic } from './aiaaic-support.ts';
import { errorOf, normaliseRecorded, parseRecorded, recordedNow } from './support.ts';

function parse(body: string | Uint8Array, contentType: string | null = 'text/csv') {
  return aiaaicCsvAdapter.parse({
    body: typeof body === 'string' ? Buffer.from(body) : body,
    contentType,
    url: aiaaic.url,
  });
}

function byGuid<T extends { guid?: string | undefined }>(list: T[], guid: string): T {
  const found = list.find((candidate) => candidate.guid === guid);
  if (!found) throw new Error(`no entry ${guid}`);
  return found;
}

const incidentPage = (slug: string) =>
  `https://www.aiaaic.org/aiaaic-repository/ai-algorithmic-and-automation-incidents/${slug}`;

describe('aiaaic: the register export of May 2026 (first 60 incidents, recorded)', () => {
  it('is a catalog source polling the sheet CSV export every few hours, worldwide', () => {
    expect(aiaaic).toMatchObject({
      kind: 'incident-db',
      format: 'aiaaic-csv',
      homepage: 'https://www.aiaaic.org/aiaaic-repository',
      url: 'https://docs.google.com/spreadsheets/d/1Bn55B4xz21-_Rgdr8BBb2lt0n_4rzLGxFADMlVW0PYI/export?format=csv&gid=888071280',
      language: 'en',
      jurisdictions: [],
    });
    expect(aiaaic.pollIntervalSeconds).toBeGreaterThanOrEqual(3_600);
    expect(aiaaic.pollIntervalSeconds).toBeLessThanOrEqual(12 * 3_600);
    expect(adapterFor('aiaaic-csv')).toBe(aiaaicCsvAdapter);
  });

  it('yields one entry per incident, in sheet order, the AIAAIC ID as guid and its own page as link', async () => {
    const feed = await parseRecorded(aiaaic);
    expect(feed.entries).toHaveLength(60);
    expect(feed.entries[0]?.guid).toBe('AIAAIC2257');
    expect(feed.entries[59]?.guid).toBe('AIAAIC2198');
    for (const entry of feed.entries) {
      expect(entry.guid).toMatch(/^AIAAIC\d{4}$/);
      expect(entry.link).toMatch(
        /^https:\/\/www\.aiaaic\.org\/aiaaic-repository\/ai-algorithmic-and-automation-incidents\//,
      );
    }
  });

  it('pins AIAAIC2255: Meta AI agent leak, Meta Platforms as deployer and developer', async () => {
    const items = await normaliseRecorded(aiaaic);
    const meta = byGuid(items, 'AIAAIC2255');
    expect(meta).toMatchObject({
      title: 'Meta AI agent leaks sensitive company and user data',
      url: incidentPage('meta-ai-agent-leaks-sensitive-company-and-user-data'),
      summary: [
        'System: Meta AI agent',
        'Technology: Agentic AI',
        'Purpose: Assist software engineers with technical queries',
        'Sector: Technology',
        'Issues: Accountability; Automation bias; Privacy/surveillance; Security; Transparency',
      ].join('\n'),
      labels: {
        deployers: ['Meta Platforms'],
        developers: ['Meta Platforms'],
        jurisdictions: ['USA'],
        categories: [
          'Accountability',
          'Automation bias',
          'Privacy/surveillance',
          'Security',
          'Transparency',
          'Agentic AI',
        ],
      },
    });
    expect(meta.content).toContain('Occurred: 2026\nDeployer: Meta Platforms\nDeveloper: Meta Platforms\n');
    expect(meta.content).toContain('Harm to society: Confidentiality loss; Privacy loss');
  });

  it('pins AIAAIC2224: Thames Valley Police with Cognitec, UK, typos kept as the register has them', async () => {
    const feed = await parseRecorded(aiaaic);
    expect(byGuid(feed.entries, 'AIAAIC2224')).toMatchObject({
      title: 'British Bangladeshi man wrongfully arrested for theft after facial recognition error',
      labels: {
        deployers: ['Thames Valley Police'],
        developers: ['Cognitec Systems'],
        jurisdictions: ['UK'],
        categories: [
          'Accountability',
          'Accuracy/reliability',
          'Automation bias',
          'Autonomy',
          'Fairness',
          'Privacy/surveillance',
          'Transparency',
          'Facial recgnition',
        ],
      },
    });
  });

  it('reads quoted cells and the sub-header columns under merged cells', async () => {
    const feed = await parseRecorded(aiaaic);
    const parana = byGuid(feed.entries, 'AIAAIC2252');
    expect(parana.title).toBe('Paraná school attendance facial recognition system criticised as "invasive", "noxious"');
    expect(parana.labels).toMatchObject({
      deployers: ['Secretariat of Education and Sport of Paraná'],
      developers: ['Celepar', 'Innovatrics', 'Valid'],
      jurisdictions: ['Brazil'],
    });
    // `Impacted area` → Jurisdiction / Sector; `External harm` → Individual / Societal / Environmental.
    const mckinsey = byGuid(feed.entries, 'AIAAIC2253');
    expect(mckinsey.content).toContain('Jurisdiction: Multiple\nSector: Business/professional services; Multiple\n');
    const welsh = byGuid(feed.entries, 'AIAAIC2257');
    expect(welsh.content).toContain('Harm to individuals: Loss of life\nHarm to society: Anxiety/distress; Trauma\n');
    // `&` in the sheet is text, not markup: it survives normalisation as `&`.
    const { items } = normaliseAiaaic([mckinsey]);
    expect(items[0]?.labels.deployers).toEqual(['McKinsey & Co']);
    expect(items[0]?.content).toContain('Deployer: McKinsey & Co\n');
  });

  // Issue 11: the register's 60 entries carried the time of ingest and filled every newest-first list.
  it('issue 11: dates each incident at the year it occurred, at year precision, never at first sight', async () => {
    const feed = await parseRecorded(aiaaic);
    const first = normaliseAiaaic(feed.entries, recordedNow).items;
    expect(first).toHaveLength(60);
    for (const item of first) {
      expect([item.publishedPrecision, item.publishedFrom], item.title).toEqual(['year', 'entry']);
      expect(item.publishedAt, item.title).toMatch(/^(2013|2015|2024|2025|2026)-01-01T00:00:00\.000Z$/);
    }
    const years = new Map<string, number>();
    for (const item of first)
      years.set(item.publishedAt.slice(0, 4), (years.get(item.publishedAt.slice(0, 4)) ?? 0) + 1);
    expect(Object.fromEntries(years)).toEqual({ 2026: 36, 2025: 17, 2024: 5, 2015: 1, 2013: 1 });
    // AIAAIC2249 occurred in 2015: it sorts among 2015's news, not this week's.
    const princeton = first.find((item) => item.guid === 'AIAAIC2249');
    expect(princeton?.publishedAt).toBe('2015-01-01T00:00:00.000Z');

    // No item of the first sync sorts above a dated item of this year: none is dated after 1 January.
    expect(first.every((item) => item.publishedAt < '2026-01-02')).toBe(true);
    // The date is the register's, so a later poll changes neither identity nor change hash.
    const later = normaliseAiaaic(feed.entries, new Date('2026-11-27T12:00:00Z')).items;
    expect(later.map((item) => [item.dedupKey, item.contentHash, item.publishedAt])).toEqual(
      first.map((item) => [item.dedupKey, item.contentHash, item.publishedAt]),
    );
  });

  it('issue 11: reads a range of years from its start, and dates an incident with no Occurred at first sight', async () => {
    expect(occurredStart('2025')).toBe('2025');
    expect(occurredStart('2023-2024')).toBe('2023');
    expect(occurredStart('2023 – 2024')).toBe('2023');
    expect(occurredStart('2023-')).toBe('2023');
    expect(occurredStart('  ')).toBeUndefined();
    const items = await normaliseRecorded(aiaaic, 'aiaaic/incidents-older-headers.csv');
    // AIAAIC0704 has an empty Occurred in the older layout.
    const nfl = items.find((item) => item.guid === 'AIAAIC0704');
    expect([nfl?.publishedFrom, nfl?.publishedAt]).toEqual(['first-seen', recordedNow.toISOString()]);
    const delhi = items.find((item) => item.guid === 'AIAAIC0787');
    expect([delhi?.publishedAt, delhi?.publishedPrecision]).toEqual(['2020-01-01T00:00:00.000Z', 'year']);
  });

  it('passes the catalog checks other than the date (absolute URLs, clean text, no markup in titles)', async () => {
    const items = await normaliseRecorded(aiaaic);
    expect(items).toHaveLength(60);
    for (const item of items) {
      expect(item.url, item.title).toMatch(/^https?:\/\/[^/]+\//);
      expect(`${item.title} ${item.summary}`).not.toContain('\uFFFD');
      expect(item.title).not.toMatch(/<[a-z][^>]*>/i);
      expect(item.language).toBe('en');
    }
  });
});

describe('aiaaic: a re-export with one edited row', () => {
  it('updates that incident (same dedup key, new content hash) and leaves the others alone', async () => {
    const before = await normaliseRecorded(aiaaic, 'aiaaic/incidents-2026-05.csv');
    const after = await normaliseRecorded(aiaaic, 'aiaaic/incidents-2026-05-edited.csv');
    expect(after.map((item) => item.guid)).toEqual(before.map((item) => item.guid));

    const changed: string[] = [];
    for (const old of before) {
      const edited = byGuid(after, old.guid);
      expect(edited.dedupKey, old.guid).toBe(old.dedupKey);
      if (edited.contentHash !== old.contentHash) changed.push(old.guid);
    }
    expect(changed).toEqual(['AIAAIC2254']);
    expect(byGuid(before, 'AIAAIC2254').labels.deployers).toEqual(['West Fargo Police Department']);
    expect(byGuid(after, 'AIAAIC2254').labels.deployers).toEqual([
      'West Fargo Police Department',
      'Fargo Police Department',
    ]);
  });
});

describe('aiaaic: an export with the older column names (reconstruction)', () => {
  it('maps Country(ies), Deployer(s), Issue(s), Description/links… by name, with the header on the first row', async () => {
    const feed = await parseRecorded(aiaaic, 'aiaaic/incidents-older-headers.csv');
    expect(feed.entries.map((entry) => entry.guid)).toEqual([
      'AIAAIC0787',
      'AIAAIC0753',
      'AIAAIC0704',
      'AIAAIC0658',
      'AIAAIC0921',
      'AIAAIC0448',
    ]);
    expect(byGuid(feed.entries, 'AIAAIC0787')).toMatchObject({
      title: 'New Delhi police rapped for using facial recognition to monitor India citizenship law protests',
      link: incidentPage('india-citizenship-law-protest-surveillance'),
      labels: {
        // No `;` in these cells: commas separate the names.
        deployers: ['Delhi Police', 'Uttar Pradesh Police'],
        developers: ['Innefu Labs', 'Staqu'],
        jurisdictions: ['India'],
        categories: [
          'Accountability',
          'Accuracy/reliability',
          'Fairness',
          'Dual/multi-use',
          'Human rights/civil liberties',
          'Transparency',
          'Facial recognition',
          'Gait recognition',
          'Drone',
        ],
      },
    });
    expect(byGuid(feed.entries, 'AIAAIC0753').labels?.jurisdictions).toEqual(['USA', 'EU', 'UK', 'Australia']);
    expect(byGuid(feed.entries, 'AIAAIC0704').labels?.developers).toEqual(['NFL', 'BrownGreer']);
    expect(byGuid(feed.entries, 'AIAAIC0704').content).not.toContain('Occurred');
    expect(byGuid(feed.entries, 'AIAAIC0658').title).toBe(
      'Amazon accused of "unfairly" firing Flex delivery drivers by algorithm',
    );
    expect(byGuid(feed.entries, 'AIAAIC0658').content).toContain('News trigger: Media investigation/fact check\n');
    expect(byGuid(feed.entries, 'AIAAIC0921').title).toBe('Deepfake Mark Ruffalo scams manga artist Chikae Ide');
    expect(byGuid(feed.entries, 'AIAAIC0921').content).toContain('Harm to individuals: Financial loss: Fraud');
  });

  it('keeps an incident without a link, identified by its ID', async () => {
    const items = await normaliseRecorded(aiaaic, 'aiaaic/incidents-older-headers.csv');
    expect(items).toHaveLength(6);
    const wall = byGuid(items, 'AIAAIC0448');
    expect(wall).toMatchObject({ title: "CPB 'virtual wall'", url: null, canonicalUrl: null });
    expect(wall.labels.developers).toEqual(['Customs and Border Protection', 'Anduril', 'Google']);
    // No shared fallback URL: link-less incidents must not fold into one item by canonical URL.
    const urls = items.map((item) => item.canonicalUrl).filter((url) => url !== null);
    expect(new Set(urls).size).toBe(urls.length);
  });
});

describe('aiaaic: header discovery and cell splitting', () => {
  it('normalises header names: case, spaces, #, (s), (ies), (taxonomy)', () => {
    expect(headerKey('AIAAIC ID#')).toBe('aiaaic id');
    expect(headerKey('Country(ies)')).toBe('country');
    expect(headerKey('  Sector(s) ')).toBe('sector');
    expect(headerKey('Ethical issue (taxonomy)')).toBe('ethical issue');
    expect(headerKey('Societal ')).toBe('societal');
    expect(headerKey('SYSTEM NAME(S)')).toBe('system name');
    expect(headerKey('Technology(ies)')).toBe('technology');
  });

  it('finds the header row below a preamble, whatever the column order', async () => {
    const csv = [
      'AIAAIC Repository,,,',
      'Exported for a test,,,',
      ',,,',
      'summary/links,DEPLOYER(S),headline ,aiaaic id#,Country(ies)',
      'See https://www.aiaaic.org/aiaaic-repository/x-incident. (archived),"Acme, Inc",A headline,AIAAIC9001,France',
    ].join('\n');
    const feed = await parse(csv);
    expect(feed.entries).toEqual([
      {
        guid: 'AIAAIC9001',
        link: 'https://www.aiaaic.org/aiaaic-repository/x-incident',
        title: 'A headline',
        summary: undefined,
        content: 'Deployer: Acme, Inc\nJurisdiction: France',
        labels: { deployers: ['Acme, Inc'], jurisdictions: ['France'] },
      },
    ]);
  });

  it('skips blank rows and rows with neither ID nor headline; keeps rows with either', async () => {
    const csv = [
      'AIAAIC ID#,Headline,Deployer',
      'AIAAIC0001,First,A',
      ',,',
      ',,B',
      ',Headline without ID,C',
      'AIAAIC0002,,',
      '',
    ].join('\r\n');
    const feed = await parse(csv);
    expect(feed.entries.map((entry) => [entry.guid, entry.title])).toEqual([
      ['AIAAIC0001', 'First'],
      [undefined, 'Headline without ID'],
      ['AIAAIC0002', undefined],
    ]);
    // An ID with nothing else is no usable item: normalisation rejects it (and counts it).
    expect(normaliseAiaaic(feed.entries).rejected.map((entry) => entry.guid)).toEqual(['AIAAIC0002']);
  });

  it('splits names on ";" first, on "," only without ";", keeping legal forms and initials attached', () => {
    expect(splitNames('Celepar; Innovatrics; Valid')).toEqual(['Celepar', 'Innovatrics', 'Valid']);
    expect(splitNames('Sol Ecom, Inc.; Briver LLC; Itai Tech Ltd.')).toEqual([
      'Sol Ecom, Inc.',
      'Briver LLC',
      'Itai Tech Ltd.',
    ]);
    expect(splitNames('University of California, Berkeley; Universitat Autònoma de Barcelona')).toEqual([
      'University of California, Berkeley',
      'Universitat Autònoma de Barcelona',
    ]);
    expect(splitNames('Delhi Police, Uttar Pradesh Police')).toEqual(['Delhi Police', 'Uttar Pradesh Police']);
    expect(splitNames('Acme, Inc., Widget Co, Ltd')).toEqual(['Acme, Inc.', 'Widget Co, Ltd']);
    expect(splitNames('Zhao, B., Zhang, Z.')).toEqual(['Zhao, B.', 'Zhang, Z.']);
    expect(splitNames(' ; Multiple ;')).toEqual(['Multiple']);
    expect(splitNames('')).toEqual([]);
    expect(splitTerms('Accuracy/reliability; Fairness - race, ethnicity')).toEqual([
      'Accuracy/reliability',
      'Fairness - race, ethnicity',
    ]);
  });

  it('takes the first http(s) URL of the links cell', () => {
    expect(firstUrl('https://www.aiaaic.org/a https://example.org/b')).toBe('https://www.aiaaic.org/a');
    expect(firstUrl('Summary (https://www.aiaaic.org/a).')).toBe('https://www.aiaaic.org/a');
    expect(firstUrl('no link here')).toBeUndefined();
  });
});

describe('aiaaic: documents that are not the register', () => {
  it('refuses another CSV with parse_unsupported naming the missing columns (the AI Incident Database export)', async () => {
    // The export's own header; aiaaic.corpus.test.ts checks the whole export.
    const error = await errorOf(parse('_id,incident_id,date,title\nx,1,2020-01-01,An incident\n'));
    expect(error.code).toBe('parse_unsupported');
    expect(error.message).toContain('an ID column ("AIAAIC ID#")');
    expect(error.details).toEqual({ missingColumns: ['id'] });
  });

  it('refuses CSVs with generic id and title columns (a news dataset, a case list)', async () => {
    for (const csv of [
      'ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP\n1,A title,https://example.org/a,P,b,x,example.org,1394470370698\n',
      'id,file_name,jurisdiction,court,title\nNL_1,a.md,NL,Court,A case\n',
    ]) {
      const error = await errorOf(parse(csv));
      expect(error.code, csv).toBe('parse_unsupported');
      expect(error.details).toEqual({ missingColumns: ['id'] });
    }
  });

  it('names both columns when neither is there', async () => {
    const error = await errorOf(parse('name,value\na,1\n'));
    expect(error.code).toBe('parse_unsupported');
    expect(error.message).toMatch(/an ID column .* and a headline column/);
    expect(error.details).toEqual({ missingColumns: ['id', 'headline'] });
  });

  it('refuses an empty document and an HTML page with parse_unsupported', async () => {
    expect((await errorOf(parse(''))).code).toBe('parse_unsupported');
    const html = await errorOf(parse('<!DOCTYPE html><html><body class="x">Sign in</body></html>', 'text/html'));
    expect(html.code).toBe('parse_unsupported');
    expect(html.message).toContain('not CSV');
  });

  it('reports CSV syntax errors as parse_malformed', async () => {
    const error = await errorOf(parse('AIAAIC ID#,Headline\nAIAAIC0001,"never closed\n'));
    expect(error.code).toBe('parse_malformed');
    expect(error.message).toContain('CSV_QUOTE_NOT_CLOSED');
  });

  it('classifies text that breaks CSV quoting but has no register header as parse_unsupported', async () => {
    const error = await errorOf(parse('# Notes\nSome "quoted" words, and more.\n'));
    expect(error.code).toBe('parse_unsupported');
    expect(error.message).toContain('not the AIAAIC register');
  });

  it('takes no options', () => {
    expect(() => aiaaicCsvAdapter.checkOptions?.({})).not.toThrow();
    expect(() => aiaaicCsvAdapter.checkOptions?.({ sheet: 'x' })).toThrow(/takes no options/);
  });
});
