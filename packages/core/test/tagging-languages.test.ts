import { describe, expect, it } from 'vitest';
import { type Tag, type TagInput, tagItem, tagTopics } from '../src/index.ts';

// Issue 11: topics beyond English. Inputs are the recorded items' own text
// (packages/sources/testdata/regulators/), as the processing step passes it.

const ids = (tags: readonly Tag[]) => tags.map((tag) => tag.id);
const topics = (input: TagInput) => ids(tagTopics(input));
const regulator = (jurisdiction: string, input: TagInput): TagInput => ({
  ...input,
  sourceKind: 'regulator',
  sourceJurisdictions: [jurisdiction],
});

describe('issue 11: topics in the languages the sources publish in', () => {
  it.each([
    [
      'fr (CNIL)',
      {
        title: 'Victimes de violations de données : restez vigilants face aux offres d’accompagnement',
        summary:
          'Des victimes de violations de données personnelles reçoivent des courriels proposant une aide pour faire supprimer leurs informations en ligne.',
      },
      'data-breaches',
    ],
    [
      'fr (OPC)',
      {
        title: 'Assurance de l’âge : bien faire les choses pour les jeunes en ligne',
        summary:
          'Ce que les organisations devraient prendre en considération avant de vérifier l’âge des utilisateurs, et comment commenter notre ébauche d’orientations',
      },
      'children',
    ],
    [
      'fr (OPC)',
      {
        title:
          'Les commissaires à la protection de la vie privée publient les conclusions de leur enquête conjointe sur ChatGPT d’OpenAI',
      },
      'enforcement',
    ],
    [
      'de (BfDI)',
      {
        title: 'Elektronische Patientenakte: Datenschutz stärkt Vertrauen und Nutzung',
        summary:
          'Eine aktuelle Umfrage der Bundesbeauftragten für den Datenschutz und die Informationsfreiheit (BfDI) zeigt: Die elektronische Patientenakte (ePA) ist 95 Prozent der gesetzlich Versicherten bekannt.',
      },
      'health-data',
    ],
    [
      'de (BfDI)',
      {
        title: 'Datenschutzbeauftragte fordern Nein der Bundesregierung zur Chatkontrolle',
        summary: 'Keine anlasslose Massenüberwachung durch Chatkontrolle zulassen',
      },
      'surveillance',
    ],
    ['de (BfDI)', { title: 'Bundesverwaltungsgericht weist Klage der BfDI ab' }, 'litigation'],
    ['nl (AP)', { title: 'AP: grote toename van privacyklachten' }, 'data-subject-rights'],
    ['nl (AP)', { title: 'AP controleert vanaf 1 juli registratie scanauto’s in algoritmeregister' }, 'surveillance'],
    [
      'es (AEPD)',
      {
        title:
          'La Red Iberoamericana actualiza el marco común de privacidad con especial atención a los neurodatos, la IA y las decisiones automatizadas',
      },
      'ai',
    ],
    [
      'sl (IP)',
      { title: 'Ali vas zanima, če vaš sistem UI spada med visoko tvegane po Aktu o umetni inteligenci?' },
      'ai',
    ],
    [
      'sl (IP)',
      { title: 'IP izbral zmagovalce ustvarjalnega natečaja za otroke »Tvoji podatki so tvoja supermoč«' },
      'children',
    ],
    [
      'sl (IP)',
      {
        title:
          'Lažna sporočila lovijo goste z odprtimi rezervacijami – IP svari: ne vnašajte podatkov plačilnih kartic',
      },
      'financial-data',
    ],
  ])('%s: %s → %s', (_language, input, topic) => {
    expect(topics(input)).toContain(topic);
  });

  it('reads the Garante listing’s categories (Tipologia, Argomenti) as topics', () => {
    const tags = tagTopics({
      title: 'Provvedimento del 28 maggio 2026 [10262455]',
      summary: '[doc. web n. 10262455] Provvedimento del 28 maggio 2026 Registro dei provvedimenti n. 385',
      labels: { categories: ['Ordinanza ingiunzione o revoca', 'Dati sanitari', 'Diagnosi HIV', 'Minimizzazione'] },
    });
    expect(ids(tags)).toEqual(['enforcement', 'health-data']);
    expect(tags[0]?.evidence).toEqual([
      { rule: 'source-label', phrase: 'Ordinanza ingiunzione o revoca', field: 'labels' },
    ]);
  });

  it('gives no topic to what is not about one (an appointment, an agenda, an index page)', () => {
    expect(topics({ title: 'Geert Potjewijd wordt nieuwe voorzitter AP' })).toEqual([]);
    expect(
      topics({
        title: 'Ordre du jour de la séance plénière du 18 juin 2026',
        summary:
          'La Commission nationale de l’informatique et des libertés s’est réunie le jeudi 18 juin 2026 à 9 h 30 avec l’ordre du jour suivant :',
      }),
    ).toEqual([]);
    expect(
      topics({
        title: 'Bundesdatenschutzbeauftragte kündigt Rückzug an',
        summary:
          'Die Bundesbeauftragte hat heute erklärt, sich aus gesundheitlichen Gründen von ihrem Amt zurückzuziehen, sobald die Nachfolge geregelt ist.',
      }),
    ).toEqual([]);
  });

  it('does not read "sécurité publique" (public safety) as data security', () => {
    expect(
      topics({
        title:
          'Déclaration du commissaire devant le Comité permanent de la sécurité publique et nationale de la Chambre des communes au sujet du projet de loi C-22',
      }),
    ).toEqual(['legislation']);
    expect(topics({ title: 'Sécurité des données : les règles essentielles' })).toContain('security');
  });

  it('matches inflected forms and compounds through wildcard terms, with the words as written as evidence', () => {
    const tags = tagTopics({ title: 'Videoüberwachung in Schwimmbädern: BfDI prüft' });
    expect(tags.find((tag) => tag.id === 'surveillance')?.evidence).toEqual([
      { rule: 'term', phrase: 'Videoüberwachung', field: 'title' },
    ]);
    expect(topics({ title: 'Otroci in mladostniki na spletu' })).toContain('children');
    expect(topics({ title: 'Une violation de données touche 3 000 patients' })).toContain('data-breaches');
  });

  it('lists no form that is a word of another language with another meaning', () => {
    expect(topics({ title: 'The plan was amended after a kinder debate' })).toEqual([]);
    expect(topics({ title: 'Hospitality chain names new chief executive' })).toEqual([]);
    expect(topics({ title: 'Google Autocomplete suggests Australian surgeon is bankrupt' })).toEqual([]);
    expect(topics({ title: 'Use a glob pattern to match files in Klagenfurt office' })).toEqual([]);
    expect(topics({ title: 'Het kind van de buren' })).toEqual([]);
  });

  it('keeps the regulator’s own jurisdiction and adds the EU for the EU law a notice applies', () => {
    const tags = tagItem(
      regulator('SI', {
        title: 'Ali vas zanima, če vaš sistem UI spada med visoko tvegane po Aktu o umetni inteligenci?',
      }),
    );
    expect(ids(tags.jurisdictions)).toEqual(['EU', 'SI']);
    expect(ids(tags.topics)).toEqual(['ai', 'legislation']);
  });
});
