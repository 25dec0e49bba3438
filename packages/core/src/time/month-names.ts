/**
 * Month names in the languages the sources publish in, lower case, without a trailing dot:
 * full names, the abbreviations sites print, and the spellings without accents. Values are
 * 1–12. No spelling means two different months across these languages, so the union of the
 * tables (`anyMonth`) is as safe to read as one language's table.
 */
export const monthLanguages = ['en', 'fr', 'de', 'nl', 'es', 'it', 'sl'] as const;
export type MonthLanguage = (typeof monthLanguages)[number];

type MonthTable = Readonly<Record<string, number>>;

function table(...months: string[][]): MonthTable {
  const names: Record<string, number> = {};
  months.forEach((spellings, index) => {
    for (const spelling of spellings) names[spelling] = index + 1;
  });
  return names;
}

export const monthNames: Readonly<Record<MonthLanguage, MonthTable>> = {
  en: table(
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ),
  fr: table(
    ['janvier', 'janv', 'jan'],
    ['février', 'fevrier', 'févr', 'fevr', 'fév', 'fev'],
    ['mars'],
    ['avril', 'avr'],
    ['mai'],
    ['juin'],
    ['juillet', 'juil'],
    ['août', 'aout'],
    ['septembre', 'sept'],
    ['octobre', 'oct'],
    ['novembre', 'nov'],
    ['décembre', 'decembre', 'déc', 'dec'],
  ),
  de: table(
    ['januar', 'jänner', 'jan', 'jän'],
    ['februar', 'feber', 'feb'],
    ['märz', 'maerz', 'mär', 'mrz'],
    ['april', 'apr'],
    ['mai'],
    ['juni', 'jun'],
    ['juli', 'jul'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt'],
    ['november', 'nov'],
    ['dezember', 'dez'],
  ),
  nl: table(
    ['januari', 'jan'],
    ['februari', 'feb'],
    ['maart', 'mrt', 'mar'],
    ['april', 'apr'],
    ['mei'],
    ['juni', 'jun'],
    ['juli', 'jul'],
    ['augustus', 'aug'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt'],
    ['november', 'nov'],
    ['december', 'dec'],
  ),
  es: table(
    ['enero', 'ene'],
    ['febrero', 'feb'],
    ['marzo', 'mar'],
    ['abril', 'abr'],
    ['mayo', 'may'],
    ['junio', 'jun'],
    ['julio', 'jul'],
    ['agosto', 'ago'],
    ['septiembre', 'setiembre', 'sep', 'sept', 'set'],
    ['octubre', 'oct'],
    ['noviembre', 'nov'],
    ['diciembre', 'dic'],
  ),
  it: table(
    ['gennaio', 'gen'],
    ['febbraio', 'feb'],
    ['marzo', 'mar'],
    ['aprile', 'apr'],
    ['maggio', 'mag'],
    ['giugno', 'giu'],
    ['luglio', 'lug'],
    ['agosto', 'ago'],
    ['settembre', 'set', 'sett'],
    ['ottobre', 'ott'],
    ['novembre', 'nov'],
    ['dicembre', 'dic'],
  ),
  sl: table(
    ['januar', 'jan'],
    ['februar', 'feb'],
    ['marec', 'mar'],
    ['april', 'apr'],
    ['maj'],
    ['junij', 'jun'],
    ['julij', 'jul'],
    ['avgust', 'avg'],
    ['september', 'sep', 'sept'],
    ['oktober', 'okt'],
    ['november', 'nov'],
    ['december', 'dec'],
  ),
};

const anyLanguage: MonthTable = Object.assign({}, ...monthLanguages.map((language) => monthNames[language]));

function key(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\.$/, '');
}

/** The month (1–12) a name spells in `language`, or undefined. */
export function monthIn(language: MonthLanguage, name: string): number | undefined {
  return monthNames[language][key(name)];
}

/** The month (1–12) a name spells in any of the languages, or undefined. */
export function anyMonth(name: string): number | undefined {
  return anyLanguage[key(name)];
}
