// Topic and jurisdiction figures per language on a labelled sample of the recorded items of every
// non-English source (scripts/eval-tags-i18n/: labels.json and the README saying how they were made).
//
//   npm run eval:tags-i18n              precision and recall per language; the last line is one JSON object
//   npm run eval:tags-i18n -- --errors  also lists every false and missed tag, item by item
//
// Each item goes through the tagger as the processing step calls it (title, summary, content, the
// source's jurisdictions, kind and labels). Scores are micro-averaged over (item, tag) pairs.
// Jurisdictions are compared as codes (a label CA-QC needs CA-QC; its country CA is labelled
// too). "beyond the source" leaves out the source's own jurisdiction, which a regulator's notices
// always get, so that what the text adds is measured on its own.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tagItem } from '@regwatch/core';
import { type RecordedItem, recordedItems } from './lib/recorded-items.ts';

const here = dirname(fileURLToPath(import.meta.url));
const showErrors = process.argv.includes('--errors');

interface Label {
  source: string;
  /** A part of the item's URL that names it alone among the source's items. */
  urlContains: string;
  /** The language the item is written in (the BfDI feed carries English twins labelled de). */
  language: string;
  topics: string[];
  jurisdictions: string[];
  note?: string;
}

interface Counts {
  predicted: number;
  correct: number;
  truth: number;
  found: number;
}

const emptyCounts = (): Counts => ({ predicted: 0, correct: 0, truth: 0, found: 0 });

function fail(message: string): never {
  process.stderr.write(`eval-tags-i18n: ${message}\n`);
  process.exit(2);
}

function score(counts: Counts, predicted: readonly string[], truth: readonly string[]): void {
  counts.predicted += predicted.length;
  counts.correct += predicted.filter((id) => truth.includes(id)).length;
  counts.truth += truth.length;
  counts.found += truth.filter((id) => predicted.includes(id)).length;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
const fixed = (value: number | null): string => (value === null ? '   – ' : value.toFixed(3));
const round = (value: number | null): number | null => (value === null ? null : Math.round(value * 1000) / 1000);

/** Each label's item; every label names exactly one item and every item of a labelled source has a label. */
function pair(labels: readonly Label[], items: readonly RecordedItem[]): Array<[Label, RecordedItem]> {
  const pairs: Array<[Label, RecordedItem]> = [];
  const used = new Set<RecordedItem>();
  for (const label of labels) {
    const matches = items.filter((r) => r.source.id === label.source && (r.item.url ?? '').includes(label.urlContains));
    if (matches.length !== 1) fail(`label ${label.source} "${label.urlContains}" matches ${matches.length} items`);
    const [match] = matches as [RecordedItem];
    used.add(match);
    pairs.push([label, match]);
  }
  const labelledSources = new Set(labels.map((label) => label.source));
  const unlabelled = items.filter((r) => labelledSources.has(r.source.id) && !used.has(r));
  if (unlabelled.length > 0) fail(`items without a label: ${unlabelled.map((r) => r.item.url).join(', ')}`);
  return pairs;
}

async function main(): Promise<void> {
  const labels = JSON.parse(readFileSync(resolve(here, 'eval-tags-i18n/labels.json'), 'utf8')) as Label[];
  const pairs = pair(labels, await recordedItems());
  const byLanguage = new Map<
    string,
    { items: number; withTopic: number; topics: Counts; jurisdictions: Counts; beyondSource: Counts }
  >();
  const errors: string[] = [];
  for (const [label, { source, item }] of pairs) {
    const tags = tagItem({
      title: item.title,
      summary: item.summary,
      content: item.content,
      sourceJurisdictions: source.jurisdictions,
      sourceKind: source.kind,
      labels: item.labels,
    });
    const topics = tags.topics.map((tag) => tag.id);
    const codes = tags.jurisdictions.map((tag) => tag.id);
    const row = byLanguage.get(label.language) ?? {
      items: 0,
      withTopic: 0,
      topics: emptyCounts(),
      jurisdictions: emptyCounts(),
      beyondSource: emptyCounts(),
    };
    row.items += 1;
    if (topics.length > 0) row.withTopic += 1;
    score(row.topics, topics, label.topics);
    score(row.jurisdictions, codes, label.jurisdictions);
    const own = (code: string) => !source.jurisdictions.includes(code);
    score(row.beyondSource, codes.filter(own), label.jurisdictions.filter(own));
    byLanguage.set(label.language, row);
    const wrong = [
      ...topics.filter((id) => !label.topics.includes(id)).map((id) => `+${id}`),
      ...label.topics.filter((id) => !topics.includes(id)).map((id) => `-${id}`),
      ...codes.filter((id) => !label.jurisdictions.includes(id)).map((id) => `+${id}`),
      ...label.jurisdictions.filter((id) => !codes.includes(id)).map((id) => `-${id}`),
    ];
    if (wrong.length > 0) errors.push(`  [${label.language}] ${source.id} ${wrong.join(' ')}  ${item.title}`);
  }

  const summary: Record<string, number | null> = {};
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out('language  items  with a topic   topics P    R   (pairs)   jurisdictions P    R   beyond the source P    R');
  for (const [language, row] of [...byLanguage.entries()].sort()) {
    const figures = {
      topicPrecision: ratio(row.topics.correct, row.topics.predicted),
      topicRecall: ratio(row.topics.found, row.topics.truth),
      jurisdictionPrecision: ratio(row.jurisdictions.correct, row.jurisdictions.predicted),
      jurisdictionRecall: ratio(row.jurisdictions.found, row.jurisdictions.truth),
      beyondSourcePrecision: ratio(row.beyondSource.correct, row.beyondSource.predicted),
      beyondSourceRecall: ratio(row.beyondSource.found, row.beyondSource.truth),
    };
    out(
      `${language.padEnd(8)} ${String(row.items).padStart(6)}  ${`${row.withTopic}/${row.items}`.padStart(12)}` +
        `   ${fixed(figures.topicPrecision)} ${fixed(figures.topicRecall)}  (${String(row.topics.truth).padStart(3)})` +
        `        ${fixed(figures.jurisdictionPrecision)} ${fixed(figures.jurisdictionRecall)}` +
        `              ${fixed(figures.beyondSourcePrecision)} ${fixed(figures.beyondSourceRecall)}`,
    );
    summary[`${language}.items`] = row.items;
    for (const [key, value] of Object.entries(figures)) summary[`${language}.${key}`] = round(value);
  }
  if (showErrors) {
    out('False (+) and missed (-) tags:');
    for (const line of errors) out(line);
  }
  out(JSON.stringify(summary));
}

await main();
