/**
 * A small French → English table for the vocabulary of privacy regulation, so a regulator's
 * bilingual notice (the Canadian OPC, the Belgian, Swiss and Luxembourg authorities, the CNIL's
 * English pages) shares terms with its English twin. Terms are folded (lower case, no accents)
 * as `wordTokens` gives them; the English side is then stemmed like any English word. Names,
 * acronyms and amounts need no table: they are the same in both languages.
 */

/** French words mapped to the English word with the same meaning. */
export const frenchWords: Readonly<Record<string, string>> = Object.freeze({
  amende: 'fine',
  amendes: 'fine',
  sanction: 'fine',
  sanctions: 'fine',
  sanctionne: 'fine',
  sanctionnee: 'fine',
  donnee: 'data',
  donnees: 'data',
  renseignements: 'information',
  fuite: 'leak',
  fuites: 'leak',
  piratage: 'hack',
  cyberattaque: 'cyberattack',
  enquete: 'investigation',
  enquetes: 'investigation',
  plainte: 'complaint',
  plaintes: 'complaint',
  commissaire: 'commissioner',
  commissariat: 'commissioner',
  lance: 'launch',
  lancent: 'launch',
  conjointe: 'joint',
  conjointes: 'joint',
  plateforme: 'platform',
  plateformes: 'platform',
  entreprise: 'company',
  entreprises: 'company',
  societe: 'company',
  utilisateurs: 'users',
  utilisateur: 'user',
  jeunes: 'young',
  enfants: 'children',
  enfant: 'child',
  mineurs: 'minors',
  publicite: 'ad',
  publicites: 'ads',
  publicitaire: 'advertising',
  publicitaires: 'advertising',
  transfert: 'transfer',
  transferts: 'transfer',
  faciale: 'facial',
  artificielle: 'artificial',
  autorite: 'authority',
  autorites: 'authority',
  avertissement: 'warning',
  recours: 'appeal',
  appel: 'appeal',
  consentement: 'consent',
  confidentialite: 'privacy',
  reconnaissance: 'recognition',
  biometriques: 'biometric',
  biometrique: 'biometric',
  salaries: 'employees',
  employes: 'employees',
  clients: 'customers',
  genetiques: 'genetic',
  genetique: 'genetic',
  violation: 'breach',
  violations: 'breach',
  securite: 'security',
  sante: 'health',
  loi: 'law',
  lois: 'law',
  rapport: 'report',
  conclusions: 'findings',
  euros: 'eur',
  euro: 'eur',
  livres: 'gbp',
  dollars: 'usd',
});

/**
 * French phrases (folded word sequences) that mean one English term or phrase, read before the
 * words one by one (`vie privee` is `privacy`, not `life` and `private`).
 */
export const frenchPhrases: ReadonlyArray<readonly [readonly string[], readonly string[]]> = Object.freeze([
  [['vie', 'privee'], ['privacy']],
  [
    ['renseignements', 'personnels'],
    ['personal', 'information'],
  ],
  [
    ['donnees', 'personnelles'],
    ['personal', 'data'],
  ],
  [
    ['donnees', 'a', 'caractere', 'personnel'],
    ['personal', 'data'],
  ],
  [
    ['medias', 'sociaux'],
    ['social', 'media'],
  ],
  [
    ['reseaux', 'sociaux'],
    ['social', 'media'],
  ],
  [['atteinte', 'a', 'la', 'securite'], ['breach']],
  [
    ['colombie', 'britannique'],
    ['british', 'columbia'],
  ],
  [
    ['etats', 'unis'],
    ['united', 'states'],
  ],
  [
    ['royaume', 'uni'],
    ['united', 'kingdom'],
  ],
  [
    ['union', 'europeenne'],
    ['european', 'union'],
  ],
]);

/** The tokens with every French phrase of the table replaced by its English words. */
export function translatePhrases(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    const match = frenchPhrases.find(([phrase]) => phrase.every((word, offset) => tokens[index + offset] === word));
    if (match) {
      out.push(...match[1]);
      index += match[0].length;
    } else {
      out.push(tokens[index] ?? '');
      index += 1;
    }
  }
  return out;
}
