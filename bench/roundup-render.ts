/// <reference path="../packages/render/src/email/templates/mjml.d.ts" />
/**
 * Cost of rendering a roundup email (subject, HTML, text) of the 40-story edition and of a
 * 5-story part of it (the sender renders once per distinct set of preferences), against
 * compiling the whole email through MJML on each render, which the renderer avoids by filling
 * in the layout compiled once (packages/render/src/email/templates). Prints the fastest of five
 * batches per case, and the HTML's size.
 *
 *   npx tsx bench/roundup-render.ts
 */
import type { EditionContent } from '@regwatch/core';
import mjml2html from 'mjml';
import { fillTemplate } from '../packages/render/src/email/fill-template.ts';
import { roundupSlots } from '../packages/render/src/email/roundup-html.ts';
import { roundupMjml } from '../packages/render/src/email/templates/sources.ts';
import { renderRoundupEmail, roundupSubject } from '../packages/render/src/index.ts';
import forty from '../packages/render/testdata/edition-40-stories.json' with { type: 'json' };

const links = {
  editionUrl: 'https://regwatch.example.org/roundups/2026-W35',
  subscribeUrl: 'https://regwatch.example.org/subscribe',
  manageUrl: 'https://regwatch.example.org/subscriptions/manage?token=manage.42.abc.def',
  unsubscribeUrl: 'https://regwatch.example.org/subscriptions/unsubscribe?token=unsubscribe.42.abc.def',
};

const full = forty as EditionContent;
/** The first five stories in edition order, in their sections. */
function firstStories(edition: EditionContent, count: number): EditionContent {
  let left = count;
  const sections = edition.sections
    .map((section) => {
      const stories = section.stories.slice(0, Math.max(0, left));
      left -= stories.length;
      return { ...section, stories };
    })
    .filter((section) => section.stories.length > 0);
  return { ...edition, sections, storyCount: count };
}
const five = firstStories(full, 5);

async function fastest(work: () => unknown, rounds: number): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let batch = 0; batch < 5; batch += 1) {
    const start = performance.now();
    for (let round = 0; round < rounds; round += 1) await work();
    best = Math.min(best, (performance.now() - start) / rounds);
  }
  return best;
}

/** What rendering would cost with MJML compiling the whole email each time. */
const compiledEachTime = (edition: EditionContent) => async () => {
  const subject = roundupSubject(edition);
  const mjml = fillTemplate(roundupMjml, roundupSlots(edition, links, subject, subject));
  return (await mjml2html(mjml, { validationLevel: 'skip', fonts: {} })).html;
};

for (const [name, edition] of [
  ['40-story edition', full],
  [' 5-story part   ', five],
] as const) {
  await fastest(() => renderRoundupEmail(edition, links), 20);
  const rendered = await fastest(() => renderRoundupEmail(edition, links), 200);
  await compiledEachTime(edition)();
  const mjml = await fastest(compiledEachTime(edition), 5);
  const bytes = Buffer.byteLength(renderRoundupEmail(edition, links).html, 'utf8');
  process.stdout.write(
    `${name}: ${rendered.toFixed(2)} ms per render (HTML ${(bytes / 1024).toFixed(1)} KB); ` +
      `compiling the whole email through MJML each time: ${mjml.toFixed(1)} ms\n`,
  );
}
