import { stripBoilerplate } from './boilerplate.ts';
import type { ScanField } from './phrase-index.ts';
import { foldSameLength, tokenise } from './tokens.ts';
import type { TagInput } from './types.ts';

export type TextField = 'title' | 'lead' | 'body';

/** How much one mention weighs, by where it is: the title and lead say what an item is about. */
export const fieldWeights: Readonly<Record<TextField, number>> = { title: 3, lead: 2, body: 1 };

/**
 * The weight a tag needs from text: a mention in the title or the lead is enough, a single
 * mention in the body (a name in passing) is not; two body mentions are.
 */
export const tagThreshold = 2;

/**
 * The lead is the first sentence of the summary (or content), at most `maxLeadChars`: where
 * an article says what it is about. Later sentences name sources, comparisons and
 * background, and weigh as body (measured: a 600-character lead tagged more platforms
 * named only in passing, at no gain in recall; see the README).
 */
const maxLeadChars = 300;
/** A first sentence this short (a dateline, a kicker) takes the next one with it. */
const minLeadChars = 60;

export interface ItemText {
  fields: ScanField<TextField>[];
  /** All fields folded and joined: where "anywhere in the item" context is looked for. */
  folded: string;
}

/** Spaces collapsed, line breaks kept (they end sentences and paragraphs). */
function tidy(text: string): string {
  // Text from normalisation is already tidy: skip the rewrite when nothing needs it.
  if (!/[^\S\n][^\S]|\n[^\S\n]|[\t\r\f\v\u00a0]/.test(text)) return text.trim();
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n\s*/g, '\n')
    .trim();
}

/** The lead and the rest: the first sentence (two when the first is very short), cut at a space if too long. */
function splitLead(text: string): [string, string] {
  const sentenceEnd = /[.!?…]["'”’)]?(?=\s+["'“‘(]?[\p{Lu}\p{N}])|\n/gu;
  let cut = -1;
  for (const match of text.matchAll(sentenceEnd)) {
    const end = match.index + match[0].length;
    if (end >= minLeadChars) {
      cut = end;
      break;
    }
  }
  if (cut < 0 || cut > maxLeadChars) {
    if (text.length <= maxLeadChars) return [text, ''];
    const space = text.lastIndexOf(' ', maxLeadChars);
    cut = space > maxLeadChars / 2 ? space : maxLeadChars;
  }
  return [text.slice(0, cut).trim(), text.slice(cut).trim()];
}

/** "Label: value; value" lines, as registers print their columns. */
const labelLine = /^[^:\n]{1,40}:\s*(.+)$/;

/**
 * The text without the lines that only repeat the source's own labels ("Issues: Consent;
 * Transparency", "Deployer: Meta"): the labels are read as labels (source-label evidence), and
 * a register's taxonomy words read as prose would be false topics (AIAAIC's "Transparency" is
 * about the system, not a privacy notice).
 */
function withoutLabelLines(text: string, labels: TagInput['labels']): string {
  if (!labels || !text.includes(':')) return text;
  const known = new Set(
    [
      ...(labels.deployers ?? []),
      ...(labels.developers ?? []),
      ...(labels.jurisdictions ?? []),
      ...(labels.categories ?? []),
    ].map((label) => label.trim().toLowerCase()),
  );
  if (known.size === 0) return text;
  return text
    .split('\n')
    .filter((line) => {
      const values = labelLine.exec(line)?.[1]?.split(/\s*;\s*/);
      return !values?.every((value) => known.has(value.trim().toLowerCase()));
    })
    .join('\n');
}

/** What may follow a title repeated at the start of a text on its line: a byline and date ("AEPD Mié, 24/06/2026"). */
const maxBylineChars = 60;

/**
 * The text without a copy of the title at its start (with the byline on the same line): the
 * lead is then the text's own first sentence, not the title counted twice.
 */
function withoutTitleCopy(text: string, title: string): string {
  if (!title || !text.startsWith(title)) return text;
  const lineEnd = text.indexOf('\n', title.length);
  const rest = lineEnd < 0 ? text.slice(title.length) : text.slice(title.length, lineEnd);
  if (rest.trim().length > maxBylineChars || lineEnd < 0) return text;
  return text.slice(lineEnd + 1).trim();
}

/**
 * Title, lead and body of an item, boilerplate stripped. Sources often repeat the summary at
 * the start of the content: that copy is dropped so the body does not count the lead twice.
 */
export function itemText(input: TagInput): ItemText {
  const title = tidy(input.title);
  const summary = withoutTitleCopy(
    tidy(stripBoilerplate(withoutLabelLines(input.summary ?? '', input.labels)).text),
    title,
  );
  const content = withoutTitleCopy(
    tidy(stripBoilerplate(withoutLabelLines(input.content ?? '', input.labels)).text),
    title,
  );
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
    if (!text) continue;
    const folded = foldSameLength(text);
    fields.push({ field, original: text, folded, tokens: tokenise(folded) });
  }
  return { fields, folded: fields.map((field) => field.folded).join('\n') };
}
