import type { EditionContent } from '@regwatch/core';
import { escapeHtml } from '../html.ts';
import type { RenderedEmail, RoundupEmailLinks } from './types.ts';

// FOUNDATION PLACEHOLDER: the MJML rendering replaces these bodies (issue 13, helper "mail").

export function roundupSubject(edition: EditionContent): string {
  return `Regwatch roundup ${edition.week}: ${edition.storyCount} ${edition.storyCount === 1 ? 'story' : 'stories'}`;
}

export function renderRoundupText(edition: EditionContent, links: RoundupEmailLinks): string {
  const lines = [roundupSubject(edition), ''];
  for (const section of edition.sections) {
    lines.push(section.jurisdiction ?? 'International', '');
    for (const story of section.stories) {
      lines.push(
        `* ${story.title}`,
        story.summary,
        ...story.links.map((link) => `  ${link.source.name}: ${link.url}`),
        '',
      );
    }
  }
  lines.push(`Read on the web: ${links.editionUrl}`);
  if (links.manageUrl) lines.push(`Preferences: ${links.manageUrl}`);
  if (links.unsubscribeUrl) lines.push(`Unsubscribe: ${links.unsubscribeUrl}`);
  return `${lines.join('\n')}\n`;
}

export function renderRoundupEmail(edition: EditionContent, links: RoundupEmailLinks): RenderedEmail {
  const text = renderRoundupText(edition, links);
  return { subject: roundupSubject(edition), text, html: `<!doctype html><pre>${escapeHtml(text)}</pre>` };
}
