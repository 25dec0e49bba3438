import { absoluteHttpUrl, type EditionContent, type EditionLink, jurisdictionName } from '@regwatch/core';
import type { RoundupEmailLinks } from './types.ts';

/** Where a source's link may lead in an email: its own http(s) URL, unchanged, or nowhere. */
export function outletHref(link: EditionLink): string | null {
  return link.url === null ? null : absoluteHttpUrl(link.url);
}

export interface FooterLink {
  label: string;
  url: string;
}

/** The footer's links: the web edition, then preferences and unsubscribe for a subscriber, or sign-up for anyone else. */
export function footerLinks(links: RoundupEmailLinks): FooterLink[] {
  const candidates: [string, string | null][] =
    links.manageUrl !== null || links.unsubscribeUrl !== null
      ? [
          ['Read on the web', links.editionUrl],
          ['Change what you receive', links.manageUrl],
          ['Unsubscribe', links.unsubscribeUrl],
        ]
      : [
          ['Read on the web', links.editionUrl],
          ['Subscribe', links.subscribeUrl],
        ];
  return candidates.flatMap(([label, raw]) => {
    const url = absoluteHttpUrl(raw);
    return url === null ? [] : [{ label, url }];
  });
}

/** Why the reader has this email: a subscriber confirmed; the published edition is read by anyone. */
export function whyLine(links: RoundupEmailLinks): string {
  return links.manageUrl !== null || links.unsubscribeUrl !== null
    ? 'You get this email because you subscribed to the Regwatch weekly roundup and confirmed your address.'
    : 'The Regwatch weekly roundup: the week’s news from privacy regulators, courts and the press, by jurisdiction.';
}

export const noTrackingLine = 'No tracking: this email has no pixels and its links go straight to the sources.';

/** Section names with their story counts, for "In this edition". */
export function contents(edition: EditionContent): { name: string; count: number }[] {
  return edition.sections.map((section) => ({
    name: jurisdictionName(section.jurisdiction),
    count: section.stories.length,
  }));
}
