import { foldForMatching } from '../relevance/privacy-relevance.ts';
import { cleanText } from './clean.ts';

/**
 * A title a reader understands without opening the item. Registers of enforcement action title
 * an entry with the organisation alone ("TMAC Ltd", "Reddit, Inc.", "23andMe") and say the
 * action in a category; registers of decisions title it with the document's date and number
 * ("Provvedimento del 28 maggio 2026 [10259701]"). Such titles get the action in front
 * ("Monetary penalty: TMAC Ltd"), and a dated document its subjects too. Titles that already
 * say what happened are returned unchanged.
 */
export interface TitleInput {
  title: string;
  /** The source's own labels for the entry (feed categories, a register's type and subjects). */
  categories?: readonly string[] | undefined;
}

/** Labels naming an enforcement action (folded), and how a title names one instance of it. */
const actionLabels = new Map<string, string>([
  ['monetary penalties', 'Monetary penalty'],
  ['monetary penalty notices', 'Monetary penalty'],
  ['penalty notices', 'Penalty notice'],
  ['enforcement notices', 'Enforcement notice'],
  ['reprimands', 'Reprimand'],
  ['prosecutions', 'Prosecution'],
  ['undertakings', 'Undertaking'],
  ['information notices', 'Information notice'],
  ['assessment notices', 'Assessment notice'],
  ['decisions', 'Decision'],
  ['sanctions', 'Sanction'],
  ['mises en demeure', 'Mise en demeure'],
  ['ordinanza ingiunzione o revoca', 'Ordinanza ingiunzione o revoca'],
  ['ordinanza ingiunzione', 'Ordinanza ingiunzione'],
  ['ammonimento', 'Ammonimento'],
  ['provvedimento correttivo', 'Provvedimento correttivo'],
  ['bussgeldbescheide', 'Bußgeldbescheid'],
  ['boetes', 'Boete'],
  ['resoluciones', 'Resolución'],
]);

/** The endings of company names: a title that ends with one names an organisation, not an event. */
const companySuffix =
  /(?:^|[\s,])(?:ltd|limited|inc|llc|llp|plc|corp|corporation|co|company|group|gmbh|ag|se|sa|sas|sarl|spa|srl|bv|nv|oy|ab|as|pty|lp)\.?$/;

/** A dated document of a register: "Provvedimento del 28 maggio 2026 [10259701]", "Décision du 3 juin 2026". */
const datedDocument =
  /^(?:provvedimento|decisione|ordinanza|delibera|decision|decisión|resolución|décision|deliberation|délibération|beschluss|bescheid|besluit|uitspraak|odločba)\s+(?:of|del|della|du|de|vom|van|z dne)?\s*\d{1,2}\.?\s*\p{L}+\.?\s+\d{4}(?:\s*[[(][^\])]{1,30}[\])])?$/iu;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The action one of the labels names, in the singular a title uses. */
function actionOf(categories: readonly string[]): { action: string; label: string } | null {
  for (const label of categories) {
    const action = actionLabels.get(foldForMatching(label));
    if (action) return { action, label };
  }
  return null;
}

/** Does the title name only an organisation (or say less than three words)? */
function namesOnlyAnOrganisation(title: string): boolean {
  const folded = foldForMatching(title);
  return wordCount(title) < 3 || companySuffix.test(folded);
}

export function standaloneTitle(input: TitleInput): string {
  const title = cleanText(input.title).replace(/\s+/g, ' ');
  const categories = (input.categories ?? []).map((category) => cleanText(category)).filter(Boolean);
  const found = actionOf(categories);
  if (!found || !title) return title;
  const { action, label } = found;
  // The action is already in the title ("Monetary penalty notice: …", "Reprimand issued to …").
  if (foldForMatching(title).includes(foldForMatching(action).split(' ')[0] ?? action)) return title;

  if (datedDocument.test(title)) {
    const subjects = categories.filter((category) => category !== label).slice(0, 2);
    return subjects.length > 0 ? `${action}: ${subjects.join(', ')} (${title})` : `${action}: ${title}`;
  }
  if (namesOnlyAnOrganisation(title)) return `${action}: ${title}`;
  return title;
}
