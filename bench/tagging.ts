/**
 * Cost of tagging one item, and how it grows with the length of the text (it must grow linearly:
 * nothing in the taggers may be quadratic in the text). Prints the fastest of several batches
 * per size, and the ratio of each to the shortest.
 *
 *   npx tsx bench/tagging.ts
 */
import { tagItem } from '@regwatch/core';

const item = {
  title: 'Irish DPC fines Meta’s Instagram €405m over children’s data',
  summary: 'The Data Protection Commission found that Instagram exposed teenagers’ contact details.',
  paragraph:
    'The Data Protection Commission found that Instagram exposed teenagers’ contact details, and that Meta ' +
    'had not carried out a data protection impact assessment under the GDPR before launching business accounts. ' +
    'The EDPB settled a dispute between European supervisory authorities about the amount of the fine.',
};

/** Milliseconds per call: the fastest of five batches, so other work on the machine weighs least. */
function fastest(input: Parameters<typeof tagItem>[0], rounds: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let batch = 0; batch < 5; batch += 1) {
    const start = performance.now();
    for (let round = 0; round < rounds; round += 1) tagItem(input);
    best = Math.min(best, (performance.now() - start) / rounds);
  }
  return best;
}

const sizes = [1, 4, 16, 64];
const results = sizes.map((copies) => {
  const input = { title: item.title, summary: item.summary, content: Array(copies).fill(item.paragraph).join('\n') };
  fastest(input, 3);
  return { copies, characters: input.content.length, ms: fastest(input, Math.max(5, Math.floor(400 / copies))) };
});
const base = results[0];
for (const { copies, characters, ms } of results) {
  process.stdout.write(
    `${String(characters).padStart(6)} characters of text: ${(ms * 1000).toFixed(0).padStart(6)} µs per item` +
      (base ? `, ${(ms / base.ms).toFixed(1)}× the shortest for ${copies}× the text\n` : '\n'),
  );
}
