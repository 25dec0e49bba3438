/**
 * Names of awards, prizes, programmes and events: "European Digital Mindset Awards 2026",
 * "Premio a la Innovación Tecnológica en el Sector Público", "prix « Protection de la vie
 * privée »", "„Most Innovative Regulator Award“", "Safer Internet Day". The words inside such
 * a name say what the award is called, not what the item is about or where it is: "Sector
 * Público" is no public-sector story, "European" no EU one. The tagger reads no topic and no
 * place or law inside them (an authority or a platform named there still counts: it is the one
 * giving the award). Patterns run on the original text, because a name is told by its capitals.
 */
import type { Token } from './tokens.ts';

/** A capitalised word of a name ("Innovación", "CNIL/EHESS", "Girls'"), or a year. */
const nameWord = String.raw`(?:\p{Lu}[\p{L}\p{N}'’&./-]*|(?:19|20)\d\d)`;

/** Small words inside a name, in the sources' languages ("Premio a la Innovación … en el Sector Público"). */
const connector =
  "(?:a|al|à|au|aux|la|las|los|el|le|les|l'|de|del|des|du|d'|en|y|e|et|of|and|for|the|in|on|für|und|der|die|das|di|della|dei|per|il|lo|za|v|na|van|voor|het|&)";

/**
 * A run of up to four name words, two small words allowed between them: "Innovación Tecnológica
 * en el Sector Público". The cap keeps a headline in title case ("EU Fines Meta Over Kids' Data
 * Ahead of Safer Internet Day") from being read as one long name.
 */
const nameRun = String.raw`${nameWord}(?:\s+(?:${connector}\s+){0,2}${nameWord}){0,3}`;

/** Words that end an English-style name: "… Awards", "… Prize", "… Day", "… Show". */
const finalHeads =
  '(?:Awards?|Prizes?|Trophy|Trophies|Preis|Prijs|Day|Summit|Show|Festival|Hackathon|Sandbox|Programme)';

/** Words that start a name in the other languages: "Premio a …", "prix « … »", "nagrada …", "Datenschutzpreis". */
const initialHeads = String.raw`(?:[Pp]remios?|[Pp]remi|[Pp]rix|[Pp]reis|\p{Lu}\p{Ll}+preis|[Pp]rijs|\p{Lu}\p{Ll}+prijs|[Aa]wards?|[Nn]agrad\p{L}*|[Nn]ate[čc]aj\p{L}*|[Gg]alard[oó]n\p{L}*|[Tt]roph[ée]e\p{L}*|[Aa]uszeichnung)`;

/** A quoted name: « … », “ … ”, „ … “, » … «, " … ". */
const quoted = String.raw`(?:«[^»\n]{1,80}»|“[^”\n]{1,80}”|„[^“”\n]{1,80}[“”]|»[^«\n]{1,80}«|"[^"\n]{1,80}")`;

const namePatterns: readonly RegExp[] = [
  // "European Digital Mindset Awards 2026", "„Most Innovative Regulator Award“", "European Blockchain Sandbox".
  new RegExp(String.raw`(?<![\p{L}\p{N}])${nameRun}\s+${finalHeads}(?:\s+(?:19|20)\d\d)?(?![\p{L}\p{N}])`, 'gu'),
  // "Premio a la Innovación Tecnológica …", "prix CNIL/EHESS", "prix « Protection de la vie privée » 2026".
  new RegExp(
    String.raw`(?<![\p{L}\p{N}])${initialHeads}(?:\s+(?:19|20)\d\d)?(?:\s*${quoted}|\s+(?:${connector}\s+)*${nameRun})`,
    'gu',
  ),
  // Names whose first word alone is capitalised, the programme's word in the middle (Slovenian,
  // Dutch): "Mladinski dialog EU" (the EU Youth Dialogue), "Nationaal programma EU". A
  // capitalised word then a lower-case programme word is no phrase of ordinary prose.
  /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+\s+(?:dialog|dialoog|program|programma|projekt|teden|forum)\p{Ll}{0,3}(?:\s+(?:EU|UE))?(?![\p{L}\p{N}])/gu,
];

/**
 * The patterns' head words, folded (edit them together): a text with none of them names no
 * award, and most texts are spared the patterns.
 */
const headWords = new Set([
  ...['award', 'awards', 'prize', 'prizes', 'trophy', 'trophies', 'preis', 'prijs', 'day', 'summit', 'show'],
  ...['festival', 'hackathon', 'sandbox', 'programme', 'premio', 'premios', 'premi', 'prix', 'trophee', 'trophees'],
  ...['auszeichnung', 'dialoog', 'forum'],
]);
const headStems = ['nagrad', 'natecaj', 'galardon', 'dialog', 'program', 'projekt', 'teden'];
const headEnds = ['preis', 'prijs'];

const isHead = (word: string): boolean =>
  headWords.has(word) || headStems.some((stem) => word.startsWith(stem)) || headEnds.some((end) => word.endsWith(end));

/**
 * Where a text names an award, a prize, a programme or an event: [start, end) spans, in order.
 * `tokens` are the text's, folded (tokens.ts).
 */
export function awardNameSpans(text: string, tokens: readonly Token[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!tokens.some((token) => token.word && isHead(token.text))) return spans;
  for (const pattern of namePatterns) {
    for (const match of text.matchAll(pattern)) spans.push([match.index, match.index + match[0].length]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}
