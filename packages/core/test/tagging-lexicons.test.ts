import { describe, expect, it } from 'vitest';
import authorities from '../lexicons/authorities.json' with { type: 'json' };
import laws from '../lexicons/laws.json' with { type: 'json' };
import places from '../lexicons/places.json' with { type: 'json' };
import platforms from '../lexicons/platforms.json' with { type: 'json' };
import topics from '../lexicons/topics.json' with { type: 'json' };
import { builtinLexicons, createTagger, isRegwatchError, type LexiconFiles, validateLexicons } from '../src/index.ts';

const shipped: LexiconFiles = { platforms, authorities, laws, places, topics };

/** The shipped files with one table replaced, deep-copied so tests cannot change each other's data. */
function withTable(table: keyof LexiconFiles, edit: (data: unknown) => unknown): LexiconFiles {
  const copy = structuredClone(shipped) as Record<keyof LexiconFiles, unknown>;
  copy[table] = edit(copy[table]);
  return copy;
}

function problemsOf(files: LexiconFiles): string[] {
  try {
    validateLexicons(files);
    return [];
  } catch (error) {
    if (!isRegwatchError(error) || error.code !== 'invalid_config') throw error;
    return error.details.problems as string[];
  }
}

type Entry = Record<string, unknown>;
const appendPlatform = (entry: Entry) => (data: unknown) => [...(data as Entry[]), entry];

describe('shipped lexicons', () => {
  it('are valid', () => {
    expect(problemsOf(shipped)).toEqual([]);
  });

  it('are as large as issue 5 asks', () => {
    expect(builtinLexicons.platforms.length).toBeGreaterThanOrEqual(200);
    expect(builtinLexicons.authorities.length).toBeGreaterThanOrEqual(80);
    expect(builtinLexicons.topics.length).toBeGreaterThanOrEqual(18);
    expect(builtinLexicons.topics.length).toBeLessThanOrEqual(24);
  });

  it('name a data protection authority for every EU and EEA state, the UK and Switzerland', () => {
    const eea = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE NO IS LI GB CH';
    const covered = new Set(
      builtinLexicons.authorities.filter((a) => a.kind === 'data-protection').flatMap((a) => a.jurisdictions),
    );
    expect(eea.split(' ').filter((code) => !covered.has(code))).toEqual([]);
  });

  it('give every topic a definition', () => {
    for (const topic of builtinLexicons.topics) expect(topic.definition.length, topic.id).toBeGreaterThan(40);
  });
});

describe('validateLexicons', () => {
  it('names the file, the entry and the field of each problem', () => {
    const problems = problemsOf(
      withTable('platforms', appendPlatform({ id: 'acme', name: 'Acme', kind: 'retail', parent: 'acme-holdings' })),
    );
    expect(problems).toEqual([
      `platforms.json: "acme" (entry ${platforms.length + 1}): parent "acme-holdings" is not a platform id`,
    ]);
  });

  it('refuses duplicate ids, bad slugs, unknown kinds and unknown fields', () => {
    const problems = problemsOf(
      withTable('platforms', (data) => [
        ...(data as Entry[]),
        { id: 'meta', name: 'Meta again', kind: 'social' },
        { id: 'Acme Corp', name: 'Acme', kind: 'shop', alias: ['Acme'] },
      ]),
    );
    expect(problems.some((p) => /"meta" .*id "meta" is already used by "meta"/.test(p))).toBe(true);
    expect(problems.some((p) => /id "Acme Corp" must be a lower-case slug/.test(p))).toBe(true);
    expect(problems.some((p) => /"Acme Corp" .*field "kind" must be one of/.test(p))).toBe(true);
    expect(problems.some((p) => /"Acme Corp" .*unknown field "alias"/.test(p))).toBe(true);
  });

  it('refuses a name two platforms claim, and a parent chain that loops', () => {
    const problems = problemsOf(
      withTable('platforms', (data) => {
        const list = (data as Entry[]).filter((entry) => !['loop-a', 'loop-b'].includes(entry.id as string));
        return [
          ...list,
          { id: 'acme', name: 'Acme', kind: 'retail', products: ['ChatGPT'] },
          { id: 'loop-a', name: 'Loop A', kind: 'other', parent: 'loop-b' },
          { id: 'loop-b', name: 'Loop B', kind: 'other', parent: 'loop-a' },
        ];
      }),
    );
    expect(problems.some((p) => /"acme" .*name "ChatGPT" is already a name of "openai"/.test(p))).toBe(true);
    expect(problems.some((p) => /"loop-a" .*parent chain loops back/.test(p))).toBe(true);
  });

  it('checks jurisdiction codes as DESIGN.md fixes them', () => {
    const problems = problemsOf(
      withTable('authorities', (data) => [
        ...(data as Entry[]),
        { id: 'uk-thing', name: 'Thing', kind: 'consumer', jurisdictions: ['UK'] },
        { id: 'lower', name: 'Lower', kind: 'consumer', jurisdictions: ['us-ca'] },
      ]),
    );
    expect(problems).toEqual([
      `authorities.json: "uk-thing" (entry ${authorities.length + 1}): jurisdictions: "UK" is not an ISO 3166 code: use GB`,
      `authorities.json: "lower" (entry ${authorities.length + 2}): jurisdictions: write "us-ca" as "US-CA"`,
    ]);
  });

  it('checks alias rules', () => {
    const problems = problemsOf(
      withTable(
        'platforms',
        appendPlatform({
          id: 'acme',
          name: 'Acme',
          kind: 'retail',
          aliases: [{ text: 'Acme', case: 'upper', confirm: { near: ['shop'] } }, { txt: 'Acme' }, '(Acme)'],
        }),
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/aliases\[0\]: "case" must be "exact" or "any"/),
        expect.stringMatching(/aliases\[0\]\.confirm: unknown field "near"/),
        expect.stringMatching(/aliases\[1\]: unknown field "txt"/),
        expect.stringMatching(/aliases\[1\]: field "text" must be a non-empty string/),
        expect.stringMatching(/aliases\[2\]: "\(Acme\)" must start with a letter or digit/),
      ]),
    );
  });

  it('checks the places file shape and topic definitions', () => {
    expect(problemsOf(withTable('places', () => []))).toEqual([
      'places.json: must be an object with "places", "notPlaces" and "noJurisdictionLabels"',
    ]);
    const problems = problemsOf(
      withTable('topics', (data) => [...(data as Entry[]), { id: 'misc', name: 'Misc', terms: [] }]),
    );
    expect(problems).toEqual([
      `topics.json: "misc" (entry ${topics.length + 1}): field "definition" must be a non-empty string`,
      `topics.json: "misc" (entry ${topics.length + 1}): field "terms" must list at least one term`,
    ]);
  });

  it('lets an editor extend the lexicons without touching code', () => {
    const files = withTable(
      'platforms',
      appendPlatform({
        id: 'acme-cloud',
        name: 'Acme Cloud',
        kind: 'software',
        parent: 'amazon',
        aliases: [{ text: 'Acme', case: 'exact', confirm: { anywhere: ['cloud'] } }],
      }),
    );
    const tagger = createTagger(validateLexicons(files));
    expect(tagger.tagPlatforms({ title: 'Acme cloud leaks customer files' }).map((t) => t.id)).toEqual([
      'acme-cloud',
      'amazon',
    ]);
    expect(tagger.tagPlatforms({ title: 'Acme wins award' }).map((t) => t.id)).toEqual([]);
  });

  it('issue 11: checks wildcard terms (a "*" at a word\'s start or end, a stem of four letters or more)', () => {
    const misc = (terms: unknown[]) =>
      withTable('topics', (data) => [
        ...(data as Entry[]),
        { id: 'misc', name: 'Misc', definition: 'A topic made up for this test, with enough words.', terms },
      ]);
    const at = `topics.json: "misc" (entry ${topics.length + 1}): terms`;
    expect(problemsOf(misc(['enf*', '*mid*dle', 'a * b', { text: 'Kinder*', case: 'exact' }]))).toEqual([
      `${at}[0]: "enf*": a "*" must touch a word of at least 4 letters`,
      `${at}[1]: "*mid*dle": a word may have "*" at its start or its end, not both`,
      `${at}[2]: "a * b": a "*" must touch a word (\`enfant*\`, \`*überwachung\`)`,
      `${at}[3]: a name with "*" matches in any case`,
    ]);
    const tagger = createTagger(validateLexicons(misc(['enfant* en ligne', '*überwachung'])));
    const isMisc = (title: string) => tagger.tagTopics({ title }).some((tag) => tag.id === 'misc');
    expect(isMisc('Les enfants en ligne')).toBe(true);
    expect(isMisc('Videoüberwachung im Bad')).toBe(true);
    expect(isMisc('Les enfants, en ligne')).toBe(false);
    expect(isMisc('Überwachungskamera')).toBe(false);
  });
});
