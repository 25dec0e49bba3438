/**
 * Is a general outlet's item about privacy and data protection? Decided from the title and the
 * lead (the start of the summary), the title weighing more, with a lexicon in English and
 * French plus German and Dutch basics. Pure: no I/O, the same input gives the same answer.
 *
 * Every rule that matches is reported as evidence, so an editor can see why an item was kept
 * or dropped. Rules come in three strengths:
 * - decisive: specific to data protection (GDPR, "personal data", a DPA's name, a breach of
 *   personal data). Enough on its own, in the title or in the lead.
 * - strong: usually about privacy but broader ("privacy", surveillance, facial recognition,
 *   tracking, age verification). Enough in the title; in the lead it only adds weight.
 * - weak: context that never decides alone (the FTC, the outlet's own "Privacy" label).
 *
 * Words with other senses are matched in their privacy sense only: ICO (not an initial coin
 * offering), tracking (of people, not parcels), cookies (on the web, not in the oven), data
 * protection (the law, not backup software), breach (of personal data, not of contract).
 */

export interface PrivacyRelevanceInput {
  title: string;
  /** The item's summary or lead; only its first characters are read. */
  summary: string;
  /** The source's own labels for the item (feed categories), when the adapter keeps them. */
  categories?: readonly string[] | undefined;
}

export interface PrivacyRelevance {
  relevant: boolean;
  /** One line per matching rule: `rule (field: "matched text")`. Empty when nothing matched. */
  evidence: string[];
  /** Sum of the matching rules' weights; relevant at `privacyRelevanceThreshold` or more. */
  score: number;
}

type Strength = 'decisive' | 'strong' | 'weak';
type Field = 'title' | 'lead';

interface Rule {
  id: string;
  strength: Strength;
  /** Matched against the folded text (lower case, no accents, straight apostrophes). */
  pattern?: RegExp;
  /** Matched against the original text, case-sensitively (acronyms such as ICO, DPC). */
  exact?: RegExp;
  /** The rule does not count in a field whose folded text matches this (other senses). */
  unless?: RegExp;
  /** The rule counts only in a field whose folded text also matches this (needed context). */
  requires?: RegExp;
}

/** How much a rule adds, by where it matched. */
const weights: Record<Strength, Record<Field, number>> = {
  decisive: { title: 3, lead: 3 },
  strong: { title: 3, lead: 1 },
  weak: { title: 1, lead: 1 },
};

export const privacyRelevanceThreshold = 3;

/** Characters of the summary read as the lead. */
const leadChars = 600;

// Things people can be identified by, or data about them. Used by the breach rule.
const personalDataNoun = String.raw`(?:(?:customer|user|patient|student|employee|member|client|subscriber|voter|citizen|passenger|consumer|shopper|applicant|traveller|traveler|people|children|kids|minor|personal|private|sensitive|medical|health|healthcare|financial|genetic|biometric|contact|location|identity|dna)s?'?s? (?:data|information|info|details|records|files|dms|messages|photos|selfies)|browsing (?:data|history)|(?:data|information|details|records) (?:of|on|about) (?:[\d,.]+ ?(?:million|m|k)? )?(?:customers|users|patients|students|employees|members|clients|people|individuals|citizens|residents|children|minors|voters)|social security(?: numbers?)?|ssns?|passports?|driver'?s licen[cs]es?|id (?:cards?|documents?|photos?|scans?|numbers?)|dates? of birth|home address(?:es)?|phone numbers|email addresses|medical records|health records|patient records|dms|direct messages|private messages|credit card (?:numbers|details|data)|donnees personnelles|personenbezogene daten|persoonsgegevens)`;

const breachVerb = String.raw`(?:breach(?:es|ed)?|hack(?:s|ed|ers?)?|stole|stolen|steal(?:s|ing)?|theft|loot(?:s|ed|ing)?|leak(?:s|ed|ing)?|expos(?:e|es|ed|ing)|compromis(?:e|es|ed)|exfiltrat\w*|dump(?:s|ed)?|scraped|fuite|vol(?:e|es)?|datenleck|datalek)`;

const rules: readonly Rule[] = [
  // --- decisive: the vocabulary of data protection law and its regulators ---
  {
    id: 'privacy-law',
    strength: 'decisive',
    pattern:
      /\b(?:uk gdpr|gdpr|rgpd|dsgvo|ccpa|cpra|coppa|hipaa|pipeda|lprpde|bipa|lgpd|pipl|e-?privacy (?:directive|regulation|rules)|data protection act|privacy act|loi informatique et libertes|bdsg)\b/,
  },
  {
    id: 'privacy-law',
    strength: 'decisive',
    // The Dutch GDPR, not the antivirus.
    exact: /\bAVG\b/,
    unless: /\b(?:antivirus|anti-virus|avast|gen digital|norton|vpn|technologies|secure browser)\b/,
  },
  {
    id: 'data-protection',
    strength: 'decisive',
    pattern: /\b(?:data protection|data privacy|protection des donnees|datenschutz\w*|gegevensbescherming)\b/,
    // In the storage trade "data protection" means backup and recovery.
    unless:
      /\b(?:backups?|back-up|disaster recovery|ransomware recovery|restore|snapshots?|immutable|veeam|commvault|rubrik|cohesity|druva|veritas|storage)\b/,
  },
  {
    id: 'personal-data',
    strength: 'decisive',
    pattern:
      /\b(?:personal (?:data|information|details|info)|personally identifiable information|pii|donnees (?:personnelles|a caractere personnel)|renseignements personnels|personenbezogenen? daten|persoonsgegevens)\b/,
  },
  {
    id: 'privacy-regulator',
    strength: 'decisive',
    pattern:
      /\b(?:information commissioner(?:'s office)?|privacy commissioners?|data protection (?:authority|authorities|commission|commissioner|regulator|watchdog|board|supervisor)|(?:privacy|data) (?:watchdogs?|regulators?)|cnil|edpb|edps|noyb|aepd|garante (?:per la protezione|privacy)|autoriteit persoonsgegevens|bfdi|datenschutzbehorde|commissariat a la protection de la vie privee)\b/,
  },
  {
    id: 'privacy-regulator',
    strength: 'decisive',
    // The UK Information Commissioner's Office, not an initial coin offering.
    exact: /\bICO\b/,
    unless:
      /\b(?:coins?|tokens?|crypto\w*|blockchain|bitcoin|ether(?:eum)?|initial coin offering|presale|airdrop|sec|securities|investors?|unregistered|raised|fundrais\w*|whitepaper)\b/,
  },
  {
    id: 'privacy-rights',
    strength: 'decisive',
    pattern:
      /\b(?:right to be forgotten|right of access|subject access requests?|dsars?|data subjects?|droit a l'oubli|vie privee|privatsphare|data (?:protection )?fines?|privacy (?:rights?|violations?|breach|invasion|laws?|lawsuits?|class actions?|suits?|settlements?|fines?|probes?|investigations?|complaints?|concerns?|risks?|disaster|nightmare|scandal|abuses?|policy|policies|protections?)|invasion of privacy)\b/,
  },
  {
    id: 'personal-data-breach',
    strength: 'decisive',
    // Both in the same field: a breach verb and something that identifies people.
    pattern: new RegExp(String.raw`\b${breachVerb}\b`),
    requires: new RegExp(String.raw`\b${personalDataNoun}\b`),
  },
  {
    id: 'profiling',
    strength: 'decisive',
    pattern:
      /\b(?:dossiers? (?:on|about) (?:individual |ordinary )?(?:people|individuals|citizens|users|residents|immigrants)|profil(?:e|es|ing) (?:of )?(?:users|people|individuals|citizens|children))\b/,
  },
  {
    id: 'ai-personal-data',
    strength: 'decisive',
    pattern:
      /\btrain(?:s|ed|ing)? (?:its |their )?(?:ai|models?|llms?|chatbots?) on (?:users'?|user|people's|personal|customers'?|members'?|europeans'?) (?:data|posts|content|photos|messages|information)\b/,
  },

  // --- strong: usually privacy, enough in a title ---
  {
    id: 'privacy',
    strength: 'strong',
    pattern: /\bprivacy\b/,
    unless: /\bprivacy (?:coins?|screens?|glass|fences?|filters?|hedges?)\b/,
  },
  {
    id: 'data-breach',
    strength: 'strong',
    pattern: /\b(?:data breach(?:es)?|fuite de donnees|violation de donnees|datenleck|datenpanne|datalek)\b/,
  },
  {
    id: 'personal-data-kind',
    strength: 'strong',
    // Data about people named without a breach: "users' genetic data", "browsing data".
    pattern: new RegExp(String.raw`\b${personalDataNoun}\b`),
    // Already counted, more strongly, as personal-data.
    unless: /\bpersonal (?:data|information|details|info)\b/,
  },
  {
    id: 'data-broker',
    strength: 'strong',
    pattern: /\b(?:data brokers?|courtiers? en donnees)\b/,
  },
  {
    id: 'surveillance',
    strength: 'strong',
    pattern:
      /\b(?:surveillance|surveil(?:s|led|ling)?|videosurveillance|uberwachung|spying on (?:users|people|citizens|employees|workers|journalists))\b/,
    unless: /\b(?:market|disease|epidemiological|syndromic|post-market) surveillance\b/,
  },
  {
    id: 'facial-recognition',
    strength: 'strong',
    pattern:
      /\b(?:facial recognition|face recognition|face (?:scans?|scanning)|facial (?:scans?|scanning|analysis)|reconnaissance faciale|gesichtserkennung|gezichtsherkenning|lfr)\b/,
  },
  {
    id: 'biometrics',
    strength: 'strong',
    pattern: /\b(?:biometrics?|biometrique|biometrisch\w*)\b/,
  },
  {
    id: 'spyware',
    strength: 'strong',
    pattern: /\b(?:spyware|stalkerware|logiciels? espions?|staatstrojaner|nso group|intellexa)\b/,
  },
  {
    id: 'tracking',
    strength: 'strong',
    // People being tracked; not parcels, flights, bugs or fitness goals.
    pattern:
      /\b(?:tracking (?:cookies|pixels?|technolog(?:y|ies)|tools?|software|scripts?|sdks?|code|users|people|children|kids|minors|consumers|customers|visitors|employees|workers|you|individuals)|(?:ad|web|online|cross-site|cross-app|location|user|behaviou?ral|third-party) tracking|tracks? (?:users|people|you|children|kids|minors|consumers|visitors|employees|workers|individuals|their location)|tracked (?:users|people|you|children|kids|minors|consumers|visitors|employees|workers|individuals)|traceurs|pistage)\b/,
  },
  {
    id: 'cookies',
    strength: 'strong',
    pattern: /\bcookies?\b/,
    // Web cookies come with consent, browsers, sites or ads; the others with ovens.
    requires:
      /\b(?:consent|tracking|browsers?|websites?|sites?|advertis\w*|banners?|gdpr|rgpd|cnil|eprivacy|third-party|reject|opt[- ]out|installed|placed|dropping|data protection|devices?|users|privacy|polic(?:y|ies))\b/,
    unless: /\b(?:recipes?|bak(?:e|es|ed|ing)|oven|biscuits?|chocolate chip|girl scout|cookie monster)\b/,
  },
  {
    id: 'adtech',
    strength: 'strong',
    pattern:
      /\b(?:adtech|ad tech|real-time bidding|targeted (?:ads|advertising)|behaviou?ral advertising|personali[sz]ed (?:ads|advertising)|surveillance advertising|pay[- ]or[- ]consent|consent[- ]or[- ]pay|privacy sandbox|microtargeting)\b/,
  },
  {
    id: 'consent',
    strength: 'strong',
    pattern:
      /\b(?:without (?:their |users'? |valid |prior |explicit |parental |people's )?consent|consent (?:banners?|management|pop-?ups?|walls?|requirements?|mode)|(?:valid|informed|parental|explicit) consent|consentement|einwilligung|toestemming)\b/,
  },
  {
    id: 'children-online',
    strength: 'strong',
    pattern:
      /\b(?:age (?:verification|assurance|checks?|estimation|gates?)|verify (?:users'? )?ages?|online safety act|kids online safety|child(?:ren)?'?s? (?:online )?(?:privacy|safety|data)|kids'? (?:online )?(?:privacy|safety|data)|teens'? (?:online )?(?:privacy|safety)|protect(?:ing)? (?:children|kids|minors|teens) online|social media ban for (?:children|kids|teens|under-1\d)|verification de l'age|verification d'age|altersverifikation|altersprufung)\b/,
  },
  {
    id: 'encryption-policy',
    strength: 'strong',
    pattern:
      /\b(?:encryption backdoors?|backdoors? (?:in|into|to) (?:encrypted|encryption|end-to-end)|break(?:ing)? (?:end-to-end )?encryption|weaken(?:ing)? encryption|client-side scanning|chat control|end-to-end encrypt(?:ed|ion)|e2ee|lawful access)\b/,
  },
  {
    id: 'location-data',
    strength: 'strong',
    pattern: /\b(?:location (?:data|history|information)|geolocation data)\b/,
  },
  {
    id: 'plate-readers',
    strength: 'strong',
    pattern: /\b(?:licen[cs]e plate (?:readers?|reading cameras?)|alpr|anpr|number plate recognition)\b/,
  },
  {
    id: 'camera-surveillance',
    strength: 'strong',
    pattern: /\b(?:camera networks?|cctv|surveillance cameras?)\b/,
  },
  {
    id: 'intimate-images',
    strength: 'strong',
    pattern:
      /\b(?:deepfake (?:sex|sexual|nude|porn)\w*|sexual(?:ly explicit)? deepfakes?|non-?consensual (?:intimate|sexual|nude|explicit)\w*|nudify\w*|undress(?:ing)? (?:apps?|tools?)|digital(?:ly)? undress\w*)\b/,
  },
  {
    id: 'deanonymisation',
    strength: 'strong',
    pattern: /\b(?:dox(?:x)?(?:ing|ed)?|de-?anonymi[sz]\w*|unmask(?:s|ing|ed)? (?:some )?(?:anonymous|users|people))\b/,
  },
  {
    id: 'privacy-regulator',
    strength: 'strong',
    // Acronyms with other senses in tech news: Ireland's DPC, Canada's OPC (not OPC UA), Italy's Garante.
    exact: /\b(?:DPC|OPC|Garante)\b/,
    unless: /\bopc[- ]?(?:ua|foundation|da|server|classic)\b/,
  },

  // --- weak: context, never enough alone ---
  {
    id: 'consumer-regulator',
    strength: 'weak',
    pattern: /\b(?:ftc|federal trade commission|attorneys? general)\b/,
  },
];

/** Feed labels that say "privacy" in the outlet's own words. */
const privacyLabel =
  /\b(?:privacy|data protection|data privacy|surveillance|gdpr|rgpd|datenschutz|vie privee|donnees personnelles)\b/;

/** Lower case, accents removed, curly apostrophes and dashes made ASCII, spaces collapsed. */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02BC\u2032`´]/g, "'")
    .replace(/[\u2010-\u2013\u2212]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

interface FieldText {
  field: Field;
  original: string;
  folded: string;
}

/** The matched text, with the context a rule required after a "+" ("stole" + "health data"). */
function matchRule(rule: Rule, text: FieldText): string | null {
  if (rule.unless?.test(text.folded)) return null;
  const context = rule.requires ? rule.requires.exec(text.folded) : null;
  if (rule.requires && !context) return null;
  const match = rule.exact ? rule.exact.exec(text.original) : rule.pattern?.exec(text.folded);
  if (!match) return null;
  return context && context[0] !== match[0] ? `${match[0]}" + "${context[0]}` : match[0];
}

/** Cuts the summary to its lead, at a word boundary. */
function lead(summary: string): string {
  if (summary.length <= leadChars) return summary;
  const cut = summary.slice(0, leadChars);
  const space = cut.lastIndexOf(' ');
  return space > leadChars / 2 ? cut.slice(0, space) : cut;
}

/**
 * Decides whether an item is about privacy or data protection, and says why. Each rule counts
 * once, with the weight of the best field it matched in; on a tie, the title's match is reported.
 */
export function privacyRelevance(input: PrivacyRelevanceInput): PrivacyRelevance {
  const fields: FieldText[] = [
    { field: 'title', original: input.title, folded: foldForMatching(input.title) },
    { field: 'lead', original: lead(input.summary), folded: foldForMatching(lead(input.summary)) },
  ];
  const best = new Map<string, { weight: number; line: string }>();
  // The title is read first: on equal weight, its match is the one reported.
  for (const text of fields) {
    for (const rule of rules) {
      const matched = matchRule(rule, text);
      if (matched === null) continue;
      const weight = weights[rule.strength][text.field];
      const previous = best.get(rule.id);
      if (!previous || weight > previous.weight) {
        best.set(rule.id, { weight, line: `${rule.id} (${text.field}: "${matched}")` });
      }
    }
  }
  const label = (input.categories ?? []).find((category) => privacyLabel.test(foldForMatching(category)));
  if (label !== undefined) best.set('source-label', { weight: 1, line: `source-label (category: "${label}")` });

  let score = 0;
  const evidence: string[] = [];
  for (const { weight, line } of best.values()) {
    score += weight;
    evidence.push(line);
  }
  return { relevant: score >= privacyRelevanceThreshold, evidence, score };
}
