import { describe, expect, it } from 'vitest';
import { type Tag, type TagInput, tagItem } from '../src/index.ts';

// Issue 11: tags beyond English. Three kinds of mention say nothing about what an item is about:
// the words inside the name of an award, a prize, a programme or an event; a topic named once in
// a list of several updates; a theme the text says is left out. Each in every language the
// sources publish in, on sentences written for these tests (not the recorded items).

const ids = (tags: readonly Tag[]) => tags.map((tag) => tag.id);
const regulator = (input: TagInput): TagInput => ({ ...input, sourceKind: 'regulator', sourceJurisdictions: ['SI'] });
const tagsOf = (input: TagInput) => {
  const tags = tagItem(regulator(input));
  return { topics: ids(tags.topics), jurisdictions: ids(tags.jurisdictions) };
};

describe('issue 11: names of awards, prizes, programmes and events give neither topics nor jurisdictions', () => {
  it.each([
    [
      'en',
      'The regulator wins the European Public Sector Innovation Awards 2026',
      'The regulator audits public sector bodies across Europe',
      'public-sector',
      'EU',
    ],
    [
      'fr',
      'La CNIL remet le prix « Protection des enfants en Europe » 2026',
      'La CNIL contrôle la protection des enfants en Europe',
      'children',
      'EU',
    ],
    [
      'de',
      'Die Behörde erhält den Europäischen Preis für Kinderschutz',
      'Die Behörde fordert europäischen Kinderschutz',
      'children',
      'EU',
    ],
    [
      'es',
      'La agencia recibe el Premio de la UE a la Innovación en el Sector Público',
      'La agencia supervisa el sector público de la UE',
      'public-sector',
      'EU',
    ],
    [
      'it',
      'Il Garante riceve il Premio UE per la Pubblica Amministrazione Digitale',
      'Il Garante vigila sulla pubblica amministrazione digitale nella UE',
      'public-sector',
      'EU',
    ],
    [
      'sl',
      'Pooblaščenec je prejel nagrado »EU za zaščito otrok na spletu«',
      'Pooblaščenec opozarja na zaščito otrok na spletu v EU',
      'children',
      'EU',
    ],
    [
      'nl',
      'De toezichthouder wint de Europese Privacy Prijs voor Kinderen',
      'De toezichthouder beschermt Europese kinderen',
      'children',
      'EU',
    ],
  ])('%s: "%s"', (_language, named, control, topic, jurisdiction) => {
    const inName = tagsOf({ title: named });
    expect(inName.topics).not.toContain(topic);
    expect(inName.jurisdictions).not.toContain(jurisdiction);
    expect(inName.jurisdictions).toContain('SI');
    // The same words outside a name are read as usual.
    const asProse = tagsOf({ title: control });
    expect(asProse.topics).toContain(topic);
    expect(asProse.jurisdictions).toContain(jurisdiction);
  });

  it.each([
    ['sl', 'Dijaki sodelujejo v pobudi Digitalni dialog EU o zasebnosti', 'Dijaki sodelujejo s pobudo EU o zasebnosti'],
    [
      'nl',
      'De toezichthouder doet mee aan het Nationaal programma EU voor veilig internet',
      'De toezichthouder werkt samen met de EU voor veilig internet',
    ],
  ])('%s: a programme named with its first word capitalised ("%s")', (_language, named, control) => {
    expect(tagsOf({ title: named }).jurisdictions).toEqual(['SI']);
    expect(tagsOf({ title: control }).jurisdictions).toEqual(['EU', 'SI']);
  });

  it('does not read a headline in title case as one long name', () => {
    const tags = tagItem({ title: "EU Fines Video App Over Kids' Data Ahead of Safer Internet Day" });
    expect(ids(tags.jurisdictions)).toEqual(['EU']);
    expect(ids(tags.topics)).toContain('children');
  });

  it('reads no place inside a quoted programme or an event, and keeps the authority that gives an award', () => {
    const tags = tagsOf({
      title: 'Auszeichnung für die Aufsicht',
      summary:
        'Die BfDI wurde mit dem „Most Innovative Regulator Award“ im Rahmen der „European Blockchain Sandbox“ ausgezeichnet.',
    });
    expect(tags.jurisdictions).toEqual(['DE', 'SI']);
    expect(tagsOf({ title: 'The ICO speaks at the European Health Data Summit' })).toEqual({
      topics: [],
      jurisdictions: ['GB', 'SI'],
    });
  });
});

describe('issue 11: a topic named once in a list of several updates is weaker evidence', () => {
  it.each([
    [
      'en',
      'The annual report covers staffing, budgets, office moves and online training for children.',
      'Online training for children.',
    ],
    [
      'fr',
      'Le rapport annuel présente le budget, les effectifs, les locaux et la protection des enfants.',
      'La protection des enfants.',
    ],
    ['de', 'Der Jahresbericht nennt Haushalt, Personal, Räume und den Schutz von Kindern.', 'Der Schutz von Kindern.'],
    [
      'es',
      'La memoria anual repasa el presupuesto, la plantilla, las sedes y la protección de menores.',
      'La protección de menores.',
    ],
    [
      'it',
      'La relazione annuale illustra il bilancio, il personale, le sedi e la tutela dei minori.',
      'La tutela dei minori.',
    ],
    ['sl', 'Letno poročilo predstavlja proračun, kadre, prostore in varstvo otrok.', 'Varstvo otrok.'],
    [
      'nl',
      'Het jaarverslag behandelt de begroting, het personeel, de kantoren en de bescherming van kinderen.',
      'De bescherming van kinderen.',
    ],
  ])('%s: a lead listing updates', (_language, listing, alone) => {
    expect(tagsOf({ title: 'Annual report 2026', summary: listing }).topics).not.toContain('children');
    // Alone in the lead, the same words make the topic.
    expect(tagsOf({ title: 'Annual report 2026', summary: alone }).topics).toContain('children');
  });

  it('still counts a listed topic the title is about, or one the list names twice', () => {
    expect(
      tagsOf({
        title: 'Children online: the annual report',
        summary: 'The annual report covers staffing, budgets, office moves and online training for children.',
      }).topics,
    ).toContain('children');
    expect(
      tagsOf({
        title: 'Annual report 2026',
        summary: 'The report covers fines, reprimands, enforcement notices and audits.',
      }).topics,
    ).toContain('enforcement');
  });

  it('does not take a short list of three, or clauses between commas, for an enumeration', () => {
    expect(
      tagsOf({
        title: 'New controls in the operating system',
        summary: 'Users can now choose which apps access their camera, microphone and precise location.',
      }).topics,
    ).toContain('location-data');
    expect(
      tagsOf({
        title: 'WordPress flaw',
        summary: 'Two plugin bugs, dubbed Shellshock2, can give attackers control of a site, in breach of nothing.',
      }).topics,
    ).toContain('security');
  });
});

describe('issue 11: themes a text says are left out do not count', () => {
  it.each([
    ['en', 'The new code covers all processing excluding health records', 'health-data'],
    ['en', 'The proposal does not address children’s data', 'children'],
    ['fr', 'Le référentiel couvre tous les traitements à l’exclusion des données de santé', 'health-data'],
    ['de', 'Die Leitlinien gelten für alle Verarbeitungen, ausgenommen Gesundheitsdaten', 'health-data'],
    ['de', 'Die BfDI bemängelt, dass der Entwurf Themen wie Kinderschutz nicht ausreichend erfasst', 'children'],
    ['es', 'La guía se aplica a todos los tratamientos, excepto los datos de salud', 'health-data'],
    ['it', 'Le regole valgono per tutti i trattamenti, ad eccezione dei dati sanitari', 'health-data'],
    ['sl', 'Pravila veljajo za vse obdelave, razen za zdravstvene podatke', 'health-data'],
    ['nl', 'De regels gelden voor alle verwerkingen, met uitzondering van gezondheidsgegevens', 'health-data'],
  ])('%s: "%s"', (_language, title, topic) => {
    expect(tagsOf({ title }).topics).not.toContain(topic);
  });

  it.each([
    ['en', 'The new code covers all processing including health records', 'health-data'],
    ['de', 'Die Leitlinien gelten für alle Verarbeitungen, auch Gesundheitsdaten', 'health-data'],
    ['es', 'La guía se aplica a todos los tratamientos, también los datos de salud', 'health-data'],
  ])('%s: the same theme included counts ("%s")', (_language, title, topic) => {
    expect(tagsOf({ title }).topics).toContain(topic);
  });

  it('drops only what the exclusion governs: the rest of the sentence still counts', () => {
    const tags = tagsOf({ title: 'Guidance on employee monitoring, excluding health records' });
    expect(tags.topics).toContain('employment');
    expect(tags.topics).not.toContain('health-data');
  });
});

describe('issue 11: one word is one mention', () => {
  it.each([
    ['en', 'A later paragraph mentions the algorithms.', 'ai'],
    ['fr', 'Un paragraphe évoque les enfants.', 'children'],
  ])('%s: a term listed as written and as a wildcard weighs once in the body', (_language, body, topic) => {
    const lead = 'The authority published its yearly activity report for the whole of 2026 today.';
    expect(tagsOf({ title: 'Annual report', summary: `${lead} ${body}` }).topics).not.toContain(topic);
    expect(tagsOf({ title: 'Annual report', summary: `${lead} ${body} ${body}` }).topics).toContain(topic);
  });
});
