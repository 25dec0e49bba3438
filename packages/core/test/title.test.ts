import { describe, expect, it } from 'vitest';
import { newsPageVerdict, standaloneTitle } from '../src/index.ts';

// Issue 11: titles that say nothing alone, and pages that are not news.
describe('standaloneTitle (issue 11)', () => {
  it('puts the action in front of an organisation-only title (ICO enforcement)', () => {
    expect(standaloneTitle({ title: 'TMAC Ltd', categories: ['Monetary penalties'] })).toBe(
      'Monetary penalty: TMAC Ltd',
    );
    expect(standaloneTitle({ title: 'TMAC Ltd', categories: ['Enforcement notices'] })).toBe(
      'Enforcement notice: TMAC Ltd',
    );
    expect(standaloneTitle({ title: 'Reddit, Inc.', categories: ['Monetary penalties'] })).toBe(
      'Monetary penalty: Reddit, Inc.',
    );
    expect(standaloneTitle({ title: '23andMe', categories: ['Monetary penalties'] })).toBe('Monetary penalty: 23andMe');
    expect(
      standaloneTitle({ title: 'Advanced Computer Software Group Limited', categories: ['Monetary penalties'] }),
    ).toBe('Monetary penalty: Advanced Computer Software Group Limited');
    expect(standaloneTitle({ title: 'Home Office', categories: ['Reprimands'] })).toBe('Reprimand: Home Office');
  });

  it('gives a register’s dated document its type and subjects (Garante)', () => {
    expect(
      standaloneTitle({
        title: 'Provvedimento del 28 maggio 2026 [10262455]',
        categories: ['Ordinanza ingiunzione o revoca', 'Dati sanitari', 'Diagnosi HIV', 'Minimizzazione'],
      }),
    ).toBe('Ordinanza ingiunzione o revoca: Dati sanitari, Diagnosi HIV (Provvedimento del 28 maggio 2026 [10262455])');
  });

  it('leaves titles that already say what happened, and titles without an action label', () => {
    const told = 'ICO fines 23andMe £2.31 million over data breach';
    expect(standaloneTitle({ title: told, categories: ['Monetary penalties'] })).toBe(told);
    expect(standaloneTitle({ title: 'Monetary penalty notice: TMAC Ltd', categories: ['Monetary penalties'] })).toBe(
      'Monetary penalty notice: TMAC Ltd',
    );
    expect(standaloneTitle({ title: 'TMAC Ltd', categories: ['Marketing'] })).toBe('TMAC Ltd');
    expect(standaloneTitle({ title: 'AI’ll get that' })).toBe('AI’ll get that');
  });
});

describe('newsPageVerdict (issue 11)', () => {
  it('finds index pages by their section title or a text describing the page (CNIL)', () => {
    expect(
      newsPageVerdict({
        title: 'Informations publiques',
        summary: 'Cette page recense les informations publiques de la CNIL (documents, vidéos, open data).',
      }),
    ).toMatchObject({ news: false, reason: 'index-page' });
    expect(newsPageVerdict({ title: 'Open data', summary: 'This page lists the datasets we publish.' })).toMatchObject({
      news: false,
      reason: 'index-page',
    });
  });

  it('finds meeting agendas in the sources’ languages', () => {
    for (const title of [
      'Ordre du jour de la séance plénière du 18 juin 2026',
      'Agenda of the plenary meeting of 3 June 2026',
      'Tagesordnung der 109. Konferenz',
      'Orden del día del Pleno',
    ]) {
      expect(newsPageVerdict({ title, summary: '' })).toMatchObject({ news: false, reason: 'meeting-agenda' });
    }
  });

  it('keeps news, including news about agendas and pages', () => {
    for (const title of [
      'Le CEPD rencontre le commissaire européen McGrath et adopte un modèle commun de notification',
      'Sécurité des données : les règles essentielles pour protéger les données et votre activité',
      'EDPB publishes the agenda of its next plenary',
      'ICO announces investigation into Grok',
    ]) {
      expect(newsPageVerdict({ title, summary: 'La CNIL a adopté ses recommandations.' })).toEqual({ news: true });
    }
  });
});
