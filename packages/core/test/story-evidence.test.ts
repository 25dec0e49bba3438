import { describe, expect, it } from 'vitest';
import {
  amountKeys,
  assignStory,
  type StoryFeatures,
  type StoryInput,
  storyFeatures,
  storyProfileOf,
} from '../src/index.ts';

// Issue 11: numbers and amounts are evidence of one story; headlines that each name something the
// other never mentions (a partner, a decision number) are evidence of two. Texts from the
// recordings in packages/sources/testdata (regulators/cnil.xml, press/therecord.xml,
// press/techcrunch-privacy.xml, regulators/garante-it.html).

// Neutral document frequencies: no term is known yet, as in a fresh database.
const features = (input: StoryInput) => storyFeatures(input, () => 0, 0);
const story = (storyId: string, ...members: StoryFeatures[]) => ({
  storyId,
  features: members,
  profile: storyProfileOf(members),
});
/** The story the second item joins once the first is stored: '1' (the first's) or null (a new one). */
const joins = (first: StoryFeatures, second: StoryFeatures) => assignStory(second, [story('1', first)]).storyId;

const cnilEhess = features({
  title:
    'Quatre auteurs reçoivent le deuxième prix CNIL/EHESS pour leur recherche sur la réception du règlement IA par les citoyens européens',
  summary:
    'Lors de la Journée de recherche sur la vie privée, le 24 juin 2026, Gabriel Lima, Gustavo Gil Gasiola, Frederike ' +
    'Zufall et Yixin Zou ont reçu le 2ème prix CNIL/EHESS pour leur article sur la régulation de l’intelligence ' +
    'artificielle et son alignement avec les attentes citoyennes.',
  url: 'https://www.cnil.fr/fr/prix-ehess-cnil-2026',
  publishedAt: '2026-06-24T10:00:00Z',
  language: 'fr',
  sourceId: 'cnil',
  jurisdictions: ['FR'],
});
const cnilInria = features({
  title: 'Remise du prix « Protection de la vie privée » 2026 par la CNIL et l’Inria',
  summary:
    'Lors de la Journée de recherche sur la vie privée, le 24 juin 2026, la CNIL et l’Inria ont remis le prix 2026 de ' +
    'la protection de la vie privée à une équipe de chercheurs internationaux pour leur article portant sur ' +
    'l’articulation entre la réglementation et la recherche concernant les designs trompeurs et les bandeaux cookies.',
  url: 'https://www.cnil.fr/fr/prix-inria-cnil-2026',
  publishedAt: '2026-06-24T10:00:00Z',
  language: 'fr',
  sourceId: 'cnil',
  jurisdictions: ['FR'],
});

const record = features({
  title: 'Meta pledges to overhaul kids’ safety protections, pay $17 billion to settle social media case',
  summary:
    'A multibillion-dollar settlement with attorneys general from nearly every U.S. state and territory will mean new ' +
    'privacy and safety protections in Meta products.',
  url: 'https://therecord.media/meta-settlement-children-online-safety-social-media',
  publishedAt: '2026-08-26T18:35:00Z',
  language: 'en',
  sourceId: 'therecord',
  platforms: ['meta'],
});
const techcrunch = features({
  title: 'Meta’s $18B child safety deal hinges on age verification tech that doesn’t work well',
  summary:
    'Meta’s settlement with state attorneys general leans on age checks for teens, a technology that still struggles ' +
    'to tell a 15-year-old from an adult […]',
  url: 'https://techcrunch.com/2026/08/26/metas-18b-child-safety-deal-hinges-on-age-verification-tech-that-doesnt-work-well/',
  publishedAt: '2026-08-26T20:14:09Z',
  language: 'en',
  sourceId: 'techcrunch-privacy',
  platforms: ['meta'],
});

describe('issue 11: stories from amounts and named partners', () => {
  it('keeps the CNIL/EHESS and the CNIL/Inria prizes of one day apart, in either order', () => {
    expect(joins(cnilEhess, cnilInria)).toBeNull();
    expect(joins(cnilInria, cnilEhess)).toBeNull();
  });

  it('keeps one regulator’s decisions of one day apart when their numbers differ', () => {
    const decision = (docweb: string) =>
      features({
        title: `Provvedimento del 28 maggio 2026 [${docweb}]`,
        url: `https://www.garanteprivacy.it/web/guest/home/docweb/-/docweb-display/docweb/${docweb}`,
        publishedAt: '2026-05-28T10:00:00Z',
        language: 'it',
        sourceId: 'garante-it',
      });
    expect(joins(decision('10259701'), decision('10259916'))).toBeNull();
  });

  it('puts The Record’s “$17 billion” and TechCrunch’s “$18B” on one settlement in one story, in either order', () => {
    expect(joins(record, techcrunch)).toBe('1');
    expect(joins(techcrunch, record)).toBe('1');
  });

  it('indexes two reports of one figure under a shared amount key', () => {
    const shared = (a: StoryFeatures, b: StoryFeatures) =>
      a.candidateKeys.filter((key) => key.startsWith('a.') && b.candidateKeys.includes(key));
    expect(shared(record, techcrunch).length).toBeGreaterThan(0);
    // A figure a third larger is another figure.
    expect(amountKeys(['17bn'], 0.1).filter((key) => amountKeys(['23bn'], 0.1).includes(key))).toEqual([]);
  });

  it('still tells one event twice when one source publishes it in two languages (bfdi.xml)', () => {
    const notice = (title: string, language: string, path: string) =>
      features({
        title,
        url: `https://www.bfdi.bund.de/SharedDocs/Kurzmeldungen/${path}/2026/10_IWGDPT-WP-Extended-Reality.html`,
        publishedAt: '2026-06-19T08:00:00Z',
        language,
        sourceId: 'bfdi',
      });
    const english = notice('IWGDPT Berlin Group publishes working paper on Extended Reality', 'en', 'EN');
    const german = notice('IWGDPT Berlin Group veröffentlicht Arbeitspapier zu Extended Reality', 'de', 'DE');
    expect(joins(english, german)).toBe('1');
    expect(joins(german, english)).toBe('1');
  });
});
