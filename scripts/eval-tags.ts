// Measures the platform and jurisdiction taggers on registers no one here wrote:
// - AIAAIC (../shared/corpus/aiaaic-*/): the headline as input (the export has no summary text:
//   its Summary/links column is a URL); truth = Deployer ∪ Developer and Jurisdiction.
// - AIID (../shared/corpus/aiid-snapshot-2025-03/): title + description as input; truth = the
//   alleged deployer and developer slugs, and CSETv1's two-letter country where there is one.
// Source labels are switched off: the taggers see only the text.
//
//   npm run eval:tags                figures per register and split; the last line is one JSON object
//   npm run eval:tags -- --errors    also lists the TRAIN split's false and missed tags (for tuning)
//
// Splits: a row is in the test split when SHA-256("regwatch-eval-tags:<register>:<id>") falls in
// the first 20% of the hash space. Tune on train only; --errors never prints test rows.
//
// Scoring:
// - Platforms: a tagged platform is correct when it is a truth organisation or of its family
//   (parent or child: the register says Meta, the headline Instagram). Only platforms the text
//   names count, not the parents added by roll-up. Recall is given twice: over every truth
//   organisation ("all"), and over those in the lexicon ("in-vocabulary"). "exact" requires
//   the very id.
// - Jurisdictions: compared at country level (US-CA counts as US; EU stays EU). Rows whose truth
//   is Multiple/Global or cannot be mapped are left out and counted. The ceiling is the share of
//   truth countries the text names at all in words any lexicon knows (a place, demonym,
//   authority or law, matched loosely): a text tagger cannot find the others. Platforms get the
//   same ceiling over in-vocabulary organisations (their names, aliases or products, or a
//   parent's or child's, anywhere in the text).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  type AliasSpec,
  builtinLexicons,
  countryOf,
  type NormalisedItem,
  normaliseEntry,
  platformAncestors,
  type TagInput,
  tagItem,
} from '@regwatch/core';
import { adapterFor, testdataDir } from '@regwatch/sources';
import { corpusDir as configuredCorpusDir, corpusProblem } from '@regwatch/testing';
import { parse } from 'csv-parse/sync';
import {
  aiaaicJurisdictionTruth,
  aiaaicPlatformTruth,
  aiidPlatformTruth,
  type PlatformTruth,
} from './lib/tag-truth.ts';

const _repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The shared corpus: REGWATCH_CORPUS_DIR, by default ../shared/corpus beside the repository. */
const corpusDir = resolveCorpus();
const showErrors = process.argv.includes('--errors');
const testShare = 0.2;

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function fail(message: string): never {
  process.stderr.write(`eval-tags: ${message}\n`);
  process.exit(2);
}

function resolveCorpus(): string {
  const dir = configuredCorpusDir();
  const problem = corpusProblem(dir);
  if (problem) fail(problem);
  return dir;
}

type Split = 'train' | 'test';

function splitOf(register: string, id: string): Split {
  const hash = createHash('sha256').update(`regwatch-eval-tags:${register}:${id}`).digest();
  return hash.readUInt32BE(0) / 2 ** 32 < testShare ? 'test' : 'train';
}

interface Row {
  register: 'aiaaic' | 'aiid';
  id: string;
  split: Split;
  input: TagInput;
  /** The register's deployer and developer labels as written; empty cells: the row is not scored for platforms. */
  platformLabels: string[];
  /** Lexicon ids the register names (company level: see scripts/lib/tag-truth.ts). */
  platformIds: string[];
  /** The same labels mapped exactly as the tagger's source-label mapping does, for the exact-id figures. */
  platformIdsExact: string[];
  /** Register organisations no lexicon entry stands for. */
  platformsOutOfVocabulary: string[];
  /** Countries (and EU), or why the row is not scored. */
  countries: string[] | 'no-jurisdiction' | 'unmapped' | 'none';
}

function addPlatformTruth(row: Row, truth: PlatformTruth, label: string): void {
  if (truth.kind === 'ids') {
    for (const id of truth.ids) if (!row.platformIds.includes(id)) row.platformIds.push(id);
    for (const id of truth.exact) if (!row.platformIdsExact.includes(id)) row.platformIdsExact.push(id);
  } else if (truth.kind === 'out-of-vocabulary') {
    const key = label.toLowerCase().trim();
    if (!row.platformsOutOfVocabulary.includes(key)) row.platformsOutOfVocabulary.push(key);
  }
}

// ---------------------------------------------------------------------------------------------
// Registers

function aiaaicFile(): string {
  const dirs = existsSync(corpusDir) ? readdirSync(corpusDir).filter((name) => name.startsWith('aiaaic-')) : [];
  const dir = dirs.sort().at(-1);
  const file = dir && readdirSync(resolve(corpusDir, dir)).find((name) => name.endsWith('.csv'));
  if (!dir || !file) fail(`no AIAAIC export in ${corpusDir}/aiaaic-*/ (see its SOURCE.md)`);
  return resolve(corpusDir, dir, file);
}

/** The register read as ingest reads it: the AIAAIC adapter, then normalisation (HTML entities decoded). */
async function aiaaicRows(): Promise<Row[]> {
  const body = readFileSync(aiaaicFile());
  const feed = await adapterFor('aiaaic-csv').parse({ body, contentType: 'text/csv', url: 'https://www.aiaaic.org/' });
  const now = new Date('2026-05-08T00:00:00Z');
  const rows: Row[] = [];
  for (const entry of feed.entries) {
    const normalised = normaliseEntry(entry, { sourceId: 'aiaaic', baseUrl: null, now });
    if (!normalised.ok || !entry.guid) continue;
    const item: NormalisedItem = normalised.item;
    const row: Row = {
      register: 'aiaaic',
      id: entry.guid,
      split: splitOf('aiaaic', entry.guid),
      input: { title: item.title },
      platformLabels: [],
      platformIds: [],
      platformIdsExact: [],
      platformsOutOfVocabulary: [],
      countries: 'none',
    };
    for (const label of [...(item.labels.deployers ?? []), ...(item.labels.developers ?? [])]) {
      row.platformLabels.push(label);
      addPlatformTruth(row, aiaaicPlatformTruth(label), label);
    }
    const countries = new Set<string>();
    for (const label of item.labels.jurisdictions ?? []) {
      const truth = aiaaicJurisdictionTruth(label);
      if (typeof truth === 'string') {
        row.countries = truth;
        break;
      }
      for (const code of truth) countries.add(countryOf(code));
    }
    if (row.countries === 'none' && countries.size > 0) row.countries = [...countries];
    rows.push(row);
  }
  return rows;
}

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, relax_column_count: true }) as Record<string, string>[];
}

function jsonList(cell: string | undefined): string[] {
  try {
    const value: unknown = JSON.parse(cell || '[]');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function aiidRows(): Row[] {
  const dir = resolve(corpusDir, 'aiid-snapshot-2025-03');
  if (!existsSync(resolve(dir, 'incidents.csv'))) fail(`no AIID snapshot in ${dir} (see its SOURCE.md)`);
  const duplicates = new Set(readCsv(resolve(dir, 'duplicates.csv')).map((r) => r.duplicate_incident_number ?? ''));
  const countries = new Map<string, string>();
  for (const record of readCsv(resolve(dir, 'classifications_CSETv1.csv'))) {
    const code = (record['Location Country (two letters)'] ?? '').trim();
    const id = record['Incident ID'] ?? '';
    if (code) countries.set(id, code === 'United States' ? 'US' : code.toUpperCase());
  }
  const rows: Row[] = [];
  for (const record of readCsv(resolve(dir, 'incidents.csv'))) {
    const id = record.incident_id ?? '';
    if (!id || duplicates.has(id)) continue;
    const row: Row = {
      register: 'aiid',
      id,
      split: splitOf('aiid', id),
      input: { title: record.title ?? '', summary: record.description ?? '' },
      platformLabels: [],
      platformIds: [],
      platformIdsExact: [],
      platformsOutOfVocabulary: [],
      countries: countries.has(id) ? [countryOf(countries.get(id) ?? '')] : 'none',
    };
    const slugs = new Set([
      ...jsonList(record['Alleged deployer of AI system']),
      ...jsonList(record['Alleged developer of AI system']),
    ]);
    for (const slug of slugs) {
      row.platformLabels.push(slug);
      addPlatformTruth(row, aiidPlatformTruth(slug), slug);
    }
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Scoring

interface Predicted {
  /** Platforms the text names (rule name or product), not parents added by roll-up. */
  platforms: string[];
  countries: string[];
}

function predict(row: Row): Predicted {
  const tags = tagItem(row.input);
  return {
    platforms: tags.platforms
      .filter((tag) => tag.evidence.some((e) => e.rule === 'name' || e.rule === 'product'))
      .map((tag) => tag.id),
    countries: [...new Set(tags.jurisdictions.map((tag) => countryOf(tag.id)))],
  };
}

const related = (a: string, b: string): boolean =>
  a === b || platformAncestors(a).includes(b) || platformAncestors(b).includes(a);

interface Counts {
  predicted: number;
  correct: number;
  truth: number;
  found: number;
}

const zero = (): Counts => ({ predicted: 0, correct: 0, truth: 0, found: 0 });
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

interface PlatformScore {
  rows: number;
  /** In-vocabulary truth organisations whose name (or a parent's or child's) the text contains at all. */
  namedInText: number;
  /** Rows whose register cells name no deployer or developer at all: nothing to score against. */
  unlabelledRows: number;
  lineage: Counts;
  exact: Counts;
  outOfVocabulary: number;
  nonOrganisationRowsOnly: number;
  perValue: Map<string, Counts>;
}

interface JurisdictionScore {
  rows: number;
  scored: number;
  excluded: Record<string, number>;
  counts: Counts;
  /** Truth countries the text names at all (any place, demonym, authority or law of theirs, loosely). */
  namedInText: number;
  perValue: Map<string, Counts>;
}

function perValueCounts(map: Map<string, Counts>, key: string): Counts {
  const counts = map.get(key) ?? zero();
  map.set(key, counts);
  return counts;
}

function scorePlatforms(
  rows: readonly Row[],
  predictions: ReadonlyMap<Row, Predicted>,
  names: ReadonlyMap<string, RegExp>,
): PlatformScore {
  const score: PlatformScore = {
    rows: rows.length,
    namedInText: 0,
    unlabelledRows: 0,
    lineage: zero(),
    exact: zero(),
    outOfVocabulary: 0,
    nonOrganisationRowsOnly: 0,
    perValue: new Map(),
  };
  for (const row of rows) {
    if (row.platformLabels.length === 0) {
      score.unlabelledRows += 1;
      continue;
    }
    const predicted = predictions.get(row)?.platforms ?? [];
    const truth = row.platformIds;
    score.outOfVocabulary += row.platformsOutOfVocabulary.length;
    if (truth.length === 0 && row.platformsOutOfVocabulary.length === 0) score.nonOrganisationRowsOnly += 1;
    for (const id of predicted) {
      const correct = truth.some((t) => related(id, t));
      score.lineage.predicted += 1;
      score.exact.predicted += 1;
      if (correct) score.lineage.correct += 1;
      if (row.platformIdsExact.includes(id)) score.exact.correct += 1;
      const value = perValueCounts(score.perValue, id);
      value.predicted += 1;
      if (correct) value.correct += 1;
    }
    for (const id of row.platformIdsExact) {
      score.exact.truth += 1;
      if (predicted.includes(id)) score.exact.found += 1;
    }
    const text = fold(`${row.input.title}\n${row.input.summary ?? ''}`);
    for (const id of truth) {
      const found = predicted.some((p) => related(p, id));
      score.lineage.truth += 1;
      if (found) score.lineage.found += 1;
      if ([...names.keys()].some((other) => related(other, id) && names.get(other)?.test(text))) score.namedInText += 1;
      const value = perValueCounts(score.perValue, id);
      value.truth += 1;
      if (found) value.found += 1;
    }
  }
  return score;
}

/** One loose pattern (any case, no context rules) per platform: its name, aliases and products. */
function platformVocabulary(): Map<string, RegExp> {
  const patterns = new Map<string, RegExp>();
  for (const platform of builtinLexicons.platforms) {
    const forms = [platform.name, ...(platform.aliases ?? []), ...(platform.products ?? [])].map((alias) =>
      fold(typeof alias === 'string' ? alias : alias.text),
    );
    patterns.set(platform.id, loosePattern(forms));
  }
  return patterns;
}

function loosePattern(forms: Iterable<string>): RegExp {
  const alternatives = [...new Set(forms)].filter(Boolean).map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

/** Folded forms of every name that stands for a country, for the recall ceiling. */
function countryVocabulary(): Map<string, RegExp> {
  const forms = new Map<string, Set<string>>();
  const add = (codes: readonly string[], aliases: readonly (AliasSpec | string)[]) => {
    for (const code of codes) {
      const set = forms.get(countryOf(code)) ?? new Set<string>();
      for (const alias of aliases) set.add(fold(typeof alias === 'string' ? alias : alias.text));
      forms.set(countryOf(code), set);
    }
  };
  const { places, authorities, laws } = builtinLexicons;
  for (const place of places.places)
    add([place.code], [place.name, ...(place.aliases ?? []), ...(place.demonyms ?? [])]);
  for (const authority of authorities) add(authority.jurisdictions, [authority.name, ...(authority.aliases ?? [])]);
  for (const law of laws) add(law.jurisdictions, [law.name, ...(law.aliases ?? [])]);
  const patterns = new Map<string, RegExp>();
  for (const [country, set] of forms) patterns.set(country, loosePattern(set));
  return patterns;
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function scoreJurisdictions(
  rows: readonly Row[],
  predictions: ReadonlyMap<Row, Predicted>,
  vocabulary: ReadonlyMap<string, RegExp>,
): JurisdictionScore {
  const score: JurisdictionScore = {
    rows: rows.length,
    scored: 0,
    excluded: {},
    counts: zero(),
    namedInText: 0,
    perValue: new Map(),
  };
  for (const row of rows) {
    if (typeof row.countries === 'string') {
      score.excluded[row.countries] = (score.excluded[row.countries] ?? 0) + 1;
      continue;
    }
    score.scored += 1;
    const predicted = predictions.get(row)?.countries ?? [];
    const text = fold(`${row.input.title}\n${row.input.summary ?? ''}`);
    for (const country of row.countries) if (vocabulary.get(country)?.test(text)) score.namedInText += 1;
    for (const code of predicted) {
      const correct = row.countries.includes(code);
      score.counts.predicted += 1;
      if (correct) score.counts.correct += 1;
      const value = perValueCounts(score.perValue, code);
      value.predicted += 1;
      if (correct) value.correct += 1;
    }
    for (const code of row.countries) {
      const found = predicted.includes(code);
      score.counts.truth += 1;
      if (found) score.counts.found += 1;
      const value = perValueCounts(score.perValue, code);
      value.truth += 1;
      if (found) value.found += 1;
    }
  }
  return score;
}

// ---------------------------------------------------------------------------------------------
// Report

const pct = (value: number | null): string => (value === null ? '   –  ' : `${(100 * value).toFixed(1).padStart(5)}%`);
const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000) / 1000);

function printPerValue(perValue: ReadonlyMap<string, Counts>): void {
  const top = [...perValue.entries()]
    .filter(([, counts]) => counts.truth > 0)
    .sort((a, b) => b[1].truth - a[1].truth || (a[0] < b[0] ? -1 : 1))
    .slice(0, 20);
  out(`    ${'value'.padEnd(22)} ${'truth'.padStart(5)} ${'tagged'.padStart(6)}  precision  recall`);
  for (const [value, counts] of top) {
    out(
      `    ${value.padEnd(22)} ${String(counts.truth).padStart(5)} ${String(counts.predicted).padStart(6)}  ${pct(ratio(counts.correct, counts.predicted))}   ${pct(ratio(counts.found, counts.truth))}`,
    );
  }
}

function reportPlatforms(title: string, score: PlatformScore): Record<string, number | null> {
  const all = score.lineage.truth + score.outOfVocabulary;
  const figures = {
    precision: round(ratio(score.lineage.correct, score.lineage.predicted)),
    recall: round(ratio(score.lineage.found, all)),
    recallInVocabulary: round(ratio(score.lineage.found, score.lineage.truth)),
    ceilingInVocabulary: round(ratio(score.namedInText, score.lineage.truth)),
    exactPrecision: round(ratio(score.exact.correct, score.exact.predicted)),
    exactRecallInVocabulary: round(ratio(score.exact.found, score.exact.truth)),
  };
  out(
    `  ${title}: platforms (${score.rows - score.unlabelledRows} of ${score.rows} rows scored; ${score.unlabelledRows} name no deployer or developer)`,
  );
  out(
    `    tagged ${score.lineage.predicted}, correct ${score.lineage.correct}: precision ${pct(figures.precision)}` +
      `   (exact id: ${pct(figures.exactPrecision)})`,
  );
  out(
    `    truth organisations ${all} = ${score.lineage.truth} in the lexicon + ${score.outOfVocabulary} not;` +
      ` found ${score.lineage.found}: recall ${pct(figures.recall)}, in-vocabulary recall ${pct(figures.recallInVocabulary)}` +
      `   (exact id: ${pct(figures.exactRecallInVocabulary)})`,
  );
  out(
    `    ceiling: the text names ${score.namedInText} of the ${score.lineage.truth} in-vocabulary organisations at all` +
      ` (${pct(figures.ceilingInVocabulary)}, any case, no context rules)`,
  );
  out(`    rows naming no organisation (only users, unknowns): ${score.nonOrganisationRowsOnly}`);
  printPerValue(score.perValue);
  return figures;
}

function reportJurisdictions(title: string, score: JurisdictionScore): Record<string, number | null> {
  const figures = {
    precision: round(ratio(score.counts.correct, score.counts.predicted)),
    recall: round(ratio(score.counts.found, score.counts.truth)),
    ceiling: round(ratio(score.namedInText, score.counts.truth)),
    scoredRows: score.scored,
  };
  const excluded = Object.entries(score.excluded)
    .map(([why, count]) => `${count} ${why}`)
    .join(', ');
  out(`  ${title}: jurisdictions (${score.scored} of ${score.rows} rows scored; left out: ${excluded || 'none'})`);
  out(
    `    tagged ${score.counts.predicted}, correct ${score.counts.correct}: precision ${pct(figures.precision)};` +
      ` truth ${score.counts.truth}, found ${score.counts.found}: recall ${pct(figures.recall)}`,
  );
  out(
    `    ceiling: the text names ${score.namedInText} of the ${score.counts.truth} truth countries at all` +
      ` (${pct(figures.ceiling)}; any place, demonym, authority or law of theirs, any case, no context rules)`,
  );
  printPerValue(score.perValue);
  return figures;
}

function printErrors(
  rows: readonly Row[],
  predictions: ReadonlyMap<Row, Predicted>,
  vocabulary: ReadonlyMap<string, RegExp>,
): void {
  out('  Train-split errors (FP: tagged, not in truth; FN: truth in the lexicon, not tagged):');
  for (const row of rows) {
    if (row.split !== 'train') continue;
    const predicted = predictions.get(row) ?? { platforms: [], countries: [] };
    const scored = row.platformLabels.length > 0;
    const falsePlatforms = scored
      ? predicted.platforms.filter((id) => !row.platformIds.some((t) => related(id, t)))
      : [];
    const missedPlatforms = row.platformIds.filter((id) => !predicted.platforms.some((p) => related(p, id)));
    const countries = typeof row.countries === 'string' ? null : row.countries;
    const falseCountries = countries ? predicted.countries.filter((code) => !countries.includes(code)) : [];
    const text = fold(`${row.input.title}\n${row.input.summary ?? ''}`);
    const missedCountries = countries
      ? countries
          .filter((code) => !predicted.countries.includes(code))
          .map((code) => (vocabulary.get(code)?.test(text) ? `${code}(named)` : code))
      : [];
    const notes = [
      falsePlatforms.length ? `P-FP ${falsePlatforms.join(',')}` : '',
      missedPlatforms.length ? `P-FN ${missedPlatforms.join(',')}` : '',
      falseCountries.length ? `J-FP ${falseCountries.join(',')}` : '',
      missedCountries.length ? `J-FN ${missedCountries.join(',')}` : '',
    ].filter(Boolean);
    if (notes.length === 0) continue;
    out(
      `    ${row.id} [${notes.join(' | ')}] ${row.input.title}${row.input.summary ? ` — ${row.input.summary.slice(0, 160)}` : ''}`,
    );
    out(
      `        labels: ${row.platformLabels.join('; ') || '-'} → ${row.platformIds.join(',') || '-'}; not in lexicon: ${row.platformsOutOfVocabulary.join(', ') || '-'}`,
    );
  }
  out('  Train-split organisations not in the lexicon (most frequent first):');
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.split !== 'train') continue;
    for (const label of row.platformsOutOfVocabulary) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 80);
  out(`    ${top.map(([label, count]) => `${label} (${count})`).join('; ')}`);
}

// ---------------------------------------------------------------------------------------------
// Timing

async function pressInputs(): Promise<TagInput[]> {
  const dir = resolve(testdataDir, 'press');
  const inputs: TagInput[] = [];
  const now = new Date('2026-05-08T00:00:00Z');
  for (const name of readdirSync(dir).filter((file) => /\.(xml|atom)$/.test(file))) {
    const feed = await adapterFor('feed').parse({
      body: readFileSync(resolve(dir, name)),
      contentType: 'application/xml',
      url: 'https://example.org/',
    });
    for (const entry of feed.entries) {
      const normalised = normaliseEntry(entry, { sourceId: name, baseUrl: null, now });
      if (normalised.ok) {
        const { title, summary, content } = normalised.item;
        inputs.push({ title, summary, content, sourceKind: 'press' });
      }
    }
  }
  return inputs;
}

function microsecondsPerItem(inputs: readonly TagInput[], rounds: number): number {
  for (const input of inputs.slice(0, 50)) tagItem(input);
  const start = performance.now();
  for (let round = 0; round < rounds; round += 1) for (const input of inputs) tagItem(input);
  return ((performance.now() - start) * 1000) / (inputs.length * rounds);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const vocabulary = countryVocabulary();
  const names = platformVocabulary();
  const summary: Record<string, number | null> = {};
  const registers: Array<[string, Row[]]> = [
    ['aiaaic', await aiaaicRows()],
    ['aiid', aiidRows()],
  ];
  for (const [register, rows] of registers) {
    const predictions = new Map(rows.map((row) => [row, predict(row)]));
    out(`== ${register.toUpperCase()} (${rows.length} rows) ==`);
    for (const split of ['train', 'test'] as const) {
      const part = rows.filter((row) => row.split === split);
      const prefix = register === 'aiaaic' ? split : `${register}.${split}`;
      const platforms = reportPlatforms(split, scorePlatforms(part, predictions, names));
      const jurisdictions = reportJurisdictions(split, scoreJurisdictions(part, predictions, vocabulary));
      for (const [key, value] of Object.entries(platforms)) summary[`${prefix}.platforms.${key}`] = value;
      for (const [key, value] of Object.entries(jurisdictions)) summary[`${prefix}.jurisdictions.${key}`] = value;
      out();
    }
    if (showErrors) printErrors(rows, predictions, vocabulary);
  }
  const headlines = registers[0]?.[1].map((row) => row.input) ?? [];
  const press = await pressInputs();
  const headlineMicros = microsecondsPerItem(headlines, 3);
  const pressMicros = microsecondsPerItem(press, 20);
  out(
    `Timing: ${headlineMicros.toFixed(0)} µs per AIAAIC headline; ${pressMicros.toFixed(0)} µs per press item` +
      ` (title, summary and content; ${press.length} recorded items in packages/sources/testdata/press)`,
  );
  summary['timing.headlineMicroseconds'] = Math.round(headlineMicros);
  summary['timing.pressItemMicroseconds'] = Math.round(pressMicros);
  out(JSON.stringify(summary));
}

await main();
