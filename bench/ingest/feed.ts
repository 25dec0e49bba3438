import type { TextChain } from '../api/corpus.ts';
import { pick, seededRandom } from '../api/random.ts';

/**
 * A generated feed of privacy-news-like items (issue 15's mix): regulators acting on companies
 * over personal data, each item a story of its own except one in ten, which is another outlet's
 * rewrite of an earlier item (same regulator, company and figure, reworded title and summary):
 * the near-duplicates and same-story items clustering has to find. Each story's own words come
 * from `chain` (bench/api/corpus.ts: real regulator and press text), so distinct stories differ
 * as distinct news does rather than sharing a small template's every word.
 */
const regulators = [
  'Irish DPC',
  'the ICO',
  'CNIL',
  'the FTC',
  'Garante',
  'the Dutch AP',
  'Spain’s AEPD',
  'Hamburg’s data protection authority',
  'the EDPB',
  'Norway’s Datatilsynet',
  'the OPC',
  'Brazil’s ANPD',
];
const companies = [
  'Meta',
  'TikTok',
  'Google',
  'Amazon',
  'Microsoft',
  'Clearview AI',
  'Uber',
  'a health insurer',
  'a credit agency',
  'OpenAI',
  'LinkedIn',
  'a retail chain',
  'X',
  'Snap',
  'a hospital trust',
];
const actions = ['fines', 'opens inquiry into', 'orders', 'reprimands', 'warns', 'sues', 'audits'];
const subjects = [
  'children’s data',
  'facial recognition',
  'cookie banners',
  'data transfers to the US',
  'a data breach affecting customers',
  'targeted advertising',
  'employee monitoring',
  'location tracking',
  'biometric data',
  'unlawful data sharing',
  'AI training on personal data',
  'ignored access requests',
];
const rewrites = ['after complaint', 'in landmark decision', 'following investigation', 'amid GDPR scrutiny'];
const details = [
  'The authority said the processing had no lawful basis under the GDPR.',
  'Users were not told how their personal data would be used.',
  'The company said it would appeal the decision.',
  'The regulator ordered the deletion of the data within three months.',
  'Privacy campaigners had filed complaints in several member states.',
  'A data protection impact assessment had not been carried out.',
];

interface Story {
  regulator: string;
  company: string;
  action: string;
  subject: string;
  amount: number;
  /** The story's own words: a phrase for the title, sentences for the summary. */
  phrase: string;
  body: string;
}

function title(story: Story, rewrite: string | null): string {
  const head = `${story.regulator} ${story.action} ${story.company} over ${story.subject}: ${story.phrase}`;
  const fine = story.action === 'fines' ? ` (€${story.amount}m)` : '';
  return rewrite ? `${head} ${rewrite}${fine}` : `${head}${fine}`;
}

function summary(story: Story, random: () => number, n: number): string {
  const opening = `${story.regulator} ${story.action} ${story.company} over ${story.subject}, case ${n}.`;
  return [opening, story.body, pick(random, details)].join(' ');
}

/** Escapes text for an XML element body. */
function xml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** An RSS document of `count` items, one a minute from 1 January 2026; the same seed gives the same feed. */
export function privacyNewsFeed(count: number, chain: TextChain, seed = 15): string {
  const random = seededRandom(seed);
  const stories: Story[] = [];
  const entries: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const earlier = stories.length > 0 && random() < 0.1 ? stories[Math.floor(random() * stories.length)] : undefined;
    const story = earlier ?? {
      regulator: pick(random, regulators),
      company: pick(random, companies),
      action: pick(random, actions),
      subject: pick(random, subjects),
      amount: 1 + Math.floor(random() * 900),
      phrase: chain.words(random, 4).join(' '),
      body: chain.words(random, 30).join(' '),
    };
    if (!earlier) stories.push(story);
    const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toUTCString();
    entries.push(
      `<item><title>${xml(title(story, earlier ? pick(random, rewrites) : null))}</title>` +
        `<link>https://bench.example/news/${n}</link><guid isPermaLink="false">bench-${n}</guid>` +
        `<pubDate>${at}</pubDate><description>${xml(summary(story, random, n))}</description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench privacy news</title>
<link>https://bench.example/</link>${entries.join('\n')}</channel></rss>`;
}
