import { createHash } from 'node:crypto';
import { checkJurisdiction, type NormalisedItem } from '@regwatch/core';
import { describe, expect, it } from 'vitest';
import { sourceCatalog } from '../src/catalog.ts';
import { regulatorsSources } from '../src/regulators/definitions.ts';
import type { SourceDefinition } from '../src/types.ts';
import { normaliseRecorded, parseRecorded, readRecorded } from './support.ts';

function source(id: string): SourceDefinition {
  const found = regulatorsSources.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no regulator source ${id}`);
  return found;
}

function recordedText(id: string): string {
  return Buffer.from(readRecorded(source(id).recorded.file)).toString('utf8');
}

const rows = (items: NormalisedItem[]) => items.map((item) => [item.publishedAt, item.title]);

/** The hosts each regulator's items must link to. */
const hosts: Record<string, string> = {
  edpb: 'www.edpb.europa.eu',
  'dpc-ie': 'www.dataprotection.ie',
  cnil: 'www.cnil.fr',
  'ap-nl': 'www.autoriteitpersoonsgegevens.nl',
  bfdi: 'www.bfdi.bund.de',
  aepd: 'www.aepd.es',
  'garante-it': 'www.garanteprivacy.it',
  'ip-si': 'www.ip-rs.si',
  ftc: 'www.ftc.gov',
  'ca-ag': 'oag.ca.gov',
};

describe('the regulators family', () => {
  it('adds at least ten regulators beyond the ICO and OPC, three of them read from listing pages', () => {
    expect(regulatorsSources.map((definition) => definition.id)).toEqual(Object.keys(hosts));
    expect(regulatorsSources.length).toBeGreaterThanOrEqual(10);
    expect(regulatorsSources.filter((definition) => definition.format === 'html-list').length).toBeGreaterThanOrEqual(
      3,
    );
    for (const definition of regulatorsSources) {
      expect(sourceCatalog, definition.id).toContain(definition);
      expect(definition.kind, definition.id).toBe('regulator');
      expect(definition.recorded.file, definition.id).toMatch(/^regulators\//);
      for (const code of definition.jurisdictions) expect(checkJurisdiction(code), code).toMatchObject({ ok: true });
    }
    expect(
      Object.fromEntries(regulatorsSources.map((definition) => [definition.id, definition.jurisdictions])),
    ).toEqual({
      edpb: ['EU'],
      'dpc-ie': ['IE'],
      cnil: ['FR'],
      'ap-nl': ['NL'],
      bfdi: ['DE'],
      aepd: ['ES'],
      'garante-it': ['IT'],
      'ip-si': ['SI'],
      ftc: ['US'],
      'ca-ag': ['US-CA'],
    });
  });

  it('keeps the two captures copied unchanged byte for byte (testdata/regulators/README.md)', () => {
    const sha256 = (id: string) =>
      createHash('sha256')
        .update(readRecorded(source(id).recorded.file))
        .digest('hex');
    expect(sha256('cnil')).toBe('480937cd19716281203f6e0919837d5bfc5c32fddaf1935f08ffbf30425a8d9f');
    expect(sha256('bfdi')).toBe('c35f1f6ddf847ac3a7f57856aff73361e3e3a60176bc7699da238d0864658165');
  });

  it.each(regulatorsSources.map((definition) => [definition.id, definition] as const))(
    '%s: absolute https links on the regulator’s own host, real dates, its language',
    async (id, definition) => {
      const items = await normaliseRecorded(definition);
      expect(items.length).toBeGreaterThan(3);
      for (const item of items) {
        const url = new URL(item.url ?? '');
        expect(url.protocol, item.title).toBe('https:');
        expect(url.host, item.title).toBe(hosts[id]);
        expect(item.publishedFrom, item.title).toBe('entry');
        expect(item.publishedAt >= '2024-10-01' && item.publishedAt < '2026-11-20', item.publishedAt).toBe(true);
        expect(item.language, item.title).toBe(definition.language);
        expect(item.title, item.url ?? '').not.toMatch(/^\s|\s$|\s{2}|<[a-z]/i);
      }
      // Newest first, as each regulator lists them.
      const dates = items.map((item) => item.publishedAt);
      expect([...dates].sort().reverse()).toEqual(dates);
    },
  );
});

describe('edpb: the EDPB news feed (real capture, Drupal)', () => {
  it('yields the Board’s news with full-text HTML descriptions reduced to text', async () => {
    const items = await normaliseRecorded(source('edpb'));
    expect(rows(items)).toEqual([
      ['2026-07-14T12:00:00.000Z', 'EDPB requires Belgian DPA to handle the merits of NOYB cookie banner complaint'],
      ['2026-07-01T12:00:00.000Z', 'EDPB and AMLA to develop Joint Guidelines on partnerships for information sharing'],
      ['2026-06-25T12:00:00.000Z', 'One-Stop-Shop case digest on right to object and right to erasure updated'],
      ['2026-06-24T12:00:00.000Z', 'Supporting GDPR consistency: EDPB launches dedicated form'],
    ]);
    expect(items[0]?.guid).toBe('298e517b-7fd2-4b00-8ba5-231cda41cf1e');
    expect(items[0]?.author).toBe('EDPB');
    // The dateline ("Brussels, 14 July–") is not part of the summary (issue 11).
    expect(items[0]?.summary).toMatch(/^The EDPB has published its binding decision of 28 May 2026 under/);
    expect(items[0]?.content).toContain('Outcome of the EDPB decision');
    for (const item of items) expect(item.content).not.toMatch(/&[a-z]+;|<\/?(p|span|strong)\b/);
  });
});

describe('dpc-ie: the DPC decisions register (real capture, html-list)', () => {
  it('yields one item per decision, dated by the register, linked to the decision page', async () => {
    const items = await normaliseRecorded(source('dpc-ie'));
    expect(rows(items)).toEqual([
      ['2025-12-10T00:00:00.000Z', 'Inquiry concerning the University of Limerick'],
      ['2025-06-23T00:00:00.000Z', 'Inquiry into City of Dublin Education and Training Board (CDETB)'],
      ['2025-06-09T00:00:00.000Z', 'Inquiry concerning the Department of Social Protection'],
      ['2025-04-30T00:00:00.000Z', 'Inquiry into TikTok Technology Limited'],
      ['2024-12-12T00:00:00.000Z', 'Inquiries into Meta Platforms Ireland Limited (Token Breach)'],
      ['2024-11-22T00:00:00.000Z', 'Inquiry into Maynooth University'],
      ['2024-11-13T00:00:00.000Z', 'Inquiry into Sligo County Council'],
      ['2024-10-22T00:00:00.000Z', 'Inquiry into LinkedIn Ireland Unlimited Company'],
    ]);
    const tiktok = items.find((item) => item.title === 'Inquiry into TikTok Technology Limited');
    expect(tiktok?.url).toBe(
      'https://www.dataprotection.ie/en/dpc-guidance/decisions/inquiry-tiktok-technology-limited',
    );
    expect(tiktok?.summary).toMatch(/^On 30 April 2025, the Irish Data Protection Commission/);
  });

  it('keeps one item for the card the two-up grid repeats, and reads the double-escaped &nbsp;', async () => {
    const html = recordedText('dpc-ie');
    expect(html.match(/decisions\/inquiry-maynooth-university"/g)).toHaveLength(2);
    expect(html).toContain('LinkedIn Ireland&amp;nbsp;Unlimited Company');
    const items = await normaliseRecorded(source('dpc-ie'));
    expect(items.filter((item) => item.title === 'Inquiry into Maynooth University')).toHaveLength(1);
    const linkedin = items.find((item) => item.title.startsWith('Inquiry into LinkedIn'));
    expect(linkedin?.summary).toContain('LinkedIn Ireland Unlimited Company (LinkedIn)');
  });

  it('reads the page’s short English month names ("9 Jun 2025") into ISO dates', async () => {
    const feed = await parseRecorded(source('dpc-ie'));
    expect(feed.language).toBe('en');
    expect(feed.entries.map((entry) => entry.published)).toContain('2025-06-09');
    expect(recordedText('dpc-ie')).toContain('<span class="datetime">9 Jun 2025</span>');
  });
});

describe('cnil: the CNIL news feed (real capture, French)', () => {
  it('yields the French items, every one published at 14:00 Paris time', async () => {
    const items = await normaliseRecorded(source('cnil'));
    expect(items).toHaveLength(10);
    expect(rows(items).slice(0, 3)).toEqual([
      [
        '2026-06-24T12:00:00.000Z',
        'Quatre auteurs reçoivent le deuxième prix CNIL/EHESS pour leur recherche sur la réception du règlement IA par les citoyens européens',
      ],
      ['2026-06-24T12:00:00.000Z', 'Informations publiques'],
      ['2026-06-24T12:00:00.000Z', 'Remise du prix « Protection de la vie privée » 2026 par la CNIL et l’Inria'],
    ]);
    expect(items.map((item) => item.guid)).toContain('168636fr');
    expect(items.every((item) => item.publishedAt.endsWith('T12:00:00.000Z'))).toBe(true);
  });

  it('decodes the feed’s double-escaped &amp;amp;nbsp; instead of showing "&nbsp;" (issue 11)', async () => {
    expect(recordedText('cnil')).toContain('24 juin 2026,&amp;amp;nbsp;la CNIL');
    const items = await normaliseRecorded(source('cnil'));
    const inria = items.find((item) => item.url === 'https://www.cnil.fr/fr/prix-inria-cnil-2026');
    expect(inria?.summary).toContain('24 juin 2026, la CNIL');
    for (const item of items) expect(`${item.title} ${item.summary} ${item.content}`).not.toMatch(/&[a-z]+;/);
  });
});

describe('ap-nl: the AP news feed (reconstruction)', () => {
  it('yields the Dutch news items of the captured overview page', async () => {
    const items = await normaliseRecorded(source('ap-nl'));
    expect(items.map((item) => [item.publishedAt.slice(0, 10), item.title])).toEqual([
      ['2026-06-24', 'AP vraagt reacties op lijst DPIA-uitzonderingen'],
      ['2026-06-08', 'AP: grote toename van privacyklachten'],
      ['2026-06-04', 'AP controleert vanaf 1 juli registratie scanauto’s in algoritmeregister'],
      ['2026-06-04', 'AP stelt procesbeschrijving voor verscherpt toezicht vast'],
      ['2026-06-03', 'AP keurt protocol goed om criminaliteit te weren in vrachtvervoer'],
      ['2026-05-27', 'Geef een reactie op de guidelines over wetenschappelijk onderzoek en persoonsgegevens'],
      ['2026-05-13', 'Geert Potjewijd wordt nieuwe voorzitter AP'],
    ]);
  });
});

describe('bfdi: the BfDI general feed (real capture, Government Site Builder)', () => {
  it('yields German and English items under the one feed language, dated with day numbers unpadded', async () => {
    const xml = recordedText('bfdi');
    expect(xml).toContain('<link>http://www.BfDI.domain.example</link>');
    expect(xml).toContain('<language>de-de</language>');
    expect(xml).toContain('<pubDate>Tue, 9 Jun 2026 17:00:00 +0200</pubDate>');
    const items = await normaliseRecorded(source('bfdi'));
    expect(items).toHaveLength(30);
    const gpa = items.filter((item) => item.url?.endsWith('/2025/16_GPA.html'));
    expect(gpa.map((item) => [item.url?.includes('/EN/'), item.title, item.language])).toEqual([
      [true, 'Global Privacy Assembly: BfDI signs agreement to regulate AI', 'de'],
      [false, 'Global Privacy Assembly: BfDI unterzeichnet Vereinbarung zur Regulierung von KI', 'de'],
    ]);
    expect(items.find((item) => item.url?.endsWith('09_High_Level_Debatte-KM.html'))?.publishedAt).toBe(
      '2026-06-09T15:00:00.000Z',
    );
  });

  it('decodes numeric character references and trims the leading no-break space of a title', async () => {
    const items = await normaliseRecorded(source('bfdi'));
    expect(items.map((item) => item.title)).toContain('BfDI startet Sandbox „ReguLab“: Mehr Klarheit beim Datenschutz');
    const guidance = items.find((item) => item.url?.endsWith('07_Orientierungshilfe.html'));
    // The feed hyphenates this title with soft hyphens (&#173;); normalisation strips them.
    expect(guidance?.title).toBe('Orientierungshilfe für KI in Medizinprodukten veröffentlicht');
  });
});

describe('aepd: the AEPD press-release feed (real capture, Drupal)', () => {
  it('yields the Spanish press releases, titles cleaned of the doubled and trailing spaces', async () => {
    const items = await normaliseRecorded(source('aepd'));
    expect(rows(items).slice(0, 3)).toEqual([
      [
        '2026-06-24T08:00:00.000Z',
        'La Agencia Española de Protección de Datos inicia una nueva etapa al servicio de la ciudadanía',
      ],
      [
        '2026-06-22T08:03:30.000Z',
        'La Red Iberoamericana aprueba un documento de referencia sobre las garantías reforzadas que exige el tratamiento de neurodatos en el ámbito no sanitario',
      ],
      [
        '2026-06-18T08:00:00.000Z',
        'La AEPD y la Autoridad Belga impulsan buenas prácticas de protección de datos para el sector del videojuego',
      ],
    ]);
    expect(recordedText('aepd')).toContain('<title>La AEPD y la Autoridad Belga impulsan  buenas prácticas');
  });

  it('drops the title, author and Spanish date the rendered teaser puts before the bullets (issue 11)', async () => {
    expect(recordedText('aepd')).toMatch(/al servicio de la ciudadanía\s+AEPD\s+Mié, 24\/06\/2026/);
    const items = await normaliseRecorded(source('aepd'));
    expect(items[0]?.summary).toMatch(/^La institución traslada su sede/);
    for (const item of items) expect(item.summary).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
    for (const item of items) expect(item.summary).not.toMatch(/<img|&amp;/);
  });
});

describe('garante-it: the Garante register of decisions (real capture, html-list)', () => {
  it('yields the decisions with day-first dates and site-relative links made absolute', async () => {
    const feed = await parseRecorded(source('garante-it'));
    expect(feed.language).toBe('it-IT');
    expect(feed.entries[0]).toEqual({
      link: '/web/guest/home/docweb/-/docweb-display/docweb/10259701',
      title: 'Provvedimento del 28 maggio 2026 [10259701]',
      summary:
        '[doc. web n. 10259701] Provvedimento del 28 maggio 2026 Registro dei provvedimenti n. 419 del 28 maggio 2026 IL GARANTE PER LA PROTEZIONE DEI DATI PERSONALI NELLA riunione odierna, alla quale han[...]',
      published: '2026-05-28',
      // The decision's type, then its subjects, as the card's badges list them.
      labels: {
        categories: [
          'Ordinanza ingiunzione o revoca',
          'Ordini professionali',
          'Pubblica Amministrazione',
          'Archivi e banche dati',
          'Informativa',
          'Pubblici registri',
          'Accountability',
          'SPID',
        ],
      },
    });
    const items = await normaliseRecorded(source('garante-it'));
    expect(items.map((item) => item.url)).toEqual(
      [10259701, 10259916, 10262588, 10262614, 10262455].map(
        (id) => `https://www.garanteprivacy.it/web/guest/home/docweb/-/docweb-display/docweb/${id}`,
      ),
    );
    expect(items.every((item) => item.publishedAt === '2026-05-28T00:00:00.000Z' && item.language === 'it')).toBe(true);
  });

  it("issue 11: reads each decision's type and subjects (Tipologia, Argomenti) as its categories", async () => {
    const items = await normaliseRecorded(source('garante-it'));
    expect(items.at(-1)?.labels.categories).toEqual([
      'Ordinanza ingiunzione o revoca',
      'Dati sanitari',
      'Diagnosi HIV',
      'Minimizzazione',
    ]);
  });

  it('reads a page whose doctype comes after dozens of blank lines, ignoring its Liferay scripts', async () => {
    expect(recordedText('garante-it')).toMatch(/^\n{20,}\t\t<!DOCTYPE html>/);
    const items = await normaliseRecorded(source('garante-it'));
    for (const item of items) expect(`${item.title} ${item.summary}`).not.toMatch(/Liferay|authToken/);
  });
});

describe('ip-si: the Slovenian Information Commissioner’s news table (real capture, html-list)', () => {
  it('skips the table’s header row and reads dd.mm.yyyy dates', async () => {
    const html = recordedText('ip-si');
    expect(html).toContain('<td align="center"><b>Datum</b></td>');
    const items = await normaliseRecorded(source('ip-si'));
    expect(items).toHaveLength(9);
    expect(rows(items).slice(0, 2)).toEqual([
      [
        '2026-06-24T00:00:00.000Z',
        'Jesenski delavnici za učitelje o varovanju zasebnosti in odgovorni rabi osebnih podatkov',
      ],
      ['2026-06-24T00:00:00.000Z', 'Javni poziv za predloge glede regulativnega peskovnika za umetno inteligenco'],
    ]);
    expect(items.map((item) => item.title)).toContain(
      'IP izbral zmagovalce ustvarjalnega natečaja za otroke »Tvoji podatki so tvoja supermoč«',
    );
  });

  it('links through the site’s go?u= redirect, as the page does', async () => {
    const items = await normaliseRecorded(source('ip-si'));
    for (const item of items) expect(item.url).toMatch(/^https:\/\/www\.ip-rs\.si\/go\?u=%2Fnovice%2F/);
  });
});

describe('ftc and ca-ag: US regulators whose feeds mix privacy with everything else (reconstructions)', () => {
  it('ftc: consumer-protection releases, kept only when about privacy', async () => {
    const ftc = source('ftc');
    expect(ftc.relevance).toBe('privacy');
    const items = await normaliseRecorded(ftc);
    expect(items.map((item) => item.title)).toEqual(
      expect.arrayContaining([
        'FTC Launches Inquiry into AI Chatbots Acting as Companions',
        'Disney to Pay $10 Million to Settle FTC Allegations the Company Enabled Unlawful Collection of Children’s Personal Data',
        'Ed Tech Provider Chegg to Pay $7.5 Million to Settle FTC Allegations Concerning Unlawful Cancellation Practices',
      ]),
    );
    expect(items.find((item) => item.title.startsWith('FTC Launches Inquiry'))?.publishedAt).toBe(
      '2025-09-11T14:00:00.000Z',
    );
  });

  it('ca-ag: the California Attorney General, who enforces the CCPA', async () => {
    const caAg = source('ca-ag');
    expect([caAg.relevance, caAg.jurisdictions]).toEqual(['privacy', ['US-CA']]);
    const items = await normaliseRecorded(caAg);
    expect(items.map((item) => [item.publishedAt.slice(0, 10), item.title])).toContainEqual([
      '2025-04-16',
      'State Privacy Regulators Assemble: Attorney General Bonta Announces Bipartisan Consortium of Privacy Regulators',
    ]);
  });
});
