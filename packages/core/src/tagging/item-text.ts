import { stripBoilerplate } from './boilerplate.ts';
import type { ScanField } from './phrase-index.ts';
import { foldSameLength } from './tokens.ts';
import type { TagInput } from './types.ts';

export type TextField = 'title' | 'lead' | 'body';

/** How much one mention weighs, by where it is: the title and lead say what an item is about. */
export const fieldWeights: Readonly<Record<TextField, number>> = { title: 3, lead: 2, body: 1 };

/**
 * The weight a tag needs from text: a mention in the title or the lead is enough, a single
 * mention in the body (a name in passing) is not; two body mentions are.
 */
export const tagThreshold = 2;

/** Characters of the summary (or content) read as the lead. */
const leadChars = 600;

export interface ItemText {
  fields: ScanField<TextField>[];
  /** All fields folded and joined: where "anywhere in the item" context is looked for. */
  folded: string;
}

/** Spaces collapsed, line breaks kept (they end sentences and paragraphs). */
function tidy(text: string): string {
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}

/** The lead and the rest: cut near `leadChars`, at a sentence end when one is close, else at a space. */
function splitLead(text: string): [string, string] {
  if (text.length <= leadChars) return [text, ''];
  const window = text.slice(0, leadChars);
  const sentenceEnd = Math.max(window.lastIndexOf('. '), window.lastIndexOf('\n'));
  const cut = sentenceEnd > leadChars / 2 ? sentenceEnd + 1 : window.lastIndexOf(' ');
  const at = cut > 0 ? cut : leadChars;
  return [text.slice(0, at).trim(), text.slice(at).trim()];
}

/**
 * Title, lead and body of an item, boilerplate stripped. Sources often repeat the summary at
 * the start of the content: that copy is dropped so the body does not count the lead twice.
 */
export function itemText(input: TagInput): ItemText {
  const title = tidy(input.title);
  const summary = tidy(stripBoilerplate(input.summary ?? '').text);
  const content = tidy(stripBoilerplate(input.content ?? '').text);
  const [lead, leadRest] = splitLead(summary || content);
  let body = leadRest;
  if (summary && content && content !== summary) {
    const summaryCopy = summary.replace(/…$/, '').trim();
    if (content.startsWith(summaryCopy)) body = `${leadRest}\n${content.slice(summaryCopy.length)}`;
    else if (content.startsWith(lead)) body = content.slice(lead.length);
    else body = `${leadRest}\n${content}`;
  }
  const fields: ScanField<TextField>[] = [];
  for (const [field, text] of [
    ['title', title],
    ['lead', lead],
    ['body', tidy(body)],
  ] as const) {
    if (text) fields.push({ field, original: text, folded: foldSameLength(text) });
  }
  return { fields, folded: fields.map((field) => field.folded).join('\n') };
}
