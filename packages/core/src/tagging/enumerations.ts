/**
 * Enumerations: "… avances sobre inteligencia artificial, decisiones automatizadas, calidad de
 * datos, neurodatos y protección reforzada de menores". A topic named once inside a list of four
 * or more short items is one update among several, weaker evidence than a topic the title or the
 * lead is about: its mention weighs half (see `enumerationWeight`), so it needs two such mentions
 * in the lead, or four in the body. Items are short (at most three words between commas; the
 * first item's last two words and the last item's first four are counted), so a sentence whose
 * clauses are separated by commas is no list. Patterns run on folded text.
 */

/** What a topic mention inside an enumeration weighs, as a share of its field's weight. */
export const enumerationWeight = 0.5;

const word = String.raw`[^\s,;:.!?()\[\]"«»„“”]+`;
const words = (most: number) => String.raw`${word}(?:\s+${word}){0,${most - 1}}`;

/** "and" and "or" in the sources' languages (Slovenian "in", Dutch "en" and "of" too: the list's length guards them). */
const conjunction = String.raw`(?:and|or|as well as|et|ou|und|oder|sowie|(?<!\bil\s|\bn')y|e|o|en|of|in|ter|ali|ed)`;

/**
 * Four items at least: one before the first comma, two or more between commas, one after the
 * conjunction. Three ("camera, microphone and precise location", "political, electoral and
 * social issue ads") are often what the item is about, and a clause between commas ("dubbed
 * WP2Shell, can give attackers control of a site") is no item.
 */
const enumeration = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${words(2)}(?:\s*,\s*${words(3)}){2,}\s*,?\s+${conjunction}\s+${words(4)}`,
  'gu',
);

/** Where a folded text lists four or more short items: [start, end) spans. */
export function enumerationSpans(folded: string): Array<[number, number]> {
  if (!folded.includes(',')) return [];
  return [...folded.matchAll(enumeration)].map((match) => [match.index, match.index + match[0].length]);
}
