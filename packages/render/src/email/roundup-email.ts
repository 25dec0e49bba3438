import { type EditionContent, singleLine, truncate } from '@regwatch/core';
import { roundupHtml } from './roundup-html.ts';
import { roundupText } from './roundup-text.ts';
import type { RenderedEmail, RoundupEmailLinks } from './types.ts';
import { countLine, editionHeading } from './words.ts';

/** Subjects longer than this are cut by most clients' lists and by some gateways. */
export const maxSubjectLength = 100;

/** "Regwatch roundup, week 38: ICO fines TMAC Ltd £… and 11 more", at most 100 characters. */
export function roundupSubject(edition: EditionContent): string {
  const week = Number(/-W(\d{2})$/.exec(edition.week)?.[1] ?? Number.NaN);
  const prefix = `Regwatch roundup, ${Number.isNaN(week) ? edition.week : `week ${week}`}: `;
  const top = edition.sections[0]?.stories[0];
  if (top === undefined) return `${prefix}no stories this week`;
  const more = edition.storyCount > 1 ? ` and ${edition.storyCount - 1} more` : '';
  const room = maxSubjectLength - [...prefix].length - [...more].length;
  return `${prefix}${truncate(singleLine(top.title), room)}${more}`;
}

/** The edition as plain text (the message's text/plain part). */
export function renderRoundupText(edition: EditionContent, links: RoundupEmailLinks): string {
  return roundupText(edition, links);
}

/**
 * The roundup email of an edition (a subscriber's part of it, or the published edition with
 * manageUrl and unsubscribeUrl null): subject, HTML and text.
 */
export function renderRoundupEmail(edition: EditionContent, links: RoundupEmailLinks): RenderedEmail {
  const subject = roundupSubject(edition);
  const preheader = `${editionHeading(edition)}: ${countLine(edition)}`;
  return { subject, html: roundupHtml(edition, links, subject, preheader), text: roundupText(edition, links) };
}
