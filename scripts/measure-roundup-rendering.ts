// Rendering a roundup for N subscribers: once per distinct preferences (shared, links substituted)
// against once per subscriber. `npx tsx scripts/measure-roundup-rendering.ts [subscribers]`.
import { renderRoundupEmail } from '@regwatch/render';
import { PersonalRenderings } from '@regwatch/roundup';
import { sampleEdition } from '../test/support/roundup.ts';

const subscribers = Number(process.argv[2] ?? 2_000);
const content = sampleEdition('2024-W38');
const choices = [
  {},
  { jurisdiction: 'GB' },
  { platform: 'facebook' },
  { jurisdiction: 'IE' },
  { jurisdiction: 'GB,IE' },
];
const links = (index: number) => ({
  manageUrl: `https://regwatch.example.org/subscriptions/manage?token=manage.${index}.abc.def`,
  unsubscribeUrl: `https://regwatch.example.org/subscriptions/unsubscribe?token=unsubscribe.${index}.abc.def`,
});

let started = performance.now();
const shared = new PersonalRenderings(content, 'https://regwatch.example.org');
for (let index = 0; index < subscribers; index += 1) shared.for(choices[index % choices.length] ?? {}, links(index));
const sharedMs = performance.now() - started;

started = performance.now();
for (let index = 0; index < subscribers; index += 1) {
  renderRoundupEmail(content, {
    editionUrl: 'https://regwatch.example.org/roundups/2024-W38',
    subscribeUrl: 'https://regwatch.example.org/subscribe',
    ...links(index),
  });
}
const eachMs = performance.now() - started;
process.stdout.write(
  `${subscribers} subscribers, ${choices.length} distinct preferences: shared ${sharedMs.toFixed(0)} ms (${shared.renders} renders), ` +
    `one render each ${eachMs.toFixed(0)} ms\n`,
);
