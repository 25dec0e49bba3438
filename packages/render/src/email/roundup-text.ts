import { type EditionContent, jurisdictionName, singleLine } from '@regwatch/core';
import { contents, footerLinks, noTrackingLine, outletHref, whyLine } from './links.ts';
import type { RoundupEmailLinks } from './types.ts';
import { countLine, editionHeading, plural, storyMetaLine } from './words.ts';
import { wrapText } from './wrap-text.ts';

const width = 78;

/**
 * The edition as plain text, readable on its own: wrapped at 78 columns (a URL longer than that
 * keeps a line of its own, unbroken), sections underlined, every outlet's URL on its own line.
 */
export function roundupText(edition: EditionContent, links: RoundupEmailLinks): string {
  const lines: string[] = ['Regwatch roundup', editionHeading(edition)];
  const note = (edition.note ?? '')
    .split(/\n{2,}/)
    .map(singleLine)
    .filter((p) => p !== '');
  if (note.length > 0) {
    lines.push('', 'From the editor:');
    for (const paragraph of note) lines.push(...wrapText(paragraph, width, '  '), '');
  }
  lines.push(...wrapText(countLine(edition), width), '');
  if (edition.sections.length > 0) {
    lines.push('In this edition:');
    for (const { name, count } of contents(edition)) {
      lines.push(...wrapText(`- ${name}: ${plural(count, 'story', 'stories')}`, width));
    }
    lines.push('');
  }
  for (const section of edition.sections) {
    const name = jurisdictionName(section.jurisdiction);
    lines.push('', name, '='.repeat(Math.min(width, [...name].length)), '');
    for (const story of section.stories) {
      lines.push(...wrapText(`* ${singleLine(story.title)}`, width).map((line, i) => (i === 0 ? line : `  ${line}`)));
      for (const paragraph of story.summary.split(/\n{2,}/)) lines.push(...wrapText(paragraph, width, '  '));
      lines.push(...wrapText(storyMetaLine(story), width, '  '), '  Reported by:');
      for (const link of story.links) {
        lines.push(...wrapText(`- ${link.source.name}`, width, '  '));
        const url = outletHref(link);
        if (url !== null) lines.push(`    ${url}`);
      }
      lines.push('');
    }
  }
  lines.push('--', ...wrapText(whyLine(links), width), '');
  for (const { label, url } of footerLinks(links)) lines.push(`${label}:`, url);
  lines.push('', ...wrapText(noTrackingLine, width));
  return `${lines.join('\n')}\n`;
}
