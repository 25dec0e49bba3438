/**
 * The UCI News Aggregator sample (../shared/corpus, see its SOURCE.md) as rows in arrival order,
 * and the fixed train/test split of the evaluation. Only TITLE, URL, HOSTNAME and TIMESTAMP are
 * inputs to clustering; STORY is the gold label; CATEGORY (a gold-ish label) is not read at all.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface Row {
  id: string;
  title: string;
  url: string;
  host: string;
  /** Gold: the aggregator's story id. Never an input to clustering. */
  story: string;
  /** Epoch milliseconds. */
  publishedAt: number;
}

/** Rows in the order a worker would see them: timestamp order, ties by id. */
export function readRows(file: string): Row[] {
  if (!existsSync(file)) {
    throw new Error(
      `corpus file not found at ${file}: set REGWATCH_CORPUS_DIR to the shared corpus (default ../shared/corpus beside the repository; see uci-news-aggregator-sample/SOURCE.md there)`,
    );
  }
  const records = parse(readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: false,
  }) as Record<string, string>[];
  const rows = records.map((record, index) => {
    const publishedAt = Number(record.TIMESTAMP);
    if (!record.TITLE || !record.STORY || !Number.isFinite(publishedAt)) {
      throw new Error(`row ${index + 2} lacks TITLE, STORY or a numeric TIMESTAMP`);
    }
    return {
      id: record.ID ?? String(index + 1),
      title: record.TITLE,
      // The file escapes `?` as `\?` (as the original did).
      url: (record.URL ?? '').replace(/\\(?=[?&])/g, ''),
      host: record.HOSTNAME ?? '',
      story: record.STORY,
      publishedAt,
    };
  });
  return rows.sort((a, b) => a.publishedAt - b.publishedAt || Number(a.id) - Number(b.id));
}

/**
 * The split, fixed by a seeded rule: a story is in the test split when the first 32 bits of
 * SHA-256("regwatch-eval-stories-v1" + story id) fall in the lowest 20% of the range. Whole
 * stories move together, so no story has items on both sides.
 */
export function isTestStory(story: string): boolean {
  const digest = createHash('sha256').update(`regwatch-eval-stories-v1\u0000${story}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < 0.2;
}

/**
 * The same rows arriving interleaved: a seeded shuffle, the sorted timestamps handed out again in
 * the new order (so time still runs forward, and the whole sample stays inside one time window).
 * The aggregator crawled the sample story by story, so in timestamp order every story arrives as
 * one unbroken run; this order shows what the clustering does without that help.
 */
export function interleaved(rows: readonly Row[], seed: number): Row[] {
  const order = rows.map((_, index) => index);
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other] ?? 0, order[index] ?? 0];
  }
  return order.map((from, position) => ({
    ...(rows[from] as Row),
    publishedAt: rows[position]?.publishedAt ?? 0,
  }));
}
