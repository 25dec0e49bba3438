import { htmlToText, newsPageVerdict, normaliseEntry } from '@regwatch/core';
import { describe, expect, it } from 'vitest';
import { sourceCatalog } from '../src/catalog.ts';
import { parseRecorded, recordedNow } from './support.ts';

// Issue 11: on every recorded source, summaries are clean prose and titles say something alone.

const entity = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);/i;
const tail =
  /\[\s*(?:…|\.{2,})\s*\]|\(\s*…\s*\)|[.!?]…$|\.{3}$|\b(?:read more|continue reading|lire la suite|weiterlesen|leer más|lees meer|leggi tutto)\b/i;
const dateline = /^\p{Lu}[\p{L}/]+, \d{1,2} \p{L}+ ?[–—-]/u;

async function recordedItems() {
  const rows = [];
  for (const source of sourceCatalog) {
    const feed = await parseRecorded(source);
    for (const entry of feed.entries) {
      const result = normaliseEntry(entry, {
        sourceId: source.id,
        baseUrl: source.url,
        language: feed.language ?? source.language,
        now: recordedNow,
      });
      if (!result.ok) continue;
      const recordedText = htmlToText(`${entry.summary ?? ''}\n${entry.content ?? ''}`);
      rows.push({ source: source.id, item: result.item, recordedText });
    }
  }
  return rows;
}

const rows = await recordedItems();
const label = (row: (typeof rows)[number]) => `${row.source}: ${row.item.title}`;

describe('summaries of every recorded source (issue 11)', () => {
  it('read all of the catalogue', () => {
    expect(new Set(rows.map((row) => row.source)).size).toBe(sourceCatalog.length);
  });

  it('hold no entity, in titles, summaries or content', () => {
    const found = rows.filter((row) => entity.test(`${row.item.title}\n${row.item.summary}\n${row.item.content}`));
    expect(found.map(label)).toEqual([]);
  });

  it('end without a "[…]", ".…" or "read more" tail, and start without a dateline', () => {
    expect(rows.filter((row) => tail.test(row.item.summary)).map(label)).toEqual([]);
    expect(rows.filter((row) => dateline.test(row.item.summary)).map(label)).toEqual([]);
  });

  it('end at a sentence end, or after a whole word with an ellipsis, never inside a word', () => {
    const cutInsideWord = rows.filter((row) => {
      const last = /([\p{L}\p{N}’'-]+)(?:…|\[\s*(?:…|\.{2,})\s*\])$/u.exec(row.item.summary)?.[1];
      if (last === undefined) return false;
      // The word the summary ends with must be a whole word of what the source wrote.
      const whole = new RegExp(
        `(?<![\\p{L}\\p{N}])${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s,.;:!?)…]|$)`,
        'u',
      );
      return !whole.test(row.recordedText.replace(/\[\s*(?:…|\.{2,})\s*\]/g, '\u0000'));
    });
    expect(cutInsideWord.map(label)).toEqual([]);
  });

  it('do not repeat the title with a byline and date (AEPD)', () => {
    const repeats = rows.filter(
      (row) => row.item.summary !== row.item.title && row.item.summary.startsWith(row.item.title),
    );
    expect(repeats.map(label)).toEqual([]);
  });

  it('are never empty when the recording has text for the entry', () => {
    const empty = rows.filter((row) => row.item.summary === '' && row.recordedText.trim() !== '');
    expect(empty.map(label)).toEqual([]);
  });

  it('are empty only where the recording has no text at all (their article pages are fetched instead)', () => {
    const empty = rows.filter((row) => row.item.summary === '');
    const bySource: Record<string, number> = {};
    for (const row of empty) bySource[row.source] = (bySource[row.source] ?? 0) + 1;
    // The AP's feed has empty descriptions, the IP's list only titles, four BfDI entries none.
    expect(bySource).toEqual({ 'ap-nl': 7, bfdi: 4, 'ip-si': 9 });
    // Each of them reads its article pages for those entries.
    for (const id of Object.keys(bySource))
      expect(sourceCatalog.find((source) => source.id === id)?.fetchArticlePages, id).toBe('when-empty');
  });
});

describe('titles of every recorded source (issue 11)', () => {
  it('say the action and the organisation for ICO enforcement', () => {
    const titles = rows.filter((row) => row.source === 'ico-enforcement').map((row) => row.item.title);
    expect(titles).toEqual([
      'Enforcement notice: Thermotech Wall and Loft Surveys Ltd',
      'Monetary penalty: Reddit, Inc.',
      'Monetary penalty: TMAC Ltd',
      'Enforcement notice: TMAC Ltd',
      'Monetary penalty: 23andMe',
      'Monetary penalty: Advanced Computer Software Group Limited',
    ]);
  });

  it('say the decision’s type and subjects for the Garante’s register', () => {
    const titles = rows.filter((row) => row.source === 'garante-it').map((row) => row.item.title);
    expect(titles).toContain(
      'Ordinanza ingiunzione o revoca: Dati sanitari, Diagnosi HIV (Provvedimento del 28 maggio 2026 [10262455])',
    );
    expect(new Set(titles).size).toBe(5);
  });

  it('have at least three words wherever the entry is news', () => {
    const short = rows.filter(
      (row) =>
        row.item.title.split(/\s+/).length < 3 &&
        newsPageVerdict({ title: row.item.title, summary: row.item.summary }).news,
    );
    expect(short.map(label)).toEqual([]);
  });

  it('lets exactly the CNIL’s index page and plenary agenda through as not news', () => {
    const notNews = rows
      .map((row) => ({ row, verdict: newsPageVerdict({ title: row.item.title, summary: row.item.summary }) }))
      .filter(({ verdict }) => !verdict.news)
      .map(({ row, verdict }) => [label(row), verdict.news ? '' : verdict.reason]);
    expect(notNews).toEqual([
      ['cnil: Informations publiques', 'index-page'],
      ['cnil: Ordre du jour de la séance plénière du 18 juin 2026', 'meeting-agenda'],
    ]);
  });
});
