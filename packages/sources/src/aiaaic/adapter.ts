import { type FeedEntry, type ParsedFeed, RegwatchError, type SourceLabels } from '@regwatch/core';
import { CsvError, parse } from 'csv-parse/sync';
import { decodeDocument } from '../shared/decode.ts';
import type { AdapterOptions, FetchedDocument, SourceAdapter } from '../types.ts';

/**
 * The AIAAIC repository of AI incidents, read from the CSV export of its Google Sheet.
 *
 * One entry per incident row:
 * - `guid`: the AIAAIC ID (`AIAAIC2257`), the register's own stable key, so a re-export with an
 *   edited row updates that item (new content hash) instead of adding one.
 * - `title`: the headline.
 * - `link`: the first http(s) URL in `Summary/links` (older exports: `Description/links`), the
 *   incident's own page on aiaaic.org. With no URL the entry has no link (the ID stays its guid).
 *   There is deliberately no fallback to the repository's home page: a URL shared by many entries
 *   would make the canonical-URL dedup fold all link-less incidents into one item.
 * - `summary`: system, technology, purpose, sector and ethical issues, one "Label: value" line
 *   each (what a reader needs to decide whether an incident concerns them); `content`: every
 *   descriptive column, including `Occurred`, deployer, developer, jurisdiction and harms.
 * - `published`: the start of `Occurred`, the only date the register gives: a year (`2025`), a
 *   range (`2023-2024`, `2023-` for an ongoing one: its first year) or nothing. Normalisation
 *   keeps it at that precision (`publishedPrecision: 'year'`, `publishedAt` 1 January 00:00 UTC of
 *   that year), so a first sync of hundreds of past incidents sorts among the news of their
 *   years instead of filling the top of every newest-first list as this week's news. An incident
 *   with an empty `Occurred` is dated when first seen (`publishedFrom: 'first-seen'`). The
 *   `Released` column of older exports is not read: no documentation says what it dates.
 * - `labels`: the register's own words, mapped to ids later by the tagging step. `deployers`,
 *   `developers` and `jurisdictions` are lists of names: split on `;`, or on `,` only when the
 *   cell has no `;` (a `;` list keeps names like "University of California, Berkeley" whole;
 *   a comma piece that is only a legal form or initials, as in "Sol Ecom, Inc", is re-attached).
 *   `categories` are the ethical issues then the technologies, split on `;` only: these
 *   taxonomy terms carry commas of their own ("Fairness - race, ethnicity"). Known cost of the
 *   comma rule: a single name with a comma, alone in its cell, is cut in two ("Immigration,
 *   Refugees and Citizenship Canada (IRCC)", "Kodaiji Temple, Kyoto"). In May 2026 that is 20 of
 *   the 56 deployer, developer and jurisdiction cells with a comma and no `;`; the other 36 are
 *   real lists of people, organisations or countries, and no platform name is among the 20.
 *
 * Every row with an ID or a headline is an entry, even when the register repeats an ID
 * (AIAAIC2094 appears twice in May 2026): ingest keeps the first entry of a guid in a document.
 *
 * Columns are found by header name, never by position, and the header row by content: the
 * export has a title row, the header row and a sub-header row under merged cells
 * (`Impacted area` → `Jurisdiction`, `Sector`), and older exports name columns differently
 * (`Country(ies)`, `Deployer(s)`, `Issue(s)`, `Description/links`, …).
 */

/** Columns the adapter reads. */
type Field =
  | 'id'
  | 'headline'
  | 'occurred'
  | 'deployer'
  | 'developer'
  | 'system'
  | 'technology'
  | 'purpose'
  | 'trigger'
  | 'issues'
  | 'jurisdiction'
  | 'sector'
  | 'harmIndividual'
  | 'harmSocietal'
  | 'harmEnvironmental'
  | 'consequence'
  | 'response'
  | 'links';

/**
 * Header names (normalised by `headerKey`) of each column, current name first, then older ones.
 * The ID column must say `AIAAIC ID`: a bare `id` would take any CSV with `id` and `title`
 * columns (news datasets, case lists) for the register.
 */
const fieldHeaders: Readonly<Record<Field, readonly string[]>> = {
  id: ['aiaaic id'],
  headline: ['headline', 'headline/title', 'title'],
  occurred: ['occurred'],
  deployer: ['deployer', 'operator'],
  developer: ['developer'],
  system: ['system name', 'system'],
  technology: ['technology'],
  purpose: ['purpose'],
  trigger: ['news trigger', 'media trigger'],
  issues: ['ethical issue', 'issue', 'risk', 'risks'],
  jurisdiction: ['jurisdiction', 'country'],
  sector: ['sector'],
  harmIndividual: ['individual'],
  harmSocietal: ['societal'],
  harmEnvironmental: ['environmental'],
  consequence: ['consequence'],
  response: ['response'],
  links: ['summary/links', 'description/links', 'links'],
};

const fields = Object.keys(fieldHeaders) as Field[];
const requiredFields = ['id', 'headline'] as const satisfies readonly Field[];
type RequiredField = (typeof requiredFields)[number];
const requiredLabels: Record<RequiredField, string> = {
  id: 'an ID column ("AIAAIC ID#")',
  headline: 'a headline column ("Headline")',
};

/** How many leading rows are searched for the header row (the export has a title row above it). */
const headerSearchRows = 10;

/** The summary's lines, in order. */
const summaryFields: ReadonlyArray<[Field, string]> = [
  ['system', 'System'],
  ['technology', 'Technology'],
  ['purpose', 'Purpose'],
  ['sector', 'Sector'],
  ['issues', 'Issues'],
];

/** The content's lines, in the register's column order. */
const contentFields: ReadonlyArray<[Field, string]> = [
  ['occurred', 'Occurred'],
  ['deployer', 'Deployer'],
  ['developer', 'Developer'],
  ['system', 'System'],
  ['technology', 'Technology'],
  ['purpose', 'Purpose'],
  ['trigger', 'News trigger'],
  ['issues', 'Issues'],
  ['jurisdiction', 'Jurisdiction'],
  ['sector', 'Sector'],
  ['harmIndividual', 'Harm to individuals'],
  ['harmSocietal', 'Harm to society'],
  ['harmEnvironmental', 'Harm to the environment'],
  ['consequence', 'Consequence'],
  ['response', 'Response'],
];

/**
 * A header cell reduced to what identifies it: lower case, spaces collapsed, `#` dropped and the
 * plural or taxonomy suffixes removed (`Country(ies)` → `country`, `Ethical issue (taxonomy)` →
 * `ethical issue`, `Societal ` → `societal`).
 */
export function headerKey(cell: string): string {
  let key = cell.normalize('NFKC').toLowerCase().replace(/#/g, ' ').replace(/\s+/g, ' ').trim();
  for (let previous = ''; previous !== key; ) {
    previous = key;
    key = key.replace(/\s*\((?:s|es|ies|taxonomy)\)$/, '').trim();
  }
  return key;
}

type Columns = Partial<Record<Field, number>>;

/**
 * The columns a header row names, reading the sub-header row below it where there is one (its
 * names win: `Impacted area` → `Jurisdiction`). Each field takes the first column that matches.
 */
function columnsOf(header: readonly string[], subHeader: readonly string[] | undefined): Columns {
  const headerKeys = header.map(headerKey);
  const subKeys = header.map((_, index) => headerKey(subHeader?.[index] ?? ''));
  const columns: Columns = {};
  for (const field of fields) {
    for (const name of fieldHeaders[field]) {
      const index = subKeys.indexOf(name) >= 0 ? subKeys.indexOf(name) : headerKeys.indexOf(name);
      if (index >= 0) {
        columns[field] = index;
        break;
      }
    }
  }
  return columns;
}

function cell(row: readonly string[], index: number | undefined): string {
  return index === undefined ? '' : (row[index] ?? '').trim();
}

function isBlank(row: readonly string[]): boolean {
  return row.every((value) => value.trim() === '');
}

interface Layout {
  columns: Columns;
  /** Index of the first row after the header (and sub-header) rows. */
  dataStart: number;
}

/**
 * Finds the header row by content: the first of the leading rows naming an ID and a headline
 * column. The row below it is a sub-header row when it has neither an ID nor a headline (a data
 * row without both is skipped anyway, so reading it as sub-headers costs nothing).
 */
function findLayout(rows: readonly string[][]): Layout {
  let closest: { row: number; found: number; missing: RequiredField[] } | null = null;
  const searched = Math.min(rows.length, headerSearchRows);
  for (let index = 0; index < searched; index += 1) {
    const row = rows[index] ?? [];
    const own = columnsOf(row, undefined);
    const missing = requiredFields.filter((field) => own[field] === undefined);
    if (missing.length === 0) {
      const next = rows[index + 1];
      const hasSubHeader = next !== undefined && !isBlank(next) && !cell(next, own.id) && !cell(next, own.headline);
      return {
        columns: hasSubHeader ? columnsOf(row, next) : own,
        dataStart: index + (hasSubHeader ? 2 : 1),
      };
    }
    const found = Object.keys(own).length;
    if (!closest || found > closest.found) closest = { row: index + 1, found, missing: [...missing] };
  }
  if (rows.length === 0) throw new RegwatchError('parse_unsupported', 'CSV document is empty: no AIAAIC header row');
  const missing = closest?.missing ?? [...requiredFields];
  const lacking = missing.map((field) => requiredLabels[field]).join(' and ');
  const near =
    closest && closest.found > 0
      ? ` (row ${closest.row} names ${closest.found} register column(s) but lacks ${lacking})`
      : '';
  throw new RegwatchError(
    'parse_unsupported',
    `CSV is not the AIAAIC register: none of its first ${searched} rows is a header row with ${requiredFields.map((field) => requiredLabels[field]).join(' and ')}${near}`,
    { details: { missingColumns: missing } },
  );
}

/** Pieces of a comma-split name that belong to the piece before them: legal forms and initials. */
const continuation =
  /^(?:inc|ltd|llc|llp|lp|plc|co|corp|gmbh|ag|sa|sas|srl|bv|nv|pty|pte|limited|jr|sr)\.?$|^(?:\p{Lu}\.\s*)+$/iu;

/**
 * A cell listing names (deployers, developers, jurisdictions): split on `;`; a cell without `;`
 * is split on `,`, re-attaching legal forms and initials (`Sol Ecom, Inc` stays one name).
 */
export function splitNames(value: string): string[] {
  const text = value.trim();
  if (!text) return [];
  if (text.includes(';')) return splitTerms(text);
  const names: string[] = [];
  for (const raw of text.split(',')) {
    const piece = raw.trim();
    if (!piece) continue;
    const last = names.length - 1;
    if (last >= 0 && continuation.test(piece)) names[last] = `${names[last]}, ${piece}`;
    else names.push(piece);
  }
  return names;
}

/** A taxonomy cell (issues, technologies): `;`-separated terms, commas kept inside a term. */
export function splitTerms(value: string): string[] {
  return value
    .split(';')
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0);
}

/** The first http(s) URL in a cell, without the punctuation that may follow it in prose. */
export function firstUrl(value: string): string | undefined {
  const match = /https?:\/\/[^\s"'<>]+/i.exec(value);
  return match ? match[0].replace(/[.,;:!?)\]]+$/, '') : undefined;
}

/**
 * The start of an `Occurred` cell, for the entry's date: `2025` stays `2025`; a range, `2023-2024`
 * or an ongoing `2023-`, gives its first year; anything else is passed on as written (normalisation
 * reads what it can and dates the rest when first seen). Undefined for an empty cell.
 */
export function occurredStart(value: string): string | undefined {
  const text = value.trim();
  if (!text) return undefined;
  const range = /^(\d{4})\s*[-–—]\s*(?:\d{4})?$/.exec(text);
  return range ? range[1] : text;
}

/** Entries are plain text; the fields normalisation reads as HTML get `&` and `<` escaped. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function lines(row: readonly string[], columns: Columns, wanted: ReadonlyArray<[Field, string]>): string | undefined {
  const parts: string[] = [];
  for (const [field, label] of wanted) {
    const value = cell(row, columns[field]).replace(/\s+/g, ' ');
    if (value) parts.push(`${label}: ${value}`);
  }
  return parts.length > 0 ? escapeHtml(parts.join('\n')) : undefined;
}

function labelsOf(row: readonly string[], columns: Columns): SourceLabels {
  const labels: SourceLabels = {};
  const deployers = splitNames(cell(row, columns.deployer));
  const developers = splitNames(cell(row, columns.developer));
  const jurisdictions = splitNames(cell(row, columns.jurisdiction));
  const categories = [...splitTerms(cell(row, columns.issues)), ...splitTerms(cell(row, columns.technology))];
  if (deployers.length > 0) labels.deployers = deployers;
  if (developers.length > 0) labels.developers = developers;
  if (jurisdictions.length > 0) labels.jurisdictions = jurisdictions;
  if (categories.length > 0) labels.categories = categories;
  return labels;
}

function entryOf(row: readonly string[], columns: Columns): FeedEntry {
  const id = cell(row, columns.id);
  const headline = cell(row, columns.headline).replace(/\s+/g, ' ');
  const entry: FeedEntry = {
    guid: id || undefined,
    link: firstUrl(cell(row, columns.links)),
    title: headline ? escapeHtml(headline) : undefined,
    summary: lines(row, columns, summaryFields),
    content: lines(row, columns, contentFields),
    published: occurredStart(cell(row, columns.occurred)),
  };
  const labels = labelsOf(row, columns);
  if (Object.keys(labels).length > 0) entry.labels = labels;
  return entry;
}

/**
 * The rows of the export. On a CSV syntax error the leading lines are still searched for the
 * register's header row (split naively on commas): a document without one is not the register
 * (parse_unsupported, a Markdown or error page that merely breaks CSV quoting), while a register
 * export that breaks CSV syntax is parse_malformed.
 */
function readCsv(text: string): string[][] {
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const head = text
      .split(/\r?\n/, headerSearchRows)
      .map((line) => line.split(',').map((value) => value.replace(/^\s*"|"\s*$/g, '')));
    findLayout(head);
    const detail =
      error instanceof CsvError
        ? `${error.code}: ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new RegwatchError('parse_malformed', `AIAAIC export is not well-formed CSV: ${detail.slice(0, 300)}`, {
      cause: error,
    });
  }
}

/** The AIAAIC register's CSV export: one entry per incident row, blank rows and rows without ID and headline skipped. */
export const aiaaicCsvAdapter: SourceAdapter = {
  format: 'aiaaic-csv',

  checkOptions(options: AdapterOptions): void {
    const keys = Object.keys(options);
    if (keys.length > 0) {
      throw new RegwatchError('invalid_parameter', `aiaaic-csv takes no options (got ${keys.join(', ')})`);
    }
  },

  async parse(document: FetchedDocument): Promise<ParsedFeed> {
    const { text, warning } = decodeDocument(document.body, document.contentType);
    if (/^\s*</.test(text)) {
      throw new RegwatchError(
        'parse_unsupported',
        'AIAAIC export is HTML or XML, not CSV (a sign-in or error page instead of the sheet?)',
      );
    }
    const rows = readCsv(text);
    const { columns, dataStart } = findLayout(rows);
    const entries: FeedEntry[] = [];
    for (const row of rows.slice(dataStart)) {
      if (isBlank(row)) continue;
      if (!cell(row, columns.id) && !cell(row, columns.headline)) continue;
      entries.push(entryOf(row, columns));
    }
    return {
      title: 'AIAAIC Repository',
      link: 'https://www.aiaaic.org/aiaaic-repository',
      entries,
      ...(warning ? { decodeWarning: warning } : {}),
    };
  },
};
