import { foldForMatching } from '../relevance/privacy-relevance.ts';

/**
 * What kind of news a story is, for ranking a digest:
 * - `action`: what authorities and courts do or decide: decisions, fines, orders, investigations,
 *   rulings, new rules and guidance (the `enforcement`, `litigation` and `legislation` topics);
 * - `outreach`: a regulator's events, agendas, awareness campaigns, prizes, school materials and
 *   vacancies: true, but not what a DPO's week turns on;
 * - `news`: everything else.
 */
export type NewsKind = 'action' | 'news' | 'outreach';

export interface NewsKindInput {
  title: string;
  summary: string;
  /** Topic ids the taggers gave it (for a story: the union of its items'). */
  topics: readonly string[];
}

export interface NewsKindVerdict {
  kind: NewsKind;
  /** Why, for people: the topic or the words that decided it. */
  evidence: string;
}

/** Topics that are an authority's or a court's act: the taggers already find them, in every language. */
export const actionTopics: readonly string[] = ['enforcement', 'litigation', 'legislation'];

/**
 * Words that say an entry announces outreach rather than an act (folded: no accents, lower case,
 * straight apostrophes), in the catalog's languages. Topics cannot say this: a Girls' Day or a
 * teaching kit is about children's data as much as a fine is.
 */
const outreachRules: readonly { what: string; pattern: RegExp }[] = [
  {
    what: 'an event',
    pattern:
      /\b(?:webinar|webinaire|webinario|livestream|save the date|workshops?|denkwerkstatt|werkstattgesprach|fachtagung|colloque|seminaire|seminars?|convegno|delavnic[aei]?|posvet[ua]?|high-level-debatte|round ?table|table ronde|open day|tag der offenen tur|portes ouvertes)\b|\b(?:ladt|laden|einladung) (?:zur|zum)\b|\b(?:invites you|vous invite)\b|\bcelebra (?:la|el|una|un) (?:primera |segunda )?(?:reunion|jornada|encuentro|congreso)\b/,
  },
  {
    what: 'an agenda',
    pattern: /^(?:ordre du jour|agenda\b|tagesordnung|orden del dia|ordine del giorno|dnevni red)/,
  },
  {
    what: 'an awareness day or campaign',
    pattern:
      /\b(?:data privacy|data protection|privacy awareness|privacy) (?:week|day)\b|\bsemaine de la protection des donnees\b|\bjournee (?:europeenne |internationale )?de la protection des donnees\b|\bdatenschutztag\b|\bsafer internet day\b|\bdia (?:europeo |internacional )?de la proteccion de datos\b|\bgiornata (?:europea )?(?:della )?protezione dei dati\b|\b(?:girls|boys)'? ?day\b|\bzukunftstag\b/,
  },
  {
    what: 'a prize',
    pattern:
      /\bawards?\b(?! (?:of )?(?:damages|compensation|costs)\b)(?! ?[$€£])(?! \d[\d.,]* ?(?:m|bn|k|million|billion|euros?|dollars?|pounds?)\b)|\b(?:ausgezeichnet|auszeichnung|preisverleihung|preistrager\w*|remise du prix|laureats?|premios?|premiat[io]|prijsuitreiking|nagrad[aeiou]?|zmagovalc\w*|natecaj\w*|concours|wettbewerb|hackathon)\b|\bprix (?:« )?(?:cnil|[a-z]+ ?\/ ?cnil)\b/,
  },
  {
    what: 'school materials',
    pattern:
      /\b(?:unterrichtsmaterial\w*|lehrmaterial\w*|bildungsmaterial\w*|schulmaterial\w*|teaching (?:materials?|resources|kits?)|lesson plans?|classroom (?:materials?|resources)|school (?:materials?|resources)|ressources? pedagogiques?|kits? pedagogiques?|materiels? pedagogiques?|fiches? pedagogiques?|lesmateria\w*|lespakket\w*|materiales? didacticos?|recursos educativos|materiale didattico|materiali didattici|ucna gradiva|za ucitelje)\b/,
  },
  {
    what: 'a vacancy',
    pattern:
      /\b(?:stellenausschreibung\w*|stellenangebot\w*|vacanc(?:y|ies)|we're hiring|offres? d'emploi|vacatures?|ofertas? de empleo)\b/,
  },
];

function outreachIn(text: string): { what: string; words: string } | undefined {
  const folded = foldForMatching(text);
  for (const rule of outreachRules) {
    const match = rule.pattern.exec(folded);
    if (match) return { what: rule.what, words: match[0] };
  }
  return undefined;
}

/**
 * The kind of a story from its title, summary and topics. A title that names outreach decides
 * (a webinar on enforcement is still a webinar); outreach named only in the summary loses to an
 * action topic (a fine's notice may mention the conference it was announced at).
 */
export function newsKind(input: NewsKindInput): NewsKindVerdict {
  const inTitle = outreachIn(input.title);
  if (inTitle) return { kind: 'outreach', evidence: `${inTitle.what} (title: "${inTitle.words}")` };
  const action = actionTopics.find((topic) => input.topics.includes(topic));
  if (action) return { kind: 'action', evidence: `topic ${action}` };
  const inSummary = outreachIn(input.summary);
  if (inSummary) return { kind: 'outreach', evidence: `${inSummary.what} (summary: "${inSummary.words}")` };
  return { kind: 'news', evidence: 'no action topic, no outreach words' };
}
