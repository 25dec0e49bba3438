/**
 * Themes a text says are left out: "all personal data excluding health records", "ausgenommen
 * Gesundheitsdaten", "à l'exclusion des données de santé", "excepto los datos de salud", or,
 * verb last, "dass der Vorschlag zentrale Themen wie Datenhandel, Kinderschutz und KI nicht
 * ausreichend adressiert". A topic named there is what the item is not about, so its terms do
 * not count. Patterns run on folded text (lower case, no accents), in the sources' languages.
 */
import { isWordCharacter, type Token } from './tokens.ts';

/** Words after which the rest of the clause is what is left out. */
const leftOutAfter = new RegExp(
  `(?:${[
    // en
    'excluding',
    'except for',
    'except',
    'other than',
    'with the exception of',
    'apart from',
    '(?:does|do|did|will) not (?:cover|address|include|apply to)',
    '(?:fails?|failed) to (?:cover|address|include)',
    'leaves? out',
    // fr
    "a l'exclusion (?:de la|de l'|des|du|de)",
    "a l'exception (?:de la|de l'|des|du|de)",
    'hormis',
    'sauf',
    "(?:ne|n') (?:couvre|couvrent|traite|traitent|vise|visent|concerne|concernent|aborde|abordent|inclut|incluent) pas",
    // de
    'ausgenommen(?: sind| werden| bleiben)?',
    'mit ausnahme (?:von|der|des|dem)',
    'abgesehen von',
    'ausser',
    'außer',
    // es
    'excepto',
    'salvo',
    '(?:a|con) excepcion de',
    'excluyendo',
    'no (?:aborda|abordan|cubre|cubren|incluye|incluyen|contempla|contemplan)',
    // it
    'ad eccezione (?:di|del|della|dei|delle|degli)',
    'eccetto',
    'tranne',
    'esclus[oiae]',
    'non (?:affronta|affrontano|copre|coprono|include|includono|riguarda|riguardano)',
    // nl
    'met uitzondering van',
    'uitgezonderd',
    'behalve',
    // sl
    'razen',
    'z izjemo',
    'ne (?:obravnava|obravnavajo|zajema|zajemajo|vkljucuje|vkljucujejo)',
  ].join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Words before which the clause so far is what is left out (verb last: German, and passives). */
const leftOutBefore = new RegExp(
  `(?:${[
    // de
    'nicht (?:(?:ausreichend|hinreichend|genugend|genug|ausdrucklich|vollstandig) )?(?:erfasst|adressiert|berucksichtigt|abgedeckt|geregelt|behandelt|einbezogen|angesprochen|umfasst)',
    '(?:sind|ist|werden|wird|bleiben|bleibt) (?:davon |hiervon )?ausgenommen',
    // en
    '(?:are|is|were|was|remain|remains) (?:left out|excluded|not covered|not addressed)',
    // fr
    '(?:sont|est|restent|reste) (?:exclus|exclue|exclues|exclu|ecartes|ecartees)',
    // es
    '(?:quedan|queda|estan|esta) (?:excluidos|excluidas|excluido|excluida)',
    // it
    '(?:sono|e|restano|resta) (?:esclusi|escluse|escluso|esclusa)',
    // nl
    '(?:zijn|is|blijven|blijft) (?:uitgezonderd|uitgesloten)',
    'vallen buiten',
    // sl
    '(?:so|je) izvzet[iae]?',
    'niso zajet[iae]',
  ].join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Where a clause ends. */
const clauseEnd = /[.;:!?()\n]/u;
/** Where a verb-last clause starts after a comma: "…, dass", "…, that", "…, que". */
const clauseStart = /,\s*(?:dass|da(?:ss|ß)|weil|that|because|que|parce que|porque|che|perche|dat|omdat|da|ker)\s/gu;
/** "themes such as …": the list starts here. */
const listStart =
  /(?<![\p{L}\p{N}])(?:wie|such as|like|including|comme|notamment|como|tales como|come|quali|zoals|kot)\s/gu;

function endOfClause(text: string, from: number): number {
  for (let at = from; at < text.length; at += 1) if (clauseEnd.test(text[at] ?? '')) return at;
  return text.length;
}

function startOfClause(text: string, to: number): number {
  let from = to;
  while (from > 0 && !clauseEnd.test(text[from - 1] ?? '')) from -= 1;
  const clause = text.slice(from, to);
  let start = 0;
  for (const match of clause.matchAll(clauseStart)) start = match.index + match[0].length;
  for (const match of clause.slice(start).matchAll(listStart)) {
    start += match.index + match[0].length;
    break;
  }
  return from + start;
}

/**
 * Whether a match starts a word. Checked here: a pattern that starts with a lookbehind is tried
 * at every character, one that starts with its words is not.
 */
const startsWord = (text: string, at: number): boolean => !isWordCharacter(text[at - 1]);

/**
 * One word of every marker above (edit both together): a text with none of them has nothing left
 * out, and most texts are spared the patterns, which cost more than the rest of topic tagging.
 */
const markerWords = new Set([
  ...[
    'excluding',
    'except',
    'other',
    'exception',
    'apart',
    'not',
    'fail',
    'fails',
    'failed',
    'leave',
    'leaves',
    'left',
  ],
  ...['excluded', 'exclusion', 'hormis', 'sauf', 'pas', 'exclus', 'exclue', 'exclues', 'exclu', 'ecartes', 'ecartees'],
  ...['ausgenommen', 'ausnahme', 'abgesehen', 'ausser', 'außer', 'nicht'],
  ...['excepto', 'salvo', 'excepcion', 'excluyendo', 'no', 'excluidos', 'excluidas', 'excluido', 'excluida'],
  ...['eccezione', 'eccetto', 'tranne', 'escluso', 'esclusi', 'esclusa', 'escluse', 'non'],
  ...['uitzondering', 'uitgezonderd', 'uitgesloten', 'behalve', 'buiten'],
  ...['razen', 'izjemo', 'ne', 'izvzet', 'izvzeti', 'izvzeta', 'izvzete', 'zajeti', 'zajeta', 'zajete'],
]);

/** Where a folded text names what is left out: [start, end) spans. `tokens` are the text's (tokens.ts). */
export function excludedSpans(folded: string, tokens: readonly Token[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!tokens.some((token) => markerWords.has(token.text))) return spans;
  for (const match of folded.matchAll(leftOutAfter)) {
    if (!startsWord(folded, match.index)) continue;
    const from = match.index + match[0].length;
    const to = endOfClause(folded, from);
    if (to > from) spans.push([from, to]);
  }
  for (const match of folded.matchAll(leftOutBefore)) {
    if (!startsWord(folded, match.index)) continue;
    const to = match.index;
    const from = startOfClause(folded, to);
    if (to > from) spans.push([from, to]);
  }
  return spans;
}
