/**
 * Article-page extraction: Readability on linkedom (what Regwatch uses) against Readability on
 * jsdom, on the article pages in packages/sources/testdata/articles (constructed, see its README)
 * and the recorded HTML listings of packages/sources/testdata/regulators (real captures, larger
 * pages). Prints ms/page for each DOM and checks both extract the same text.
 *
 *   npx tsx bench/article-extract.ts [--rounds N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { cleanText, htmlToText } from '@regwatch/core';
import { extractArticleText, testdataDir } from '@regwatch/sources';
import { JSDOM, VirtualConsole } from 'jsdom';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '30' } } });
const rounds = Number(values.rounds);

const articles = readdirSync(join(testdataDir, 'articles'))
  .filter((name) => name.endsWith('.html'))
  .map((name) => `articles/${name}`);
const listings = readdirSync(join(testdataDir, 'regulators'))
  .filter((name) => name.endsWith('.html'))
  .map((name) => `regulators/${name}`);
const pages = [...articles, ...listings].map((file) => ({
  file,
  html: readFileSync(join(testdataDir, file), 'utf8'),
  url: 'https://example.org/article',
}));

/** The same extraction as extractArticleText, on jsdom (scripts off, nothing loaded). */
function extractWithJsdom(html: string, url: string): string | null {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  const article = new Readability(dom.window.document, { charThreshold: 200 }).parse();
  dom.window.close();
  if (!article?.content) return null;
  const text = cleanText(htmlToText(article.content));
  return text.length < 200 ? null : text;
}

/**
 * ms per extraction: the best of 5 batches of `rounds / 5`, after 3 warm-up runs. On a shared
 * machine the best batch is the one least disturbed by other processes.
 */
function time(extract: (html: string, url: string) => unknown, html: string, url: string): number {
  for (let warm = 0; warm < 3; warm += 1) extract(html, url);
  const perBatch = Math.max(1, Math.round(rounds / 5));
  let best = Number.POSITIVE_INFINITY;
  for (let batch = 0; batch < 5; batch += 1) {
    const start = process.hrtime.bigint();
    for (let round = 0; round < perBatch; round += 1) extract(html, url);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6 / perBatch);
  }
  return best;
}

const rows: string[] = [];
let linkedomTotal = 0;
let jsdomTotal = 0;
for (const page of pages) {
  const viaLinkedom = extractArticleText(page.html, page.url)?.text ?? null;
  const viaJsdom = extractWithJsdom(page.html, page.url);
  const linkedomMs = time(extractArticleText, page.html, page.url);
  const jsdomMs = time(extractWithJsdom, page.html, page.url);
  linkedomTotal += linkedomMs;
  jsdomTotal += jsdomMs;
  const same = viaLinkedom === viaJsdom ? 'same' : viaLinkedom === null || viaJsdom === null ? 'one null' : 'differs';
  rows.push(
    `| ${page.file} | ${(page.html.length / 1024).toFixed(1)} | ${viaLinkedom === null ? '—' : viaLinkedom.length} | ` +
      `${linkedomMs.toFixed(2)} | ${jsdomMs.toFixed(2)} | ${(jsdomMs / linkedomMs).toFixed(1)}× | ${same} |`,
  );
}
console.log(
  `Node ${process.version}; ms/page: best of 5 batches of ${Math.max(1, Math.round(rounds / 5))}, after 3 warm-up runs\n`,
);
console.log('| page | KiB | text chars (linkedom) | linkedom ms | jsdom ms | jsdom / linkedom | texts |');
console.log('|---|--:|--:|--:|--:|--:|---|');
for (const row of rows) console.log(row);
const mean = (total: number) => (total / pages.length).toFixed(2);
console.log(
  `| **mean of ${pages.length} pages** | | | **${mean(linkedomTotal)}** | **${mean(jsdomTotal)}** | ${(jsdomTotal / linkedomTotal).toFixed(1)}× | |`,
);
