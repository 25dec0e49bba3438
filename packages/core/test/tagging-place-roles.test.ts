import { describe, expect, it } from 'vitest';
import { type Tag, type TagInput, tagJurisdictions } from '../src/index.ts';

// Issue 11: a country a text names only as a company's home, a dateline, the destination of a
// data transfer or an event's venue is not a jurisdiction of the story; the authority that acts
// and the law it applies are.

const ids = (tags: readonly Tag[]) => tags.map((tag) => tag.id);
const codes = (input: TagInput) => ids(tagJurisdictions(input));

describe('issue 11: places named only in passing', () => {
  it('reads the Berlin Group as an international working group, not Berlin', () => {
    expect(
      codes({
        title: 'IWGDPT Berlin Group publishes working paper on Extended Reality',
        sourceKind: 'regulator',
        sourceJurisdictions: ['DE'],
      }),
    ).toEqual(['DE']);
  });

  it('leaves out a dateline (EDPB: "Brussels/Frankfurt, 1 July –")', () => {
    expect(
      codes({
        title: 'EDPB and AMLA to develop Joint Guidelines on partnerships for information sharing',
        summary:
          'Brussels/Frankfurt, 1 July – The EDPB and the Anti-Money Laundering Authority (AMLA) are working together to bring greater clarity to a question of growing importance.',
        sourceKind: 'regulator',
        sourceJurisdictions: ['EU'],
      }),
    ).toEqual(['EU']);
  });

  it('leaves out a company’s home', () => {
    expect(
      codes({
        title:
          'Lettre de conformité adressée au Commissariat à la protection de la vie privée du Canada par WestJet, une société en nom collectif de l’Alberta',
        sourceKind: 'regulator',
        sourceJurisdictions: ['CA'],
      }),
    ).toEqual(['CA']);
    expect(codes({ title: 'Iranian group uses ChatGPT to target US presidential election' })).toEqual(['US']);
    expect(codes({ title: 'ICO fines US-based data broker over unlawful profiling' })).toEqual(['GB']);
  });

  it('leaves out where data was sent (the users whose data it was stay)', () => {
    expect(
      codes({
        title: 'DPC fines TikTok over children’s data',
        summary:
          'The DPC found that TikTok transferred the personal data of EEA users to China without adequate safeguards.',
      }),
    ).toEqual(['EEA', 'IE']);
    expect(codes({ title: 'Company X fined in Ireland after sending customer data to India' })).toEqual(['IE']);
  });

  it('leaves out an event’s venue (the GPA in Seoul)', () => {
    expect(
      codes({
        title: 'Global Privacy Assembly: BfDI unterzeichnet Vereinbarung zur Regulierung von KI',
        summary:
          'In Seoul fand Mitte September die 47. Jahreskonferenz der Global Privacy Assembly (GPA) statt. Die Konferenz stand unter dem Motto „Artificial Intelligence in our daily lives“.',
        sourceKind: 'regulator',
        sourceJurisdictions: ['DE'],
      }),
    ).toEqual(['DE']);
  });

  it('leaves out an office’s postal address (the AEPD’s new seat in Madrid)', () => {
    expect(
      codes({
        title: 'La Agencia Española de Protección de Datos inicia una nueva etapa al servicio de la ciudadanía',
        summary:
          'La atención presencial se prestará desde el 1 de julio en la nueva sede, ubicada en el Paseo de la Castellana, 141 (Madrid).',
        sourceKind: 'regulator',
        sourceJurisdictions: ['ES'],
      }),
    ).toEqual(['ES']);
    expect(
      codes({
        title: 'BfDI eröffnet Verbindungsbüro',
        summary: 'Die Anschrift des Büros lautet Friedrichstraße 50, 10117 Berlin.',
        sourceKind: 'regulator',
        sourceJurisdictions: ['DE'],
      }),
    ).toEqual(['DE']);
    // A year is no postcode: the story is about the EU.
    expect(codes({ title: 'Since 2018 Europe has enforced the GDPR against Big Tech' })).toContain('EU');
  });

  it('keeps a place named in passing when nothing else says where the item is', () => {
    expect(codes({ title: 'Scammers use cloned voice to steal USD 35m from Dubai company' })).toEqual(['AE']);
  });

  it('adds the authority that acts alongside the regulator reporting it', () => {
    expect(
      codes({
        title:
          'La AEPD y la Autoridad Belga impulsan buenas prácticas de protección de datos para el sector del videojuego',
        sourceKind: 'regulator',
        sourceJurisdictions: ['ES'],
      }),
    ).toEqual(['BE', 'ES']);
  });
});
