import { foldSameLength } from './tokens.ts';

/**
 * Source labels (AIAAIC's deployer, developer and jurisdiction cells) are names, not prose: they
 * are looked up whole, after folding, in a table of every name, alias, product and label form
 * of the lexicons. Legal forms and filler (`Inc`, `Co`, `Platforms`, `Group`) are dropped, so
 * `Meta Platforms`, `Snap Inc` and `McKinsey & Co` need no entry of their own.
 */

/** Legal forms and filler words sources append to organisation names. */
const trailingFiller =
  /\s+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|llp|plc|gmbh|ag|sa|sas|nv|bv|ab|asa|oy|spa|pty|pte|kk|holdings?|group|platforms|&|and)$/;

/** The form a label is looked up by: folded, punctuation dropped, legal forms trimmed. */
export function labelKey(label: string): string {
  let key = foldSameLength(label)
    .replace(/['.]/g, '')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim()
    .replace(/^the\s+/, '');
  for (let previous = ''; previous !== key; ) {
    previous = key;
    key = key.replace(trailingFiller, '');
  }
  return key;
}

/** A lookup table from label forms to ids; a form claimed by several ids maps to all of them. */
export type LabelIndex = ReadonlyMap<string, readonly string[]>;

export function buildLabelIndex(forms: Iterable<[id: string, form: string]>): LabelIndex {
  const index = new Map<string, string[]>();
  for (const [id, form] of forms) {
    const key = labelKey(form);
    if (!key) continue;
    const ids = index.get(key);
    if (!ids) index.set(key, [id]);
    else if (!ids.includes(id)) ids.push(id);
  }
  return index;
}

export interface LabelOptions {
  /**
   * Also read a label that starts with a name of this index as that name (`Amazon Studios`,
   * `Barclays Corporate and Investment Bank`): right for organisation columns, where a longer
   * name is a unit of the organisation. The index should hold only names that are never common
   * words or first names (not `Tim`, `Ford`, `Target`), and prefixes shorter than three
   * characters are not tried.
   */
  prefixes?: LabelIndex;
}

/**
 * Ids a label names: the label whole; else without its parenthesised part, or that part alone
 * (`Metropolitan Police Service (MPS)`); else each part of a `/` or ` - ` list (`Amazon/Ring`,
 * `UK - England`); else, with `prefixes`, its longest known leading words. Labels naming several
 * ids at once (a shared form) give all of them.
 */
export function idsForLabel(label: string, index: LabelIndex, options: LabelOptions = {}): string[] {
  const whole = index.get(labelKey(label));
  if (whole) return [...whole];
  const parenthesised = /^(.*?)\s*\(([^)]*)\)\s*(.*)$/.exec(label);
  if (parenthesised) {
    const outside = index.get(labelKey(`${parenthesised[1]} ${parenthesised[3]}`));
    if (outside) return [...outside];
    const inside = index.get(labelKey(parenthesised[2] ?? ''));
    if (inside) return [...inside];
  }
  const parts = label.split(/\s*\/\s*|\s+-\s+/).filter((part) => part.trim());
  if (parts.length >= 2) {
    const ids = new Set<string>();
    for (const part of parts) for (const id of idsForLabel(part, index, options)) ids.add(id);
    return [...ids];
  }
  if (options.prefixes) {
    const words = labelKey(label).split(' ');
    for (let length = words.length - 1; length >= 1; length -= 1) {
      const prefix = words.slice(0, length).join(' ');
      const ids = prefix.length >= 3 ? options.prefixes.get(prefix) : undefined;
      if (ids) return [...ids];
    }
  }
  return [];
}
