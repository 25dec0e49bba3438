import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { TextDecoder } from 'node:util';
import { type FeedEntry, RegwatchError } from '@regwatch/core';
import { corpusPath } from '@regwatch/testing';
import { describe, expect, it } from 'vitest';
import { feedAdapter } from '../src/index.ts';
import { declaredCharset, decodeDocument } from '../src/shared/decode.ts';

// Issue 3: the feed adapter on every XML feed of five peer test suites (feedparser, the W3C feed
// validator, rss-parser, Miniflux, one OPC capture). Each file either parses into plain entries or
// is refused with parse_malformed / parse_unsupported; any other exception fails the test named
// after the file, and a hang fails it on the vitest timeout. Each suite's SOURCE.md says what it holds.

/** The shared corpus (REGWATCH_CORPUS_DIR, by default ../shared/corpus beside the repository). */
const corpusDir = corpusPath();

/** The suites and how many XML feeds each holds (from their SOURCE.md), so a truncated copy fails too. */
const suites = [
  ['feedparser-tests', 2_106],
  ['w3c-feedvalidator-testcases', 1_795],
  ['rss-parser-fixtures', 31],
  ['miniflux-reader-testdata', 18],
  ['opc-feed-sample', 1],
] as const;

/**
 * Verdicts per suite as of issue 3. A change means the adapter now reads more (or fewer) feeds:
 * find which files moved, and say why when updating these.
 */
const expectedVerdicts: Record<(typeof suites)[number][0], Verdicts> = {
  'feedparser-tests': { parsed: 2_068, parse_malformed: 19, parse_unsupported: 19 },
  'w3c-feedvalidator-testcases': { parsed: 1_657, parse_malformed: 8, parse_unsupported: 130 },
  'rss-parser-fixtures': { parsed: 30, parse_malformed: 0, parse_unsupported: 1 },
  'miniflux-reader-testdata': { parsed: 16, parse_malformed: 0, parse_unsupported: 2 },
  'opc-feed-sample': { parsed: 1, parse_malformed: 0, parse_unsupported: 0 },
};

type Verdicts = { parsed: number; parse_malformed: number; parse_unsupported: number };

// JSON files are for the JSON Feed adapter, Miniflux's .html files are HTML pages: neither is XML.
const xmlFeedExtensions = new Set(['.xml', '.rss', '.atom']);

function feedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => xmlFeedExtensions.has(extname(name)))
    .map((name) => join(dir, name))
    .sort();
}

/** feedparser's test files name the Content-Type their test server sends in a `Header:` comment line. */
function contentTypeOf(bytes: Uint8Array): string | null {
  const match = /^Header:\s*Content-type:\s*(.+)$/im.exec(Buffer.from(bytes.subarray(0, 1_024)).toString('latin1'));
  return match?.[1]?.trim() ?? null;
}

// Characters XML forbids; the adapter drops them, and PostgreSQL refuses U+0000.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function expectUsableEntry(entry: FeedEntry): void {
  expect(Object.getPrototypeOf(entry)).toBe(Object.prototype);
  const { labels, ...fields } = entry;
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    expect(typeof value, `entry.${field}`).toBe('string');
    expect(forbidden.test(value as string), `entry.${field} has a control character`).toBe(false);
  }
  // Labels are lists of strings (a feed's categories), held to the same rules.
  for (const [key, values] of Object.entries(labels ?? {})) {
    expect(Array.isArray(values), `entry.labels.${key}`).toBe(true);
    for (const value of values) {
      expect(typeof value, `entry.labels.${key}`).toBe('string');
      expect(forbidden.test(value), `entry.labels.${key} has a control character`).toBe(false);
    }
  }
}

describe.each(suites)('peer test suite %s', (suite, expectedFiles) => {
  const dir = join(corpusDir, suite);
  const files = feedFiles(dir);
  const verdicts: Verdicts = { parsed: 0, parse_malformed: 0, parse_unsupported: 0 };

  it('is present in full', () => {
    expect(existsSync(dir), `peer test suite not found at ${dir} (in the corpus at REGWATCH_CORPUS_DIR)`).toBe(true);
    expect(files, `XML feeds under ${dir}`).toHaveLength(expectedFiles);
  });

  // The `if` only avoids registering an empty table when the suite is missing; the test above fails then.
  if (files.length > 0) {
    it.each(files.map((file) => relative(corpusDir, file)))(
      '%s parses or is refused with a parse code',
      async (name) => {
        const body = readFileSync(join(corpusDir, name));
        const outcome = await feedAdapter
          .parse({ body, contentType: contentTypeOf(body), url: 'https://example.org/feed' })
          .then(
            (feed) => ({ feed }),
            (error: unknown) => ({ error }),
          );
        if ('feed' in outcome) {
          expect(Array.isArray(outcome.feed.entries)).toBe(true);
          for (const entry of outcome.feed.entries) expectUsableEntry(entry);
          verdicts.parsed++;
          return;
        }
        const { error } = outcome;
        expect(error, error instanceof Error ? error.stack : String(error)).toBeInstanceOf(RegwatchError);
        const { code } = error as RegwatchError;
        if (code !== 'parse_malformed' && code !== 'parse_unsupported')
          throw new Error(`unexpected code ${code}`, { cause: error });
        verdicts[code]++;
      },
    );
  }

  it('summary: how many parsed and how many were refused', async ({ annotate }) => {
    const summary = `${suite}: ${verdicts.parsed} parsed, ${verdicts.parse_malformed} parse_malformed, ${verdicts.parse_unsupported} parse_unsupported`;
    await annotate(summary);
    expect(verdicts.parsed + verdicts.parse_malformed + verdicts.parse_unsupported, summary).toBe(files.length);
    expect(verdicts, summary).toEqual(expectedVerdicts[suite]);
  });
});

/** True when `label` names an encoding TextDecoder knows and the bytes are valid in it. */
function decodesCleanly(bytes: Uint8Array, label: string): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('feedparser-tests/tests/encoding: decoding', () => {
  it('gives no U+FFFD for any file that declares a charset and parses, unless its bytes cannot be decoded', async () => {
    const dir = join(corpusDir, 'feedparser-tests', 'tests', 'encoding');
    expect(existsSync(dir), `feedparser encoding tests not found at ${dir}`).toBe(true);
    const checked: string[] = [];
    const withReplacement: string[] = [];
    for (const file of feedFiles(dir)) {
      const body = readFileSync(file);
      const contentType = contentTypeOf(body);
      const declared = declaredCharset(body, contentType);
      if (!declared) continue;
      const parsed = await feedAdapter.parse({ body, contentType, url: 'https://example.org/' }).then(
        () => true,
        () => false,
      );
      if (!parsed) continue;
      checked.push(relative(dir, file));
      if (!decodeDocument(body, contentType).text.includes('\uFFFD')) continue;
      // Undecodable: invalid in the declared charset and not UTF-8 either (the decoder's other choice).
      if (decodesCleanly(body, declared) || decodesCleanly(body, 'utf-8')) withReplacement.push(relative(dir, file));
    }
    // 59 of the 82 files declare a charset (BOM or zero-byte pattern, Content-Type, prolog) and parse.
    expect(checked).toHaveLength(59);
    expect(withReplacement).toEqual([]);
  });
});
