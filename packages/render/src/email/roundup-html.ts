import { type EditionContent, type EditionStory, jurisdictionName, singleLine } from '@regwatch/core';
import { html, type SafeHtml } from '../html.ts';
import { fillTemplate } from './fill-template.ts';
import { contents, footerLinks, noTrackingLine, outletHref, whyLine } from './links.ts';
import compiled from './templates/compiled.json' with { type: 'json' };
import { palette } from './templates/palette.ts';
import type { RoundupEmailLinks } from './types.ts';
import { countLine, editionHeading, plural, storyMetaLine } from './words.ts';

// Inline styles: many clients drop <style>; the compiled head's CSS only adds dark mode.
const styles = {
  section: `margin:28px 0 4px;padding:0 0 6px;border-bottom:2px solid ${palette.rule};font-size:19px;line-height:25px;color:${palette.accent}`,
  story: 'margin:18px 0 0',
  title: 'margin:0 0 6px;font-size:16px;line-height:22px;font-weight:700',
  link: `color:${palette.link};text-decoration:underline`,
  summary: 'margin:0 0 6px',
  meta: `margin:0;font-size:13px;line-height:19px;color:${palette.muted}`,
  list: 'margin:4px 0 0;padding:0 0 0 20px',
  footerP: 'margin:0 0 10px',
  note: `margin:0 0 16px;padding:10px 14px;border-left:4px solid ${palette.accent}`,
  noteP: 'margin:0 0 6px',
};

function link(url: string | null, text: string): SafeHtml {
  return url === null ? html`${text}` : html`<a href="${url}" style="${styles.link}">${text}</a>`;
}

function story(item: EditionStory): SafeHtml {
  const primary = item.links[0];
  const titleUrl = primary ? outletHref(primary) : null;
  const outlets = item.links.map((l, index) => html`${index > 0 ? ', ' : ''}${link(outletHref(l), l.source.name)}`);
  const paragraphs = item.summary
    .split(/\n{2,}/)
    .map(singleLine)
    .filter((p) => p !== '');
  return html`<div style="${styles.story}"><h3 style="${styles.title}">${link(titleUrl, singleLine(item.title))}</h3>${paragraphs.map(
    (p) => html`<p style="${styles.summary}">${p}</p>`,
  )}<p class="rw-muted" style="${styles.meta}">${storyMetaLine(item)}</p><p class="rw-muted" style="${styles.meta}">Reported by ${outlets}</p></div>\n`;
}

function sections(edition: EditionContent): SafeHtml {
  return html`${edition.sections.map(
    (section) =>
      html`<h2 style="${styles.section}">${jurisdictionName(section.jurisdiction)}</h2>\n${section.stories.map(story)}`,
  )}`;
}

function contentsList(edition: EditionContent): SafeHtml {
  if (edition.sections.length === 0) return html``;
  return html`<strong>In this edition</strong><ul style="${styles.list}">${contents(edition).map(
    ({ name, count }) => html`<li>${name}: ${plural(count, 'story', 'stories')}</li>`,
  )}</ul>`;
}

function footer(links: RoundupEmailLinks): SafeHtml {
  const items = footerLinks(links).map(
    ({ label, url }, index) =>
      html`${index > 0 ? ' · ' : ''}<a href="${url}" style="color:${palette.muted}">${label}</a>`,
  );
  return html`<p style="${styles.footerP}">${whyLine(links)}</p><p style="${styles.footerP}">${items}</p><p style="margin:0">${noTrackingLine}</p>`;
}

/** The editor's note at the top of the edition, when there is one: its paragraphs, escaped. */
function note(edition: EditionContent): SafeHtml {
  const paragraphs = (edition.note ?? '')
    .split(/\n{2,}/)
    .map(singleLine)
    .filter((p) => p !== '');
  if (paragraphs.length === 0) return html``;
  return html`<div class="rw-note" style="${styles.note}"><strong>From the editor</strong>${paragraphs.map(
    (p) => html`<p style="${styles.noteP}">${p}</p>`,
  )}</div>`;
}

/** What goes in each slot of the roundup layout: escaped text and markup of our own. */
export function roundupSlots(
  edition: EditionContent,
  links: RoundupEmailLinks,
  subject: string,
  preheader: string,
): Record<string, SafeHtml> {
  return {
    TITLE: html`${subject}`,
    PREHEADER: html`${preheader}`,
    WEEK: html`${editionHeading(edition)}`,
    NOTE: note(edition),
    COUNT: html`${countLine(edition)}`,
    CONTENTS: contentsList(edition),
    SECTIONS: sections(edition),
    FOOTER: footer(links),
  };
}

/** The edition's HTML: the compiled MJML layout with the edition's escaped text in its slots. */
export function roundupHtml(
  edition: EditionContent,
  links: RoundupEmailLinks,
  subject: string,
  preheader: string,
): string {
  return fillTemplate(compiled.roundup, roundupSlots(edition, links, subject, preheader));
}
