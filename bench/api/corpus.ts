import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToText } from '@regwatch/core';
import { adapterFor, sourceCatalog, testdataDir } from '@regwatch/sources';
import { pick } from './random.ts';

/**
 * Real-looking text for seeded items: a word-pair (bigram) chain over the recorded responses in
 * packages/sources/testdata, one chain per language, read with the sources' own adapters. Word
 * frequencies and which words follow which are those of real regulator and press text, so a
 * full-text query matches about as many items as it would in a real archive of that size.
 */
export interface TextChain {
  language: string;
  /** Text of `count` words, following the chain from a random opening word. */
  words(random: () => number, count: number): string[];
  /** One word drawn by its frequency in the recordings. */
  word(random: () => number): string;
}

function chainOf(language: string, texts: readonly string[]): TextChain {
  const openings: string[] = [];
  const tokens: string[] = [];
  const followers = new Map<string, string[]>();
  for (const text of texts) {
    // Entities a recording double-escaped (`&amp;nbsp;`) are markup, not words.
    const words = text.split(/\s+/).filter((word) => word.length > 0 && word.length < 40 && !word.includes('&'));
    const [first] = words;
    if (first !== undefined) openings.push(first);
    words.forEach((word, index) => {
      tokens.push(word);
      const next = words[index + 1];
      if (next === undefined) return;
      const list = followers.get(word);
      if (list) list.push(next);
      else followers.set(word, [next]);
    });
  }
  if (tokens.length === 0) throw new Error(`no recorded text in language ${language}`);
  return {
    language,
    word: (random) => pick(random, tokens),
    words(random, count) {
      const out: string[] = [];
      // Start at a title's opening most of the time, elsewhere in the text otherwise.
      let current = random() < 0.7 && openings.length > 0 ? pick(random, openings) : pick(random, tokens);
      while (out.length < count) {
        out.push(current);
        const next = followers.get(current);
        current = next && random() < 0.9 ? pick(random, next) : pick(random, tokens);
      }
      return out;
    },
  };
}

/** One chain per language of the catalog's sources, from every source's recorded response. */
export async function recordedTextChains(): Promise<Map<string, TextChain>> {
  const texts = new Map<string, string[]>();
  for (const definition of sourceCatalog) {
    const body = readFileSync(join(testdataDir, definition.recorded.file));
    const feed = await adapterFor(definition.format).parse(
      { body, contentType: definition.recorded.contentType, url: definition.url },
      definition.options,
    );
    const list = texts.get(definition.language) ?? [];
    for (const entry of feed.entries) {
      // The incident register's other columns are labelled fields ("Deployer: …"), not prose.
      const parts = definition.kind === 'incident-db' ? [entry.title] : [entry.title, entry.summary, entry.content];
      for (const part of parts) {
        if (part) list.push(htmlToText(part).replace(/\s+/g, ' '));
      }
    }
    texts.set(definition.language, list);
  }
  return new Map([...texts].map(([language, list]) => [language, chainOf(language, list)]));
}
