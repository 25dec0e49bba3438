/**
 * How long the feed adapter takes to turn each hostile XML document into a verdict, and what the
 * same document costs rss-parser (xml2js/sax) without the adapter's pre-scan, for comparison.
 *
 *   npx tsx bench/xml-hazards.ts
 *
 * Times are the median of several runs after a warm-up; "heap" is how much the V8 heap grew during one run after a
 * full GC (a lower bound of the peak: young-generation collections during the run are not counted).
 */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Parser from 'rss-parser';
import { feedAdapter } from '../packages/sources/src/feed/adapter.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>`;
const fiveMiB = 5 * 1024 * 1024;

function billionLaughs(): string {
  let entities = '<!ENTITY lol0 "lol">';
  for (let level = 1; level <= 9; level++) entities += `<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`;
  return `<?xml version="1.0"?><!DOCTYPE rss [${entities}]>${rss('<item><title>&lol9;</title></item>')}`;
}

const hazards: [name: string, make: () => string][] = [
  [
    'external entity (XXE) in a title',
    () =>
      `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>${rss('<item><title>&e;</title></item>')}`,
  ],
  ['billion laughs (10^9 expansions)', billionLaughs],
  ['50,000-deep nesting', () => rss(`<item><title>x</title>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</item>`)],
  [
    '50,000-deep nesting in <description>',
    () => rss(`<item><description>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</description></item>`),
  ],
  ['1,000,000-deep nesting', () => rss(`<item>${'<a>'.repeat(1_000_000)}${'</a>'.repeat(1_000_000)}</item>`)],
  ['70 KiB attribute value', () => rss(`<item><title lang="${'x'.repeat(70 * 1024)}">t</title></item>`)],
  ['5 MiB unclosed start tag (attribute)', () => `${rss('').slice(0, -16)}<item><title a="${'x'.repeat(fiveMiB)}`],
  ['5 MiB unclosed tag name', () => `${rss('').slice(0, -16)}<item><${'a'.repeat(fiveMiB)}`],
  ['5 MiB unclosed comment', () => `${rss('').slice(0, -16)}<!--${'x'.repeat(fiveMiB)}`],
  ['5 MiB closed attribute value', () => rss(`<item><title a="${'x'.repeat(fiveMiB)}">t</title></item>`)],
  ['5 MiB entity reference', () => rss(`<item><title>&${'a'.repeat(fiveMiB)}</title></item>`)],
  ['5 MiB of text in an unclosed <title>', () => `${rss('').slice(0, -16)}<item><title>${'x'.repeat(fiveMiB)}`],
  ['title with ]]> and raw control characters', () => rss('<item><title>a]]>b\u0001c\u0000d</title></item>')],
  ['title with a control character reference', () => rss('<item><title>a&#1;b</title></item>')],
  [
    'well-formed 5 MiB feed (baseline)',
    () => rss('<item><title>A headline of some length</title><description>Text.</description></item>'.repeat(60_000)),
  ],
];

type Outcome = { verdict: string; ms: number; heapMiB: number };

async function measure(run: () => Promise<unknown>): Promise<Outcome> {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  let verdict: string;
  try {
    await run();
    verdict = 'parsed';
  } catch (error) {
    verdict = (error as { code?: string }).code ?? `threw ${(error as Error).constructor.name}`;
  }
  const ms = performance.now() - start;
  const heapMiB = Math.max(0, process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  return { verdict, ms, heapMiB };
}

async function median(runs: number, run: () => Promise<unknown>): Promise<Outcome> {
  await measure(run); // Warm-up: the first run pays for JIT compilation.
  const outcomes: Outcome[] = [];
  for (let i = 0; i < runs; i++) outcomes.push(await measure(run));
  outcomes.sort((a, b) => a.ms - b.ms);
  return outcomes[Math.floor(runs / 2)] as Outcome;
}

const format = (outcome: Outcome) =>
  `${outcome.verdict.padEnd(18)}${outcome.ms.toFixed(1).padStart(9)} ms${outcome.heapMiB.toFixed(0).padStart(6)} MiB`;

console.log(`${'hazard'.padEnd(44)}${'size'.padStart(10)}   ${'feed adapter'.padEnd(36)}rss-parser alone`);
for (const [name, make] of hazards) {
  const xml = make();
  const body = Buffer.from(xml);
  const adapter = await median(5, () => feedAdapter.parse({ body, contentType: null, url: 'https://example.org/' }));
  const raw = await median(3, () => new Parser().parseString(xml));
  const size =
    body.length >= 2 ** 20 ? `${(body.length / 2 ** 20).toFixed(1)} MiB` : `${(body.length / 1024).toFixed(1)} KiB`;
  console.log(`${name.padEnd(44)}${size.padStart(10)}   ${format(adapter)}   ${format(raw)}`);
}
