import { createHash } from 'node:crypto';
import type { NormalisedItem } from '@regwatch/core';
import { describe, expect, it } from 'vitest';
import { opcSources } from '../src/opc/definitions.ts';
import type { SourceDefinition } from '../src/types.ts';
import { normaliseRecorded, parseRecorded, readRecorded } from './support.ts';

function source(id: string): SourceDefinition {
  const found = opcSources.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no catalog source ${id}`);
  return found;
}

const site = 'https://www.priv.gc.ca';
const rows = (items: NormalisedItem[]) => items.map((item) => [item.publishedAt.slice(0, 10), item.url, item.title]);
const recordedText = (definition: SourceDefinition) =>
  Buffer.from(readRecorded(definition.recorded.file)).toString('utf8');

describe('the OPC catalog sources', () => {
  it('are the four OPC feeds in English and in French, read by the generic feed adapter', () => {
    expect(opcSources.map((definition) => [definition.id, definition.url, definition.language])).toEqual([
      ['opc-news-en', `${site}/en/rss/news/`, 'en'],
      ['opc-news-fr', `${site}/fr/rss/news/`, 'fr'],
      ['opc-pipeda-en', `${site}/en/rss/pipeda/`, 'en'],
      ['opc-pipeda-fr', `${site}/fr/rss/pipeda/`, 'fr'],
      ['opc-parl-en', `${site}/en/rss/parl/`, 'en'],
      ['opc-parl-fr', `${site}/fr/rss/parl/`, 'fr'],
      ['opc-blog-en', `${site}/en/rss/blog`, 'en'],
      ['opc-blog-fr', `${site}/fr/rss/blog`, 'fr'],
    ]);
    for (const definition of opcSources) {
      expect(definition.format, definition.id).toBe('feed');
      expect(definition.kind, definition.id).toBe('regulator');
      expect(definition.jurisdictions, definition.id).toEqual(['CA']);
      expect(definition.recorded.file, definition.id).toBe(`opc/${definition.id.slice(4)}.xml`);
    }
  });
});

describe('opc-pipeda-en: the real capture', () => {
  it('is the capture from the corpus, byte for byte', () => {
    const digest = createHash('sha256').update(readRecorded('opc/pipeda-en.xml')).digest('hex');
    expect(digest).toBe('31f9921d1923a99ff2b63724cc5e1a68482a3aa28047659429f86498559d662c');
  });

  it('yields absolute https URLs on www.priv.gc.ca and reads two-digit years as 20xx', async () => {
    const items = await normaliseRecorded(source('opc-pipeda-en'));
    expect(rows(items)).toEqual([
      [
        '2026-07-14',
        `${site}/en/opc-actions-and-decisions/investigations/investigations-into-businesses/2026/2026-westjet-cl/`,
        'Compliance Letter to the Office of the Privacy Commissioner of Canada (“OPC”) By WestJet, an Alberta Partnership (“WestJet”)',
      ],
      [
        '2026-06-11',
        `${site}/en/opc-actions-and-decisions/investigations/investigations-into-businesses/2026/pipeda-2026-004/`,
        'PIPEDA Findings #2026-004: Commissioner-initiated complaints concerning X Corp.’s and X.AI LLC’s compliance with PIPEDA',
      ],
      [
        '2026-01-09',
        `${site}/en/opc-actions-and-decisions/investigations/investigations-into-businesses/2026/pipeda-2026-003/`,
        'PIPEDA Findings #2026-003: Investigation into Bell’s compliance with PIPEDA when responding to an access request for personal information',
      ],
    ]);
    // Midnight at the fixed -0400 offset the generator writes.
    // Midnight in Ottawa is how the OPC writes a day: dated that calendar day, at day precision.
    expect(items[2]?.publishedAt).toBe('2026-01-09T00:00:00.000Z');
    expect(items[1]?.summary).toBe(
      'Commissioner-initiated complaints concerning X Corp.’s and X.AI LLC’s compliance with PIPEDA',
    );
    expect(items.every((item) => item.language === 'en')).toBe(true);
  });
});

describe('OPC recordings in English and French', () => {
  it('opc-news-en: news releases', async () => {
    expect(rows(await normaliseRecorded(source('opc-news-en')))).toEqual([
      [
        '2026-08-06',
        `${site}/en/opc-news/news-and-announcements/2026/nr-c_260806/`,
        'Privacy Commissioner welcomes proposals to modernize the Privacy Act',
      ],
      [
        '2026-06-11',
        `${site}/en/opc-news/news-and-announcements/2026/nr-c_260611/`,
        'Privacy Commissioner releases findings of investigation into X and xAI',
      ],
      [
        '2026-06-04',
        `${site}/en/opc-news/news-and-announcements/2026/nr-c_260604/`,
        'Privacy Commissioner tables 2025-2026 Annual Report to Parliament',
      ],
      [
        '2026-05-06',
        `${site}/en/opc-news/news-and-announcements/2026/nr-c_260506/`,
        'Privacy commissioners release findings of joint investigation into OpenAI’s ChatGPT',
      ],
      [
        '2026-03-05',
        `${site}/en/opc-news/news-and-announcements/2026/nr-c_260305/`,
        'Privacy Commissioner releases findings of investigation into Loblaw’s PC Optimum program',
      ],
    ]);
  });

  it('opc-news-fr: the same releases in French', async () => {
    const items = await normaliseRecorded(source('opc-news-fr'));
    expect(rows(items)).toEqual([
      [
        '2026-08-06',
        `${site}/fr/nouvelles-du-commissariat/nouvelles-et-annonces/2026/nr-c_260806/`,
        'Le commissaire à la protection de la vie privée appuie les propositions visant à moderniser la Loi sur la protection des renseignements personnels',
      ],
      [
        '2026-06-11',
        `${site}/fr/nouvelles-du-commissariat/nouvelles-et-annonces/2026/nr-c_260611/`,
        'Le commissaire à la protection de la vie privée publie les conclusions de son enquête sur X et xAI',
      ],
      [
        '2026-06-04',
        `${site}/fr/nouvelles-du-commissariat/nouvelles-et-annonces/2026/nr-c_260604/`,
        'Le commissaire à la protection de la vie privée dépose son Rapport annuel au Parlement 2025-2026',
      ],
      [
        '2026-05-06',
        `${site}/fr/nouvelles-du-commissariat/nouvelles-et-annonces/2026/nr-c_260506/`,
        'Les commissaires à la protection de la vie privée publient les conclusions de leur enquête conjointe sur ChatGPT d’OpenAI',
      ],
      [
        '2026-03-05',
        `${site}/fr/nouvelles-du-commissariat/nouvelles-et-annonces/2026/nr-c_260305/`,
        'Le commissaire à la protection de la vie privée publie les conclusions de son enquête sur le programme PC Optimum de Loblaw',
      ],
    ]);
    expect(items[1]?.summary).toBe('Enquête sur la conformité de X Corp. et de X.AI LLC à la LPRPDE');
  });

  it('opc-pipeda-fr: the findings in French, with French typography', async () => {
    const items = await normaliseRecorded(source('opc-pipeda-fr'));
    const findings = `${site}/fr/mesures-et-decisions-prises-par-le-commissariat/enquetes/enquetes-visant-les-entreprises/2026`;
    expect(rows(items)).toEqual([
      [
        '2026-07-14',
        `${findings}/2026-westjet-cl/`,
        'Lettre de conformité adressée au Commissariat à la protection de la vie privée du Canada (« Commissariat ») par WestJet, une société en nom collectif de l’Alberta (« WestJet »)',
      ],
      [
        '2026-06-11',
        `${findings}/lprpde-2026-004/`,
        'Conclusions en vertu de la LPRPDE no 2026-004 : Plaintes déposées à l’initiative du commissaire concernant la conformité de X Corp. et de X.AI LLC à la LPRPDE',
      ],
      [
        '2026-01-09',
        `${findings}/lprpde-2026-003/`,
        'Conclusions en vertu de la LPRPDE no 2026-003 : Enquête sur la conformité de Bell à la LPRPDE dans sa réponse à une demande d’accès à des renseignements personnels',
      ],
    ]);
  });

  it('opc-parl-en and opc-parl-fr: advice to Parliament', async () => {
    expect(rows(await normaliseRecorded(source('opc-parl-en')))).toEqual([
      [
        '2026-05-26',
        `${site}/en/opc-actions-and-decisions/advice-to-parliament/2026/parl_260526/`,
        'Statement by the Privacy Commissioner of Canada to the House of Commons Standing Committee on Public Safety and National Security on Bill C-22',
      ],
      [
        '2026-04-16',
        `${site}/en/opc-actions-and-decisions/advice-to-parliament/2026/parl_260416/`,
        'Statement by the Privacy Commissioner of Canada on personal information in the electric vehicle sector',
      ],
    ]);
    expect(rows(await normaliseRecorded(source('opc-parl-fr')))).toEqual([
      [
        '2026-05-26',
        `${site}/fr/mesures-et-decisions-prises-par-le-commissariat/conseils-au-parlement/2026/parl_260526/`,
        'Déclaration du commissaire à la protection de la vie privée du Canada devant le Comité permanent de la sécurité publique et nationale de la Chambre des communes au sujet du projet de loi C-22',
      ],
      [
        '2026-04-16',
        `${site}/fr/mesures-et-decisions-prises-par-le-commissariat/conseils-au-parlement/2026/parl_260416/`,
        'Déclaration du commissaire à la protection de la vie privée du Canada sur les renseignements personnels dans le secteur des véhicules électriques',
      ],
    ]);
  });

  it('opc-blog-en and opc-blog-fr: the blog, whose feed URL has no trailing slash', async () => {
    expect(rows(await normaliseRecorded(source('opc-blog-en')))).toEqual([
      ['2026-05-04', `${site}/en/blog/20260504/`, 'Age assurance: Getting it right for young people online'],
      [
        '2026-01-28',
        `${site}/en/blog/20260128/`,
        'Data Privacy Week 2026: Taking control of your personal information',
      ],
    ]);
    expect(rows(await normaliseRecorded(source('opc-blog-fr')))).toEqual([
      [
        '2026-05-04',
        `${site}/fr/blogue/20260504/`,
        'Assurance de l’âge : bien faire les choses pour les jeunes en ligne',
      ],
      [
        '2026-01-28',
        `${site}/fr/blogue/20260128/`,
        'Semaine de la protection des données 2026 : prenez le contrôle de vos renseignements personnels',
      ],
    ]);
  });

  it('gives French items language fr and English items language en', async () => {
    for (const definition of opcSources) {
      const feed = await parseRecorded(definition);
      expect(feed.language, definition.id).toBe(`${definition.language}-CA`);
      const items = await normaliseRecorded(definition);
      expect(items.length, definition.id).toBeGreaterThan(0);
      for (const item of items) expect(item.language, `${definition.id}: ${item.title}`).toBe(definition.language);
    }
  });

  it('holds one announcement in two languages: the X and xAI findings', async () => {
    const release = (items: NormalisedItem[]) => items.find((item) => item.url?.endsWith('/2026/nr-c_260611/'));
    const en = release(await normaliseRecorded(source('opc-news-en')));
    const fr = release(await normaliseRecorded(source('opc-news-fr')));
    expect([en?.language, fr?.language]).toEqual(['en', 'fr']);
    expect(en?.publishedAt).toBe('2026-06-11T00:00:00.000Z');
    expect(fr?.publishedAt).toBe(en?.publishedAt);
    expect(
      en?.url?.replace('/en/opc-news/news-and-announcements/', '/fr/nouvelles-du-commissariat/nouvelles-et-annonces/'),
    ).toBe(fr?.url);

    const findings = (items: NormalisedItem[]) =>
      items.find((item) => /\/(pipeda|lprpde)-2026-004\/$/.test(item.url ?? ''));
    const findingsEn = findings(await normaliseRecorded(source('opc-pipeda-en')));
    const findingsFr = findings(await normaliseRecorded(source('opc-pipeda-fr')));
    expect(findingsEn?.publishedAt).toBe(en?.publishedAt);
    expect(findingsFr?.publishedAt).toBe(en?.publishedAt);
    expect(findingsFr?.language).toBe('fr');
  });
});

describe('the OPC generator quirks every recording reproduces', () => {
  it.each(opcSources.map((definition) => [definition.id, definition] as const))(
    '%s: relative links and guids, two-digit years at -0400, bogus lastBuildDate, empty atom:link',
    async (_id, definition) => {
      const xml = recordedText(definition);
      expect(xml.startsWith('<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>')).toBe(true);
      expect(xml).toContain('<link>http://www.priv.gc.ca</link>');
      expect(xml).toContain('<generator>Office of the Privacy Commissioner of Canada</generator>');
      expect(xml).toContain('<lastBuildDate>Mon, 01 Jan 01 00:00:00 -0400</lastBuildDate>');
      expect(xml).toContain('<atom:link href="" rel="self" type="application/rss+xml" />');
      expect(xml.endsWith('</channel>\n</rss>\n')).toBe(true);

      const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((match) => match[1] ?? '');
      expect(items.length).toBeGreaterThan(1);
      for (const item of items) {
        expect(item).toMatch(/<link>\/(en|fr)\/[^<]+\/<\/link>/);
        expect(item).toMatch(/<guid isPermaLink="true">\/(en|fr)\/[^<]+\/<\/guid>/);
        expect(item).toMatch(/<pubDate>[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{2} 00:00:00 -0400<\/pubDate>/);
        expect(item).toMatch(/<title><!\[CDATA\[/);
      }

      // Which the feed adapter and normalisation turn into absolute, 2026-dated items.
      const normalised = await normaliseRecorded(definition);
      expect(normalised).toHaveLength(items.length);
      for (const item of normalised) {
        expect(item.url, item.title).toMatch(new RegExp(`^https://www\\.priv\\.gc\\.ca/${definition.language}/`));
        expect(item.publishedAt.slice(0, 4), item.title).toBe('2026');
        expect([item.publishedFrom, item.publishedPrecision], item.title).toEqual(['entry', 'day']);
        expect(`${item.title} ${item.summary}`, item.title).not.toMatch(/<\/?abbr|&[a-z]+;/);
      }
    },
  );
});
