/**
 * Renders the recorded sample edition (packages/render/testdata/edition-sample.json) as a
 * subscriber receives it and screenshots it in headless Chromium, as a desktop client (800 px
 * wide) and a phone (390 px): docs/roundup-desktop.png and docs/roundup-phone.png. Every request
 * the page makes is refused and counted: the email must load nothing.
 *
 *   npx tsx scripts/roundup-screenshot.ts [--chromium /usr/bin/chromium] [--dark]
 */
import { parseArgs } from 'node:util';
import type { EditionContent } from '@regwatch/core';
import { launchBrowser } from '@regwatch/testing';
import { renderRoundupEmail } from '../packages/render/src/index.ts';
import sample from '../packages/render/testdata/edition-sample.json' with { type: 'json' };

const { values } = parseArgs({
  options: { chromium: { type: 'string', default: '/usr/bin/chromium' }, dark: { type: 'boolean', default: false } },
});
const edition = sample as EditionContent;
const email = renderRoundupEmail(edition, {
  editionUrl: `https://regwatch.example.org/roundups/${edition.week}`,
  subscribeUrl: 'https://regwatch.example.org/subscribe',
  manageUrl: 'https://regwatch.example.org/subscriptions/manage?token=manage.42.abc.def',
  unsubscribeUrl: 'https://regwatch.example.org/subscriptions/unsubscribe?token=unsubscribe.42.abc.def',
});

const browser = await launchBrowser(values.chromium);
const refused: string[] = [];
try {
  const shots = [
    { file: 'docs/roundup-desktop.png', viewport: { width: 800, height: 900 }, isMobile: false },
    { file: 'docs/roundup-phone.png', viewport: { width: 390, height: 844 }, isMobile: true },
  ];
  for (const shot of shots) {
    const context = await browser.newContext({
      viewport: shot.viewport,
      isMobile: shot.isMobile,
      hasTouch: shot.isMobile,
      colorScheme: values.dark ? 'dark' : 'light',
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.route('**/*', (route) => {
      refused.push(route.request().url());
      return route.abort();
    });
    await page.setContent(email.html, { waitUntil: 'load' });
    const file = values.dark ? shot.file.replace('.png', '-dark.png') : shot.file;
    await page.screenshot({ path: file, fullPage: true });
    process.stdout.write(`wrote ${file} (${shot.viewport.width} px wide)\n`);
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(`${edition.week}: ${edition.storyCount} stories; "${email.subject}"\n`);
if (refused.length > 0) {
  process.stderr.write(`the email tried to load ${refused.length} resources: ${refused.join(', ')}\n`);
  process.exitCode = 1;
}
