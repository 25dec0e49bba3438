import { describe, expect, it } from 'vitest';
import { type DigestCandidate, newsKind, rankDigest } from '../src/index.ts';

// Issue 11, digest ranking: an OPC English/French pair counted as two sources, so bilingual
// notices outranked stories four outlets covered, and the BfDI's Girls' Day and school materials
// reached the top 20 while the EU's probe of X over Grok did not. Titles and summaries below are
// the recorded entries' (packages/sources/testdata).

describe('newsKind', () => {
  it.each([
    ['Ein Tag als Datenschützerin – BfDI nimmt am Girls\u2019 Day teil', '', [], 'outreach'],
    ['„Was ist Datenschutz?“', 'Neue kostenfreie Unterrichtsmaterialien für die Klassen 4 bis 7', [], 'outreach'],
    ['Data Privacy Week 2026: Taking control of your personal information', '', [], 'outreach'],
    [
      'Semaine de la protection des données 2026 : prenez le contrôle de vos renseignements personnels',
      '',
      [],
      'outreach',
    ],
    ['BfDI erneut als innovative Aufsicht ausgezeichnet', '', [], 'outreach'],
    ['Zweite Denkwerkstatt der BfDI zum Data Act', '', [], 'outreach'],
    ['BfDI lädt zur High-Level-Debatte in Brüssel ein', '', [], 'outreach'],
    ['Revoir le webinaire - Pixels de suivi dans les courriels', '', ['legislation'], 'outreach'],
    ['Quatre auteurs reçoivent le deuxième prix CNIL/EHESS pour leur recherche', '', ['ai'], 'outreach'],
    ['Jesenski delavnici za učitelje o varovanju zasebnosti', '', [], 'outreach'],
    ['Ordre du jour de la séance plénière du 18 juin 2026', '', [], 'outreach'],
    [
      'EU looking into Elon Musk’s X after Grok produces deepfake sex images',
      '',
      ['ai', 'children', 'enforcement'],
      'action',
    ],
    ['Monetary penalty: Reddit, Inc.', '', ['enforcement'], 'action'],
    ['Bundesverwaltungsgericht weist Klage der BfDI ab', '', ['litigation', 'surveillance'], 'action'],
    ['Final storage and access technologies guidance published', '', ['cookies-adtech', 'legislation'], 'action'],
    ['Bundesdatenschutzbeauftragte kündigt Rückzug an', '', [], 'news'],
    ['Here is the User Guide for ELITE, the Tool Palantir Made for ICE', '', [], 'news'],
  ] as const)('%s → %s', (title, summary, topics, kind) => {
    expect(newsKind({ title, summary, topics }).kind).toBe(kind);
  });

  it('lets an action topic outweigh outreach named only in the summary', () => {
    const fine = newsKind({
      title: 'Regulator fines retailer €2m',
      summary: 'The fine was announced at the regulator’s annual conference webinar.',
      topics: ['enforcement'],
    });
    expect(fine).toEqual({ kind: 'action', evidence: 'topic enforcement' });
    const plain = newsKind({ title: 'Regulator news', summary: 'Join our webinar on Tuesday.', topics: [] });
    expect(plain.kind).toBe('outreach');
  });

  it('does not take ordinary words for outreach', () => {
    expect(newsKind({ title: 'Apps laden zu viele Daten hoch', summary: '', topics: [] }).kind).toBe('news');
    expect(
      newsKind({ title: 'Registro de jornada: la AEPD aclara el control horario', summary: '', topics: [] }).kind,
    ).toBe('news');
  });

  it('does not take a court’s award of damages for a prize', () => {
    expect(newsKind({ title: 'Court awards damages over data leak', summary: '', topics: [] }).kind).toBe('news');
    expect(newsKind({ title: 'Jury awards $5M to users', summary: '', topics: [] }).kind).toBe('news');
    expect(
      newsKind({ title: 'AEPD wins the European Digital Mindset Awards 2026', summary: '', topics: [] }).kind,
    ).toBe('outreach');
  });

  it('says why', () => {
    expect(newsKind({ title: 'BfDI nimmt am Girls’ Day teil', summary: '', topics: [] }).evidence).toBe(
      'an awareness day or campaign (title: "girls\' day")',
    );
  });
});

let nextId = 1;
const candidate = (overrides: Partial<DigestCandidate>): DigestCandidate => ({
  storyId: String(nextId++),
  title: 'A story',
  summary: '',
  topics: [],
  publisherCount: 1,
  regulatorPrimary: false,
  periodItemCount: 1,
  lastPublishedAt: '2026-02-01T00:00:00.000Z',
  ...overrides,
});

const titles = (candidates: DigestCandidate[], limit = candidates.length) =>
  rankDigest(candidates, { limit, includeOutreach: true }).entries.map((entry) => entry.candidate.title);

describe('rankDigest', () => {
  it('ranks a story four publishers covered above a bilingual notice of one', () => {
    const ranked = titles([
      candidate({
        title: 'OPC findings (EN+FR)',
        publisherCount: 1,
        periodItemCount: 2,
        regulatorPrimary: true,
        topics: ['enforcement'],
      }),
      candidate({ title: 'Four outlets', publisherCount: 4, periodItemCount: 4 }),
    ]);
    expect(ranked).toEqual(['Four outlets', 'OPC findings (EN+FR)']);
  });

  it('ranks decisions, fines, guidance and investigations above other news of equal coverage', () => {
    const ranked = titles([
      candidate({ title: 'Commissioner resigns', regulatorPrimary: true, periodItemCount: 3 }),
      candidate({ title: 'EU probes X over Grok', topics: ['enforcement'] }),
      candidate({ title: 'Guidance published', topics: ['legislation'] }),
    ]);
    expect(ranked.slice(0, 2).sort()).toEqual(['EU probes X over Grok', 'Guidance published']);
    expect(ranked[2]).toBe('Commissioner resigns');
  });

  it('puts outreach last whatever its coverage', () => {
    const ranked = titles([
      candidate({ title: 'Data Privacy Week 2026', publisherCount: 3, periodItemCount: 6 }),
      candidate({ title: 'A breach', topics: ['data-breaches'] }),
      candidate({ title: 'Monetary penalty: TMAC Ltd', topics: ['enforcement'] }),
    ]);
    expect(ranked).toEqual(['Monetary penalty: TMAC Ltd', 'A breach', 'Data Privacy Week 2026']);
  });

  it('breaks ties by a regulator’s notice, items in the period, then the newest, then the id', () => {
    const ranked = titles([
      candidate({ storyId: '9', title: 'older' }),
      candidate({ storyId: '10', title: 'same time, larger id' }),
      candidate({ storyId: '8', title: 'same time, smaller id' }),
      candidate({ storyId: '7', title: 'newer', lastPublishedAt: '2026-02-02T00:00:00.000Z' }),
      candidate({ storyId: '6', title: 'more items', periodItemCount: 2 }),
      candidate({ storyId: '5', title: 'regulator', regulatorPrimary: true }),
    ]).map((title) => title);
    expect(ranked).toEqual([
      'regulator',
      'more items',
      'newer',
      'same time, larger id',
      'older',
      'same time, smaller id',
    ]);
  });

  it('keeps the first `limit` and says each one’s kind', () => {
    const ranked = rankDigest([candidate({ title: 'Fine', topics: ['enforcement'] }), candidate({}), candidate({})], {
      limit: 2,
    });
    expect(ranked.entries.map((entry) => [entry.candidate.title, entry.kind])).toEqual([
      ['Fine', 'action'],
      ['A story', 'news'],
    ]);
  });

  it('leaves outreach out, and counts it, unless asked to include it', () => {
    const candidates = [
      candidate({ title: 'Ein Tag als Datenschützerin – BfDI nimmt am Girls’ Day teil' }),
      candidate({ title: '„Was ist Datenschutz?“', summary: 'Neue kostenfreie Unterrichtsmaterialien' }),
      candidate({ title: 'Commissioner resigns' }),
    ];
    const without = rankDigest(candidates, { limit: 20 });
    expect(without.entries.map((entry) => entry.candidate.title)).toEqual(['Commissioner resigns']);
    expect(without.outreachLeftOut).toBe(2);
    const withOutreach = rankDigest(candidates, { limit: 20, includeOutreach: true });
    expect(withOutreach.entries.map((entry) => entry.kind)).toEqual(['news', 'outreach', 'outreach']);
    expect(withOutreach.outreachLeftOut).toBe(0);
  });
});
