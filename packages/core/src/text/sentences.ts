/**
 * Sentence boundaries in news prose, in the languages Regwatch's sources write in. A sentence
 * ends at `.`, `!`, `?` or `…` (closing quotes and brackets included) followed by a space and
 * something that starts a sentence (a capital letter, an opening quote or bracket, `¿`, `¡`).
 * `Intl.Segmenter` splits after every abbreviation ("Art. 80", "Prof. Dr.", "Gov. Greg"), so
 * the periods that do not end a sentence are recognised here instead.
 */

/** Words that take a period without ending a sentence (lower case, without the period). */
const abbreviations = new Set([
  // titles and ranks
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gov',
  'sen',
  'rep',
  'gen',
  'lt',
  'col',
  'capt',
  'sgt',
  'st',
  'hon',
  'mme',
  'mlle',
  'me',
  'sr',
  'sra',
  'dott',
  'avv',
  'ing',
  'hr',
  'fr',
  // references in legal texts
  'art',
  'arts',
  'no',
  'nos',
  'nr',
  'n',
  'para',
  'paras',
  'par',
  'sec',
  'abs',
  'ziff',
  'lit',
  'bzw',
  'vgl',
  'ca',
  'cf',
  'al',
  'vs',
  'v',
  'etc',
  'e.g',
  'i.e',
  'z.b',
  'u.a',
  'd.h',
  'inc',
  'ltd',
  'corp',
  'co',
  'p',
  'pp',
  'vol',
  'op',
  'cit',
  'núm',
  'apdo',
  // month abbreviations that come before a day or year
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'janv',
  'févr',
  'avr',
  'juil',
  'déc',
]);

/** The punctuation that can end a sentence, with the closing quotes and brackets after it. */
const endCandidate = /[.!?…]+["'”’»)\]]*(?=\s+["'“‘«„([¿¡]*\p{Lu})/gu;

/** Is the period at `index` (the end of `word`) one that ends no sentence? */
function isNonFinalPeriod(word: string): boolean {
  const bare = word.replace(/^[("'“‘«„[]+/u, '').replace(/\.$/, '');
  if (bare === '') return false;
  if (abbreviations.has(bare.toLowerCase())) return true;
  // Initials and dotted acronyms: "J. Smith", "U.S. Senate", "S.A.".
  if (/^\p{L}$/u.test(bare) || /^(?:\p{L}\.)+\p{L}?$/u.test(bare)) return true;
  // Ordinals written with a period (German, Slovenian, …): "ihres 8. Symposiums", "9. Dezember".
  if (/^\d{1,2}$/.test(bare)) return true;
  return false;
}

/** The offsets just after each sentence's final punctuation (the last one is the text's end). */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const match of text.matchAll(endCandidate)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && !match[0].startsWith('..')) {
      // The word the period ends: back to the previous space (a regex on the whole prefix is quadratic).
      const start = Math.max(text.lastIndexOf(' ', match.index), text.lastIndexOf('\n', match.index)) + 1;
      const word = text.slice(start, match.index + 1);
      if (isNonFinalPeriod(word)) continue;
    }
    ends.push(end);
  }
  if (ends.at(-1) !== text.length) ends.push(text.length);
  return ends;
}

/** The text's sentences, trimmed, in order. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let from = 0;
  for (const end of sentenceEnds(text)) {
    const sentence = text.slice(from, end).trim();
    if (sentence) sentences.push(sentence);
    from = end;
  }
  return sentences;
}

/** Does the text end as a sentence does (final punctuation, maybe inside quotes or brackets)? */
export function endsAsSentence(text: string): boolean {
  return /[.!?…]["'”’»)\]]*$/u.test(text.trimEnd());
}
