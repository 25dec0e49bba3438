import { type EditionContent, jurisdictionNames } from '@regwatch/core';
import { html, type SafeHtml } from '../html.ts';

/** What the latest stored edition holds for a subscriber: nothing stored yet, nothing matched, or its part. */
export type EditionPreview =
  | { kind: 'none' }
  | { kind: 'empty'; week: string }
  | { kind: 'part'; edition: EditionContent };

const sectionName = (code: string | null) => (code === null ? 'International' : (jurisdictionNames.get(code) ?? code));

function story(entry: EditionContent['sections'][number]['stories'][number]): SafeHtml {
  // Only web links: a source's odd scheme (javascript:, data:) is never made clickable.
  const links = entry.links
    .flatMap((link) =>
      link.url !== null && /^https?:\/\//i.test(link.url) ? [{ url: link.url, name: link.source.name }] : [],
    )
    .map((link, index) => html`${index === 0 ? null : html` · `}<a href="${link.url}">${link.name}</a>`);
  return html`<li class="story"><strong>${entry.title}</strong>
<p>${entry.summary}</p>
${links.length > 0 ? html`<p>${links}</p>` : null}</li>
`;
}

/** The preview's section of the manage page. */
export function editionPreviewSection(preview: EditionPreview): SafeHtml {
  const body =
    preview.kind === 'none'
      ? html`<p>No edition has been built yet: the first arrives on Friday morning.</p>`
      : preview.kind === 'empty'
        ? html`<p>Nothing in the latest edition (<a href="/roundups/${preview.week}">${preview.week}</a>) matched your choices, so you would have received no email that week.</p>`
        : html`<p>${String(preview.edition.storyCount)} ${preview.edition.storyCount === 1 ? 'story' : 'stories'} of <a href="/roundups/${preview.edition.week}">${preview.edition.week}</a>:</p>
${preview.edition.sections.map(
  (section) => html`<h3>${sectionName(section.jurisdiction)}</h3>
<ul>
${section.stories.map(story)}</ul>
`,
)}`;
  return html`<section aria-labelledby="preview-heading">
<h2 id="preview-heading">What the latest edition would have held for you</h2>
${body}
</section>`;
}
