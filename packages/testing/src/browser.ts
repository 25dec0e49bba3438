import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's chromium (CI installs it); REGWATCH_CHROMIUM points elsewhere on another machine. */
export const chromiumPath = process.env.REGWATCH_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium as every browser test and screenshot script runs it: no network of its own. */
export function launchBrowser(executablePath = chromiumPath): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AccessibilityViolation {
  id: string;
  impact: string;
  help: string;
  /** The CSS selectors of the elements at fault. */
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules, best practices) on the page as it is now and returns
 * the serious and critical violations. axe is added by Playwright, which evaluates outside the
 * page's Content-Security-Policy, so pages that forbid scripts are still checked; but the page's
 * context must have JavaScript enabled (axe waits on timers): check a page's no-JavaScript
 * behaviour in another context.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AccessibilityViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> } })
      .axe;
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'minor',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
